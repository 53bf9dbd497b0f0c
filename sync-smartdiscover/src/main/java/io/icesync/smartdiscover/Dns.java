package io.icesync.smartdiscover;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
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
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * DNS lookups for discovery (dnsjava): MX and SRV records, and host addresses. {@link #system()} asks
 * the machine's name servers; {@link #at(InetSocketAddress, Duration)} one given server (a test's).
 */
public final class Dns {
    /** An SRV answer: where a service runs. */
    public record Srv(String host, int port, int priority, int weight) {
    }

    private final Resolver resolver;
    private final String describe;

    private Dns(Resolver resolver, String describe) {
        this.resolver = resolver;
        this.describe = describe;
    }

    /** The system's name servers, with a 5 s timeout per query. */
    public static Dns system() {
        ExtendedResolver r = new ExtendedResolver();
        r.setTimeout(Duration.ofSeconds(5));
        return new Dns(r, "the system's DNS servers");
    }

    /** One DNS server (UDP, then TCP for long answers), such as the test server's. */
    public static Dns at(InetSocketAddress server, Duration timeout) {
        SimpleResolver r = new SimpleResolver(server);
        r.setTimeout(timeout);
        return new Dns(r, "DNS server " + server.getHostString() + ":" + server.getPort());
    }

    /** Mail exchangers of a domain, by preference (an empty list when there are none). */
    public List<String> mx(String domain) {
        List<MXRecord> mx = new ArrayList<>();
        for (Record r : query(domain, Type.MX, true)) {
            if (r instanceof MXRecord m) {
                mx.add(m);
            }
        }
        mx.sort(Comparator.comparingInt(MXRecord::getPriority));
        return mx.stream().map(m -> host(m.getTarget())).filter(h -> !h.isEmpty()).toList();
    }

    /** SRV targets by priority, then weight (heaviest first); "." (service not offered) left out. */
    public List<Srv> srv(String name) {
        List<Srv> out = new ArrayList<>();
        for (Record r : query(name, Type.SRV, true)) {
            if (r instanceof SRVRecord s && !host(s.getTarget()).isEmpty()) {
                out.add(new Srv(host(s.getTarget()), s.getPort(), s.getPriority(), s.getWeight()));
            }
        }
        out.sort(Comparator.comparingInt(Srv::priority).thenComparing(Comparator.comparingInt(Srv::weight).reversed()));
        return out;
    }

    /** The addresses of a host (A, then AAAA); a literal address is returned as it is. */
    public List<InetAddress> addresses(String host) {
        if (host.matches("[0-9.]+") || host.contains(":")) {
            try {
                return List.of(InetAddress.getByName(host));
            } catch (IOException e) {
                throw new DnsException(DnsException.Kind.NOT_FOUND, "'" + host + "' is not an address", e);
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
            throw new DnsException(DnsException.Kind.NOT_FOUND, "no address for " + host + " (" + describe + ")", null);
        }
        return out;
    }

    private List<Record> query(String name, int type, boolean emptyWhenMissing) {
        Name n;
        try {
            n = Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            throw new DnsException(DnsException.Kind.FAILURE, "'" + name + "' is not a DNS name", e);
        }
        Message answer;
        try {
            answer = resolver.send(Message.newQuery(Record.newRecord(n, type, DClass.IN)));
        } catch (SocketTimeoutException e) {
            throw new DnsException(DnsException.Kind.TIMEOUT, Type.string(type) + " lookup of " + name + " timed out ("
                    + describe + ")", e);
        } catch (IOException e) {
            boolean timeout = e.getMessage() != null && e.getMessage().toLowerCase().contains("timed out");
            throw new DnsException(timeout ? DnsException.Kind.TIMEOUT : DnsException.Kind.FAILURE, Type.string(type)
                    + " lookup of " + name + " failed (" + describe + "): " + e.getMessage(), e);
        }
        int rcode = answer.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            if (emptyWhenMissing) {
                return List.of();
            }
            throw new DnsException(DnsException.Kind.NOT_FOUND, name + " does not exist (" + describe + ")", null);
        }
        if (rcode != Rcode.NOERROR) {
            throw new DnsException(DnsException.Kind.FAILURE, Type.string(type) + " lookup of " + name + " answered "
                    + Rcode.string(rcode) + " (" + describe + ")", null);
        }
        return answer.getSection(Section.ANSWER);
    }

    private static String host(Name n) {
        String s = n.toString(true);
        return s.equals(".") ? "" : s;
    }

    @Override
    public String toString() {
        return describe;
    }
}
