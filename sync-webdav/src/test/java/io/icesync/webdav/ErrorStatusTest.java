package io.icesync.webdav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.AuthenticationException;
import io.icesync.core.ConnectionException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ErrorStatusTest {
    private static final String PASSWORD = "s3cr3t-Pa55";
    private final AtomicInteger status = new AtomicInteger();
    private DavTestServer server;
    private WebDavClient client;

    @BeforeEach
    void start() throws Exception {
        server = new DavTestServer(ex -> {
            byte[] body = ("<html>refused " + status.get() + "</html>").getBytes();
            ex.sendResponseHeaders(status.get(), body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        client = WebDavClient.builder(server.base()).credentials("jean@iwdemo.test", PASSWORD.toCharArray()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({
        "403, io.icesync.webdav.DavForbiddenException",
        "404, io.icesync.webdav.DavNotFoundException",
        "409, io.icesync.webdav.DavConflictException",
        "412, io.icesync.webdav.PreconditionFailedException",
        "423, io.icesync.webdav.DavLockedException",
        "507, io.icesync.webdav.InsufficientStorageException",
        "405, io.icesync.webdav.UnexpectedStatusException",
        "500, io.icesync.webdav.UnexpectedStatusException",
    })
    void eachStatusIsItsOwnErrorWithStatusAndUrl(int code, Class<? extends WebDavException> type) {
        status.set(code);
        String url = server.base() + "Docs/a.txt";

        for (Runnable call : new Runnable[] {
            () -> client.propfind("Docs/a.txt", Depth.ZERO),
            () -> client.get("Docs/a.txt", new ByteArrayOutputStream()),
            () -> client.put("Docs/a.txt", new ByteArrayInputStream(new byte[3]), 3, "text/plain", Precondition.none()),
            () -> client.delete("Docs/a.txt", null),
            () -> client.move("Docs/a.txt", "Docs/b.txt", false),
            () -> client.copy("Docs/a.txt", "Docs/b.txt", true),
        }) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(type, e -> {
                assertThat(e.status()).isEqualTo(code);
                assertThat(e.url()).isEqualTo(url);
                assertThat(e.getMessage()).contains(url, String.valueOf(code)).doesNotContain(PASSWORD);
            });
        }
        assertThatThrownBy(() -> client.mkcol("Docs/a.txt")).isInstanceOf(type);
    }

    @Test
    void aRefusedLoginIsAnAuthenticationErrorNamingTheUserButNotThePassword() {
        status.set(401);

        assertThatThrownBy(() -> client.propfind("", Depth.ZERO))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("jean@iwdemo.test")
                .hasMessageContaining(server.base().toString())
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void credentialsGoWithTheFirstRequestToLoopback() {
        status.set(404);

        assertThatThrownBy(() -> client.propfind("", Depth.ZERO)).isInstanceOf(DavNotFoundException.class);

        assertThat(server.seen("PROPFIND").get(0).header("Authorization")).startsWith("Basic ");
    }

    @Test
    void aServerThatIsNotThereIsAConnectionError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (WebDavClient down = WebDavClient.builder(URI.create("http://127.0.0.1:" + port + "/dav/"))
                .credentials("jean@iwdemo.test", PASSWORD.toCharArray()).build()) {
            assertThatThrownBy(() -> down.propfind("", Depth.ZERO))
                    .isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageNotContaining(PASSWORD);
        }
    }

    @Test
    void aBaseUrlCarryingCredentialsIsRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> WebDavClient.builder(URI.create("https://jean:" + PASSWORD + "@example.test/dav/")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(PASSWORD);
    }
}
