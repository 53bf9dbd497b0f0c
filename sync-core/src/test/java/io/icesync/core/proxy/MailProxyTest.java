package io.icesync.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.ProxyChoice;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Which proxy a mail connection takes, and the Angus Mail settings that say so. */
class MailProxyTest {
    @Test
    void anHttpProxyBecomesAngusProxyHostAndPort() {
        Properties p = MailProxy.of(ProxyChoice.http("proxy.corp", 3128), "mail.example.com", 993).applyTo(new Properties(), "imaps");
        assertThat(p).containsExactlyInAnyOrderEntriesOf(Map.of("mail.imaps.proxy.host", "proxy.corp",
                "mail.imaps.proxy.port", "3128"));
    }

    @Test
    void noProxySetsNothing() {
        assertThat(MailProxy.of(ProxyChoice.none(), "h", 143).applyTo(new Properties(), "imap")).isEmpty();
    }

    @Test
    void theSystemSelectorIsAskedForSocketThenHttps() {
        List<URI> asked = new ArrayList<>();
        MailProxy socks = MailProxy.selected(selector(asked, "socket", Proxy.Type.SOCKS), "mail.example.com", 143);
        assertThat(socks).hasToString("SOCKS proxy gate:1080");
        assertThat(socks.applyTo(new Properties(), "smtp")).containsEntry("mail.smtp.socks.host", "gate")
                .containsEntry("mail.smtp.socks.port", "1080");
        assertThat(asked).containsExactly(URI.create("socket://mail.example.com:143"));

        asked.clear();
        MailProxy http = MailProxy.selected(selector(asked, "https", Proxy.Type.HTTP), "::1", 993);
        assertThat(http).hasToString("HTTP proxy gate:1080");
        assertThat(asked).containsExactly(URI.create("socket://[::1]:993"), URI.create("https://[::1]:993"));

        assertThat(MailProxy.selected(selector(asked, "none", Proxy.Type.HTTP), "h", 1).type())
                .isEqualTo(MailProxy.Type.DIRECT);
    }

    /** A selector that answers a proxy for one scheme and DIRECT for the others. */
    private static ProxySelector selector(List<URI> asked, String scheme, Proxy.Type type) {
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                asked.add(uri);
                return uri.getScheme().equals(scheme)
                        ? List.of(new Proxy(type, InetSocketAddress.createUnresolved("gate", 1080)))
                        : List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            }
        };
    }
}
