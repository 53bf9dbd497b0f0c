package io.icesync.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The DNS lookups of every IceSync module (discovery, RFC 6764 CalDAV/CardDAV location): MX, SRV, TXT
 * and host addresses, asked of the machine's name servers ({@link #system(Duration)}) or of one server
 * ({@link #at(InetSocketAddress, Duration)}, a company resolver or a test's). A name that does not
 * exist, or has no record of the type, is an empty answer (an address lookup: {@link DnsFailure.Kind#NOT_FOUND});
 * a server that does not answer in time is {@link DnsFailure.Kind#TIMEOUT}, one that fails
 * {@link DnsFailure.Kind#FAILURE}; messages name the query and the server asked. Thread-safe.
 */
public final class DnsResolver {
    private final Resolver resolver;
    private final String describe;

    private DnsResolver(Resolver resolver, String describe) {
        this.resolver = resolver;
        this.describe = describe;
    }

    /**
     * The machine's name servers, with this timeout per query.
     *
     * @param timeout how long one query may wait for an answer
     * @return a resolver over the system's configuration
     */
    public static DnsResolver system(Duration timeout) {
        ExtendedResolver r = new ExtendedResolver();
        r.setTimeout(timeout);
        return new DnsResolver(r, "the system's DNS servers");
    }

    /**
     * One DNS server (UDP, then TCP for truncated answers).
     *
     * @param server  the server's address and port
     * @param timeout how long one query may wait for an answer
     * @return a resolver that asks only {@code server}
     */
    public static DnsResolver at(InetSocketAddress server, Duration timeout) {
        SimpleResolver r = new SimpleResolver(server);
        r.setTimeout(timeout);
        return new DnsResolver(r, "DNS server " + server.getHostString() + ":" + server.getPort());
    }

    /** {@return which servers are asked, for messages} */
    public String describe() {
        return describe;
    }

    /**
     * Mail exchangers of a domain, by preference; "." (no mail) left out.
     *
     * @param domain the mail domain, e.g. {@code example.com}
     * @return the exchangers' host names without the final dot, most preferred first; empty when there are none
     * @throws DnsFailure {@link DnsFailure.Kind#TIMEOUT} when the server does not answer in time, else {@link DnsFailure.Kind#FAILURE}
     */
    public List<String> mx(String domain) {
        List<MXRecord> mx = new ArrayList<>();
        for (Record r : query(domain, Type.MX, true)) {
            if (r instanceof MXRecord m) {
                mx.add(m);
            }
        }
        mx.sort(Comparator.comparingInt(MXRecord::getPriority));
        return mx.stream().map(m -> m.getTarget().toString(true)).filter(h -> !h.equals(".")).toList();
    }

    /**
     * The SRV records of a name, in the order the server sent them, "." targets included (see
     * {@link SrvTarget#offered()}; order them with {@link SrvTarget#rfc2782Order}).
     *
     * @param name the service name, e.g. {@code _caldavs._tcp.example.com}
     * @return the records' targets; empty when the name has none
     * @throws DnsFailure {@link DnsFailure.Kind#TIMEOUT} when the server does not answer in time, else {@link DnsFailure.Kind#FAILURE}
     */
    public List<SrvTarget> srv(String name) {
        List<SrvTarget> out = new ArrayList<>();
        Name owner = toName(name);
        for (Record r : query(name, Type.SRV, true)) {
            if (r instanceof SRVRecord s && s.getName().equals(owner)) {
                out.add(new SrvTarget(s.getTarget().toString(true), s.getPort(), s.getPriority(), s.getWeight()));
            }
        }
        return out;
    }

    /**
     * Every string of every TXT record of a name.
     *
     * @param name the owner name, e.g. {@code _caldavs._tcp.example.com}
     * @return the strings, record by record; empty when the name has none
     * @throws DnsFailure {@link DnsFailure.Kind#TIMEOUT} when the server does not answer in time, else {@link DnsFailure.Kind#FAILURE}
     */
    public List<String> txt(String name) {
        List<String> out = new ArrayList<>();
        Name owner = toName(name);
        for (Record r : query(name, Type.TXT, true)) {
            if (r instanceof TXTRecord t && t.getName().equals(owner)) {
                out.addAll(t.getStrings());
            }
        }
        return out;
    }

    /**
     * The addresses of a host (A, else AAAA); a literal address is returned as it is. Never empty.
     *
     * @param host a host name or a literal IPv4/IPv6 address
     * @return at least one address
     * @throws DnsFailure {@link DnsFailure.Kind#NOT_FOUND} when the host has no address, else as for the other lookups
     */
    public List<InetAddress> addresses(String host) {
        if (host.matches("[0-9.]+") || host.contains(":")) {
            try {
                return List.of(InetAddress.getByName(host));
            } catch (IOException e) {
                throw new DnsFailure(DnsFailure.Kind.NOT_FOUND, "'" + host + "' is not an address", e);
            }
        }
        List<InetAddress> out = new ArrayList<>();
        for (Record r : query(host, Type.A, false)) {
            if (r instanceof ARecord a) {
                out.add(a.getAddress());
            }
        }
        if (out.isEmpty()) {
            for (Record r : query(host, Type.AAAA, true)) {
                if (r instanceof AAAARecord a) {
                    out.add(a.getAddress());
                }
            }
        }
        if (out.isEmpty()) {
            throw new DnsFailure(DnsFailure.Kind.NOT_FOUND, "no address for " + host + " (" + describe + ")", null);
        }
        return out;
    }

    private List<Record> query(String name, int type, boolean emptyWhenMissing) {
        Message answer;
        try {
            answer = resolver.send(Message.newQuery(Record.newRecord(toName(name), type, DClass.IN)));
        } catch (IOException e) {
            // dnsjava reports a timeout as SocketTimeoutException or as an IOException saying "timed out".
            boolean timeout = e instanceof SocketTimeoutException
                    || e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("timed out");
            throw new DnsFailure(timeout ? DnsFailure.Kind.TIMEOUT : DnsFailure.Kind.FAILURE, Type.string(type)
                    + " lookup of " + name + " failed (" + describe + "): " + e.getMessage(), e);
        }
        int rcode = answer.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            if (emptyWhenMissing) {
                return List.of();
            }
            throw new DnsFailure(DnsFailure.Kind.NOT_FOUND, name + " does not exist (" + describe + ")", null);
        }
        if (rcode != Rcode.NOERROR) {
            throw new DnsFailure(DnsFailure.Kind.FAILURE, Type.string(type) + " lookup of " + name + " answered "
                    + Rcode.string(rcode) + " (" + describe + ")", null);
        }
        return answer.getSection(Section.ANSWER);
    }

    private static Name toName(String name) {
        try {
            return Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            throw new DnsFailure(DnsFailure.Kind.FAILURE, "'" + name + "' is not a DNS name", e);
        }
    }

    @Override
    public String toString() {
        return describe;
    }
}
