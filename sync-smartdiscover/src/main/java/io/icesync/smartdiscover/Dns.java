package io.icesync.smartdiscover;

import io.icesync.net.DnsFailure;
import io.icesync.net.DnsResolver;
import io.icesync.net.SrvTarget;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * DNS lookups for discovery: MX and SRV records, and host addresses, asked through sync-net's
 * {@link DnsResolver} (the one resolver of IceSync), failures typed as {@link DnsException}.
 * {@link #system()} asks the machine's name servers; {@link #at(InetSocketAddress, Duration)} one
 * given server (a test's).
 */
public final class Dns {
    /** An SRV answer: where a service runs. */
    public record Srv(String host, int port, int priority, int weight) {
    }

    private final DnsResolver resolver;

    private Dns(DnsResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * The system's name servers, with a 5 s timeout per query.
     *
     * @return a resolver over the machine's configuration
     */
    public static Dns system() {
        return new Dns(DnsResolver.system(Duration.ofSeconds(5)));
    }

    /**
     * One DNS server (UDP, then TCP for long answers), such as the test server's.
     *
     * @param server  the server's address and port
     * @param timeout how long one query may wait
     * @return a resolver that asks only {@code server}
     */
    public static Dns at(InetSocketAddress server, Duration timeout) {
        return new Dns(DnsResolver.at(server, timeout));
    }

    /**
     * Mail exchangers of a domain, by preference (an empty list when there are none).
     *
     * @param domain the mail domain
     * @return the exchangers' host names, most preferred first
     * @throws DnsException when the server fails or does not answer in time
     */
    public List<String> mx(String domain) {
        return typed(() -> resolver.mx(domain));
    }

    /**
     * SRV targets by priority, then weight (heaviest first); "." (service not offered) left out.
     *
     * @param name the service name, e.g. {@code _imaps._tcp.example.com}
     * @return the targets in that order; empty when there are none
     * @throws DnsException when the server fails or does not answer in time
     */
    public List<Srv> srv(String name) {
        return typed(() -> resolver.srv(name)).stream()
                .filter(SrvTarget::offered)
                .sorted(Comparator.comparingInt(SrvTarget::priority)
                        .thenComparing(Comparator.comparingInt(SrvTarget::weight).reversed()))
                .map(t -> new Srv(t.host(), t.port(), t.priority(), t.weight()))
                .toList();
    }

    /**
     * The addresses of a host (A, then AAAA); a literal address is returned as it is.
     *
     * @param host a host name or literal address
     * @return at least one address
     * @throws DnsException {@link DnsException.Kind#NOT_FOUND} when the host has no address, or as for the other lookups
     */
    public List<InetAddress> addresses(String host) {
        return typed(() -> resolver.addresses(host));
    }

    private static <T> T typed(Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (DnsFailure e) {
            DnsException.Kind kind = switch (e.kind()) {
                case NOT_FOUND -> DnsException.Kind.NOT_FOUND;
                case TIMEOUT -> DnsException.Kind.TIMEOUT;
                case FAILURE -> DnsException.Kind.FAILURE;
            };
            throw new DnsException(kind, e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return resolver.describe();
    }
}
