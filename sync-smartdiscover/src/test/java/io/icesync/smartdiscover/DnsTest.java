package io.icesync.smartdiscover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class DnsTest {
    @Test
    void mxBySrvByPriorityThenWeightAddressesAndTypedFailures(IceWarpServer server) throws Exception {
        server.dnsZone().mx("iwdemo.test", 30, "backup.iwdemo.test").mx("iwdemo.test", 5, "first.iwdemo.test")
                .srv("_imaps._tcp.other.test", 10, 1, 993, "b.other.test").srv("_imaps._tcp.other.test", 0, 1, 993, "a.other.test")
                .srv("_imaps._tcp.other.test", 10, 9, 994, "c.other.test").srv("_imap._tcp.other.test", 0, 0, 0, ".");
        Dns dns = Dns.at(server.dns(), Duration.ofMillis(300));
        assertThat(dns.mx("iwdemo.test")).containsExactly("first.iwdemo.test", "mail.iwdemo.test", "backup.iwdemo.test");
        assertThat(dns.srv("_imaps._tcp.other.test")).extracting(Dns.Srv::host)
                .containsExactly("a.other.test", "c.other.test", "b.other.test");
        assertThat(dns.srv("_imap._tcp.other.test")).as("'.' means the service is not offered").isEmpty();
        assertThat(dns.mx("nowhere.test")).isEmpty();
        assertThat(dns.addresses("mail.iwdemo.test")).containsExactly(InetAddress.getByName("127.0.0.1"));
        assertThatThrownBy(() -> dns.addresses("nowhere.test")).isInstanceOfSatisfying(DnsException.class,
                e -> assertThat(e.kind()).isEqualTo(DnsException.Kind.NOT_FOUND));
        server.dnsZone().silent("slow.test");
        assertThatThrownBy(() -> dns.addresses("slow.test")).isInstanceOfSatisfying(DnsException.class,
                e -> assertThat(e.kind()).isEqualTo(DnsException.Kind.TIMEOUT));
    }
}
