package io.icesync.webdav.dav;

import io.icesync.net.DnsResolver;
import io.icesync.webdav.dav.internal.SrvLocator;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds a domain's CalDAV or CardDAV server in DNS (RFC 6764), for a user who gives only an address:
 * the SRV record {@code _caldavs._tcp.<domain>} (or {@code _carddavs._tcp}), then, only when
 * {@link #plainHttp(boolean) allowed}, {@code _caldav._tcp} for plain http. Targets come in RFC 2782
 * order (priority, then a draw by weight); the context path is the TXT record's {@code path=}, else
 * the well-known URL ({@code /.well-known/caldav}), where the store's discovery starts.
 *
 * <p>A domain that publishes nothing, or only the target "." (service not offered), is a
 * {@link DavUnsupportedException} naming the domain and every record asked; a DNS server that does
 * not answer or fails is an {@link io.icesync.core.ConnectionException}. Immutable.
 */
public final class DavServers {
    private final DnsResolver dns;
    private final boolean plainHttp;

    private DavServers(DnsResolver dns, boolean plainHttp) {
        this.dns = dns;
        this.plainHttp = plainHttp;
    }

    /** {@return a locator that asks the machine's name servers, 5 s per query} */
    public static DavServers system() {
        return new DavServers(DnsResolver.system(Duration.ofSeconds(5)), false);
    }

    /**
     * Asks one DNS server (UDP, TCP for long answers), such as a company resolver or a test's.
     *
     * @param dnsServer the server's address and port
     * @param timeout   how long one query may wait
     * @return a locator over that server
     */
    public static DavServers at(InetSocketAddress dnsServer, Duration timeout) {
        Objects.requireNonNull(dnsServer, "dnsServer");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the DNS timeout must be positive");
        }
        return new DavServers(DnsResolver.at(dnsServer, timeout), false);
    }

    /**
     * Whether the plain-http records ({@code _caldav._tcp}, {@code _carddav._tcp}) may be used when
     * the domain publishes no TLS one (off by default: the password would cross the network readable).
     *
     * @param allowed true to fall back to plain http
     * @return a locator with that choice
     */
    public DavServers plainHttp(boolean allowed) {
        return new DavServers(dns, allowed);
    }

    /**
     * The base URLs of the service for this domain (or e-mail address: the part after '@'), in the
     * order to try them, each with its context path. Never empty.
     *
     * @param domain  a domain or an e-mail address
     * @param service CalDAV or CardDAV
     * @return the URLs in RFC 2782 order
     * @throws DavUnsupportedException when the domain publishes no record for it
     * @throws io.icesync.core.ConnectionException when DNS does not answer
     */
    public List<URI> candidates(String domain, DavService service) {
        return new SrvLocator(dns, plainHttp, ThreadLocalRandom.current()).candidates(domain, service.names());
    }

    /**
     * The first of {@link #candidates}: the URL to give {@link DavRemoteStore#builder(URI)}.
     *
     * @param domain  a domain or an e-mail address
     * @param service CalDAV or CardDAV
     * @return the server's base URL
     * @throws DavUnsupportedException when the domain publishes no record for it
     * @throws io.icesync.core.ConnectionException when DNS does not answer
     */
    public URI locate(String domain, DavService service) {
        return candidates(domain, service).get(0);
    }

    /**
     * The CalDAV server of the domain, else its CardDAV server: a store discovers both calendars and
     * address books from one server. When neither is published, the error names the records asked for both.
     *
     * @param domain a domain or an e-mail address
     * @return the server's base URL
     * @throws DavUnsupportedException when the domain publishes neither service
     * @throws io.icesync.core.ConnectionException when DNS does not answer
     */
    public URI locate(String domain) {
        try {
            return locate(domain, DavService.CALDAV);
        } catch (DavUnsupportedException noCalDav) {
            try {
                return locate(domain, DavService.CARDDAV);
            } catch (DavUnsupportedException noCardDav) {
                throw new DavUnsupportedException(noCalDav.getMessage() + "; " + noCardDav.getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return "DavServers[" + dns.describe() + (plainHttp ? ", plain http allowed" : "") + "]";
    }
}
