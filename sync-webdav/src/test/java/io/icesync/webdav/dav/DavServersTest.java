package io.icesync.webdav.dav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.ConnectionException;
import io.icesync.core.Folder;
import io.icesync.core.FolderPath;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 6764 discovery of {@link DavServers} against the testkit's DNS zone. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class DavServersTest {
    @TempDir
    Path tmp;

    static DavServers dns(IceWarpServer server) {
        return DavServers.at(server.dns(), Duration.ofMillis(500));
    }

    @Test
    void theTlsServiceComesInPriorityOrderWithTheTxtPath(IceWarpServer server) {
        server.dnsZone().srv("_caldavs._tcp.a.test", 20, 100, 443, "far.a.test")
                .srv("_caldavs._tcp.a.test", 10, 0, 8443, "near.a.test")
                .txt("_caldavs._tcp.a.test", "txtvers=1", "path=/dav/cal/")
                .srv("_caldav._tcp.a.test", 0, 0, 80, "plain.a.test");

        assertThat(dns(server).plainHttp(true).candidates("jean@a.test", DavService.CALDAV)).containsExactly(
                URI.create("https://near.a.test:8443/dav/cal/"), URI.create("https://far.a.test/dav/cal/"));
        assertThat(dns(server).locate("a.test")).isEqualTo(URI.create("https://near.a.test:8443/dav/cal/"));
    }

    @Test
    void targetsOfOnePriorityAreAllOffered(IceWarpServer server) {
        server.dnsZone().srv("_carddavs._tcp.w.test", 5, 30, 443, "one.w.test")
                .srv("_carddavs._tcp.w.test", 5, 70, 443, "two.w.test");

        assertThat(dns(server).candidates("w.test", DavService.CARDDAV)).containsExactlyInAnyOrder(
                URI.create("https://one.w.test/.well-known/carddav"), URI.create("https://two.w.test/.well-known/carddav"));
    }

    @Test
    void withoutAUsableTxtPathTheWellKnownUrlIsTheContextPath(IceWarpServer server) {
        server.dnsZone().srv("_carddavs._tcp.b.test", 0, 1, 443, "dav.b.test")
                .srv("_caldavs._tcp.b.test", 0, 1, 443, "dav.b.test").txt("_caldavs._tcp.b.test", "path=relative/dav");

        assertThat(dns(server).locate("b.test", DavService.CARDDAV)).isEqualTo(URI.create("https://dav.b.test/.well-known/carddav"));
        assertThat(dns(server).locate("b.test", DavService.CALDAV)).isEqualTo(URI.create("https://dav.b.test/.well-known/caldav"));
    }

    @Test
    void aDotTargetMeansTheServiceIsNotOffered(IceWarpServer server) {
        server.dnsZone().srv("_caldavs._tcp.c.test", 0, 0, 0, ".").srv("_caldav._tcp.c.test", 0, 0, 8080, "cal.c.test");

        assertThatThrownBy(() -> dns(server).locate("c.test", DavService.CALDAV)).isInstanceOf(DavUnsupportedException.class)
                .hasMessageContaining("c.test publishes no CalDAV server")
                .hasMessageContaining("_caldavs._tcp.c.test has target \".\" (service not offered)")
                .hasMessageContaining("_caldav._tcp.c.test not asked (plain http is not allowed)");
        assertThat(dns(server).plainHttp(true).locate("c.test", DavService.CALDAV))
                .isEqualTo(URI.create("http://cal.c.test:8080/.well-known/caldav"));
    }

    @Test
    void aDomainThatPublishesNothingNamesEveryRecordAsked(IceWarpServer server) {
        assertThatThrownBy(() -> dns(server).plainHttp(true).locate("jean@nothing.test"))
                .isInstanceOf(DavUnsupportedException.class)
                .hasMessageContaining("no SRV record at _caldavs._tcp.nothing.test")
                .hasMessageContaining("no SRV record at _caldav._tcp.nothing.test")
                .hasMessageContaining("no SRV record at _carddavs._tcp.nothing.test")
                .hasMessageContaining("no SRV record at _carddav._tcp.nothing.test")
                .hasMessageContaining("DNS server 127.0.0.1:" + server.dns().getPort());
    }

    @Test
    void aDnsServerThatDoesNotAnswerIsAConnectionError(IceWarpServer server) {
        server.dnsZone().silent("_caldavs._tcp.slow.test");

        assertThatThrownBy(() -> DavServers.at(server.dns(), Duration.ofMillis(200)).locate("slow.test", DavService.CALDAV))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("SRV lookup of _caldavs._tcp.slow.test failed")
                .hasMessageContaining("DNS server 127.0.0.1:" + server.dns().getPort());
    }

    @Test
    void anInternationalDomainIsAskedInItsAsciiForm(IceWarpServer server) {
        server.dnsZone().srv("_caldavs._tcp.xn--exmple-cua.test", 0, 0, 443, "dav.xn--exmple-cua.test");

        assertThat(dns(server).locate("Jean@Exämple.test", DavService.CALDAV))
                .isEqualTo(URI.create("https://dav.xn--exmple-cua.test/.well-known/caldav"));
    }

    @Test
    void aStoreBuiltFromTheDomainStartsDiscoveryAtTheTxtPath(IceWarpServer server) throws Exception {
        try (MiniCalDavServer dav = new MiniCalDavServer()) {
            server.dnsZone().srv("_caldav._tcp.mini.test", 0, 0, dav.base().getPort(), "127.0.0.1")
                    .txt("_caldav._tcp.mini.test", "path=/dav/");

            try (DavRemoteStore store = DavRemoteStore.builder("u@mini.test", dns(server).plainHttp(true))
                    .credentials("u", "pw".toCharArray()).state(tmp.resolve("dav.json")).build()) {
                assertThat(store.folders()).extracting(Folder::path).contains(FolderPath.of("Work"), FolderPath.of("Todo"));
            }
            assertThat(dav.count("PROPFIND", "/dav/", "0")).isEqualTo(1);
            assertThat(dav.count("PROPFIND", "/.well-known/caldav", null)).isZero();
        }
    }
}
