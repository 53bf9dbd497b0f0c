package io.icesync.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.ConnectionException;
import io.icesync.core.Endpoint;
import io.icesync.core.ProxyChoice;
import io.icesync.core.ServiceAccess;
import io.icesync.core.engine.SyncEngine;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.store.LocalStores;
import io.icesync.core.store.StateStores;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.TestProxy;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sync whose access names a proxy reaches the server through it, and only then. */
class ProxiedImapTest {
    static final String USER = "jean@iwdemo.test";
    IceWarpServer server;
    TestProxy proxy;

    @BeforeEach
    void start() {
        server = IceWarpServer.start(USER, "secret");
        server.account(USER).mailbox("INBOX").append("Subject: via the proxy\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII));
        proxy = TestProxy.start();
    }

    @AfterEach
    void stop() {
        proxy.close();
        server.close();
    }

    ImapRemoteStore store(Endpoint e, ProxyChoice choice) {
        ServiceAccess access = ServiceAccess.builder().endpoint(e).credentials(USER, "secret".toCharArray())
                .proxy(choice).build();
        return ImapRemoteStore.builder().access(access).trustPem(server.certificatePem()).build();
    }

    @Test
    void aSyncOverTlsGoesThroughTheProxyAndBringsTheMail(@TempDir Path dir) throws IOException {
        try (ImapRemoteStore remote = store(server.imaps(), proxy.choice())) {
            SyncReport r = sync(remote, dir);
            assertThat(r.ok()).as(r.summary()).isTrue();
            assertThat(r.downloaded()).isEqualTo(1);
        }
        assertThat(proxy.connects()).isNotEmpty().allMatch(t -> t.equals("127.0.0.1:" + server.imaps().port()));
        try (Stream<Path> files = Files.walk(dir.resolve("mail"))) {
            assertThat(files.filter(Files::isRegularFile).map(ProxiedImapTest::read))
                    .anyMatch(text -> text.contains("Subject: via the proxy"));
        }
    }

    @Test
    void startTlsGoesThroughTheProxyToo() {
        try (ImapRemoteStore remote = store(server.imapStartTls(), proxy.choice())) {
            remote.connect();
            assertThat(remote.folders()).isNotEmpty();
        }
        assertThat(proxy.connects()).contains("127.0.0.1:" + server.imap().port());
    }

    @Test
    void aRefusingProxyIsAConnectionErrorNamingTheProxy() {
        proxy.refuse();
        try (ImapRemoteStore remote = store(server.imaps(), proxy.choice())) {
            assertThatThrownBy(remote::connect).isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("HTTP proxy 127.0.0.1:" + proxy.port())
                    .hasMessageContaining("refused to connect to 127.0.0.1:" + server.imaps().port())
                    .hasMessageContaining("403 Forbidden")
                    .hasMessageNotContaining("secret");
        }
    }

    @Test
    void aProxyAskingForALoginSaysSo() {
        proxy.requireLogin("someone", "else");
        try (ImapRemoteStore remote = store(server.imaps(), proxy.choice())) {
            assertThatThrownBy(remote::connect).isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("407").hasMessageContaining("asks for a proxy login");
        }
    }

    @Test
    void aProxyThatIsNotThereIsNamed() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (ImapRemoteStore remote = store(server.imaps(), ProxyChoice.http("127.0.0.1", closed))) {
            assertThatThrownBy(remote::connect).isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("the HTTP proxy 127.0.0.1:" + closed + " cannot be reached");
        }
    }

    @Test
    void withoutAProxyTheProxySeesNothing() {
        try (ImapRemoteStore remote = store(server.imaps(), ProxyChoice.none())) {
            remote.connect();
            assertThat(remote.folders()).isNotEmpty();
        }
        assertThat(proxy.connects()).isEmpty();
    }

    private static SyncReport sync(ImapRemoteStore remote, Path dir) {
        try (LocalStore local = LocalStores.maildir(dir.resolve("mail"))) {
            SyncSettings settings = SyncSettings.defaults();
            return SyncEngine.builder().remote(remote).local(local).state(StateStores.inMemory()).settings(() -> settings)
                    .build().syncOnce();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
