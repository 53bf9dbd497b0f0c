package io.icesync.testkit;

import io.icesync.testkit.internal.dns.DnsResponder;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;

/**
 * The test server's DNS zone, answered on a loopback UDP port ({@link IceWarpServer#dns()}): A, MX,
 * SRV and TXT records a test sets, plus names that never answer (to test timeouts). Unknown names get
 * NXDOMAIN.
 */
public final class TestDns {
    private static final long TTL = 60;
    private final List<Record> records = new CopyOnWriteArrayList<>();
    private final Set<String> silent = ConcurrentHashMap.newKeySet();
    private volatile Duration delay = Duration.ZERO;

    /**
     * Adds an A record (TTL 60 seconds); a name may have several.
     *
     * @param host    the name, with or without the final dot, such as {@code mail.iwdemo.test}
     * @param address the IPv4 address in dotted form
     * @return this zone
     * @throws IllegalArgumentException when the name or the address cannot be read
     */
    public TestDns a(String host, String address) {
        try {
            records.add(new ARecord(name(host), DClass.IN, TTL, InetAddress.getByName(address)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + address + "' is not an IPv4 address", e);
        }
        return this;
    }

    /**
     * Adds an MX record (TTL 60 seconds).
     *
     * @param domain     the mail domain, with or without the final dot
     * @param preference the preference, lowest first
     * @param host       the exchanger's name
     * @return this zone
     * @throws IllegalArgumentException when a name cannot be read
     */
    public TestDns mx(String domain, int preference, String host) {
        records.add(new MXRecord(name(domain), DClass.IN, TTL, preference, name(host)));
        return this;
    }

    /**
     * Adds an SRV record (TTL 60 seconds), such as {@code _autodiscover._tcp.iwdemo.test 0 5 443 mail.iwdemo.test}.
     *
     * @param name     the service name, with or without the final dot
     * @param priority the priority, lowest first
     * @param weight   the weight among records of one priority
     * @param port     the service's port
     * @param target   the host name offering the service
     * @return this zone
     * @throws IllegalArgumentException when a name cannot be read
     */
    public TestDns srv(String name, int priority, int weight, int port, String target) {
        records.add(new SRVRecord(name(name), DClass.IN, TTL, priority, weight, port, name(target)));
        return this;
    }

    /**
     * A TXT record of one or more strings, such as {@code _caldavs._tcp.iwdemo.test "path=/dav/"} (RFC 6764);
     * each string is one character-string of the record (at most 255 bytes). TTL 60 seconds.
     *
     * @param name    the record's name, with or without the final dot
     * @param strings the record's strings, at least one
     * @return this zone
     * @throws IllegalArgumentException when no string is given or the name cannot be read
     */
    public TestDns txt(String name, String... strings) {
        if (strings.length == 0) {
            throw new IllegalArgumentException("a TXT record holds at least one string");
        }
        records.add(new TXTRecord(name(name), DClass.IN, TTL, List.of(strings)));
        return this;
    }

    /**
     * Removes every record of that name (any type); the name then gets NXDOMAIN.
     *
     * @param name the name, with or without the final dot
     * @return this zone
     */
    public TestDns remove(String name) {
        Name n = name(name);
        records.removeIf(r -> r.getName().equals(n));
        return this;
    }

    /**
     * Makes queries for this name go unanswered: the client's resolver times out.
     *
     * @param name the name, with or without the final dot, in any case
     * @return this zone
     */
    public TestDns silent(String name) {
        silent.add(name(name).toString().toLowerCase(Locale.ROOT));
        return this;
    }

    /**
     * Makes every answer wait this long (default zero).
     *
     * @param d the delay
     * @return this zone
     */
    public TestDns delay(Duration d) {
        delay = d;
        return this;
    }

    /** Removes every record, silent name and delay: every name then gets NXDOMAIN at once. */
    public void clear() {
        records.clear();
        silent.clear();
        delay = Duration.ZERO;
    }

    /**
     * {@return the records in the order added, one line each in zone-file form
     * ("_imaps._tcp.iwdemo.test. 60 IN SRV 0 1 993 mail...")}
     */
    public List<String> records() {
        return records.stream().map(Record::toString).toList();
    }

    /** What the responder answers from. */
    DnsResponder.Zone zone() {
        return new DnsResponder.Zone() {
            @Override
            public List<Record> lookup(Name name, int type) {
                return TestDns.this.lookup(name, type);
            }

            @Override
            public boolean exists(Name name) {
                return TestDns.this.exists(name);
            }

            @Override
            public Duration delay() {
                return TestDns.this.delay();
            }
        };
    }

    /** The records of a name and type; null when the name should not be answered. */
    private List<Record> lookup(Name name, int type) {
        if (silent.contains(name.toString().toLowerCase(Locale.ROOT))) {
            return null;
        }
        List<Record> out = new ArrayList<>();
        for (Record r : records) {
            if (r.getName().equals(name) && (r.getType() == type || type == org.xbill.DNS.Type.ANY)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Whether the name exists with any type (NOERROR with no data, not NXDOMAIN). */
    private boolean exists(Name name) {
        return records.stream().anyMatch(r -> r.getName().equals(name));
    }

    /** {@return how long every answer waits: see {@link #delay(Duration)}} */
    public Duration delay() {
        return delay;
    }

    private static Name name(String s) {
        try {
            return Name.fromString(s.endsWith(".") ? s : s + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException("'" + s + "' is not a DNS name", e);
        }
    }
}
