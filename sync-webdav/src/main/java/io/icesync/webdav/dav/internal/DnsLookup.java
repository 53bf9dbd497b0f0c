package io.icesync.webdav.dav.internal;

import io.icesync.core.ConnectionException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
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
 * SRV and TXT lookups on dnsjava, for RFC 6764 service discovery. A name that does not exist, or has
 * no record of the type, is an empty answer; a timeout or a failing server is a
 * {@link ConnectionException} naming the query and the DNS server, since retrying later may work.
 */
public final class DnsLookup {
    private final Resolver resolver;
    private final String describe;

    public DnsLookup(Resolver resolver, String describe) {
        this.resolver = resolver;
        this.describe = describe;
    }

    /** The machine's name servers, with this timeout per query. */
    public static DnsLookup system(Duration timeout) {
        ExtendedResolver r = new ExtendedResolver();
        r.setTimeout(timeout);
        return new DnsLookup(r, "the system's DNS servers");
    }

    /** One DNS server (UDP, then TCP for truncated answers), such as a test's. */
    public static DnsLookup at(InetSocketAddress server, Duration timeout) {
        SimpleResolver r = new SimpleResolver(server);
        r.setTimeout(timeout);
        return new DnsLookup(r, "DNS server " + server.getHostString() + ":" + server.getPort());
    }

    /** The SRV records of a name, as the server sent them. */
    public List<SRVRecord> srv(String name) {
        List<SRVRecord> out = new ArrayList<>();
        for (Record r : query(name, Type.SRV)) {
            if (r instanceof SRVRecord s && s.getName().equals(toName(name))) {
                out.add(s);
            }
        }
        return out;
    }

    /** Every string of every TXT record of a name. */
    public List<String> txt(String name) {
        List<String> out = new ArrayList<>();
        for (Record r : query(name, Type.TXT)) {
            if (r instanceof TXTRecord t && t.getName().equals(toName(name))) {
                out.addAll(t.getStrings());
            }
        }
        return out;
    }

    /** Which servers are asked, for messages. */
    public String describe() {
        return describe;
    }

    private List<Record> query(String name, int type) {
        Message answer;
        try {
            answer = resolver.send(Message.newQuery(Record.newRecord(toName(name), type, DClass.IN)));
        } catch (IOException e) {
            // dnsjava reports a timeout as SocketTimeoutException or as an IOException saying "timed out".
            throw new ConnectionException(Type.string(type) + " lookup of " + name + " failed (" + describe + "): "
                    + e.getMessage(), e);
        }
        int rcode = answer.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return List.of();
        }
        if (rcode != Rcode.NOERROR) {
            throw new ConnectionException(Type.string(type) + " lookup of " + name + " answered " + Rcode.string(rcode)
                    + " (" + describe + ")", null);
        }
        return answer.getSection(Section.ANSWER);
    }

    private static Name toName(String name) {
        try {
            return Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException("'" + name + "' is not a DNS name", e);
        }
    }
}
