package io.icesync.webdav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedirectTest {
    private static final byte[] EMPTY_MULTISTATUS = "<D:multistatus xmlns:D=\"DAV:\"/>".getBytes(StandardCharsets.UTF_8);

    @Test
    void aRedirectToAnotherServerIsNotFollowedAndItGetsNoCredentials() throws Exception {
        try (DavTestServer elsewhere = new DavTestServer(ex -> {
            ex.sendResponseHeaders(207, EMPTY_MULTISTATUS.length);
            ex.getResponseBody().write(EMPTY_MULTISTATUS);
            ex.close();
        }); DavTestServer server = new DavTestServer(ex -> {
            ex.getResponseHeaders().set("Location", elsewhere.base() + "Docs/");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        }); WebDavClient client = WebDavClient.builder(server.base())
                .credentials("jean@iwdemo.test", "secret".toCharArray()).build()) {

            assertThatThrownBy(() -> client.propfind("Docs/", Depth.ZERO))
                    .isInstanceOfSatisfying(UnexpectedStatusException.class, e -> {
                        assertThat(e.status()).isEqualTo(302);
                        assertThat(e.getMessage()).contains(elsewhere.base() + "Docs/");
                    });
            assertThat(elsewhere.seen).isEmpty();
        }
    }

    @Test
    void aRedirectOnTheSameServerIsFollowedForReadsButNotForWrites() throws Exception {
        try (DavTestServer server = new DavTestServer(ex -> {
            if (ex.getRequestURI().getPath().equals("/dav/Docs")) {
                ex.getResponseHeaders().set("Location", "/dav/Docs/");
                ex.sendResponseHeaders(301, -1);
            } else {
                ex.sendResponseHeaders(207, EMPTY_MULTISTATUS.length);
                ex.getResponseBody().write(EMPTY_MULTISTATUS);
            }
            ex.close();
        }); WebDavClient client = WebDavClient.builder(server.base())
                .credentials("jean@iwdemo.test", "secret".toCharArray()).build()) {

            assertThat(client.propfind("Docs", Depth.ZERO)).isEmpty();
            assertThat(server.seen("PROPFIND")).extracting(DavTestServer.Seen::rawPath).containsExactly("/dav/Docs", "/dav/Docs/");
            assertThat(server.seen("PROPFIND").get(1).header("Depth")).isEqualTo("0");

            assertThatThrownBy(() -> client.put("Docs", new ByteArrayInputStream(new byte[1]), 1, null, Precondition.none()))
                    .isInstanceOfSatisfying(UnexpectedStatusException.class, e -> assertThat(e.status()).isEqualTo(301));
            assertThat(server.seen("PUT")).hasSize(1);
        }
    }
}
