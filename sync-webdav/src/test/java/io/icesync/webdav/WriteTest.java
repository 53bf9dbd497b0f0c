package io.icesync.webdav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes against a small in-memory server that evaluates If-Match and If-None-Match as RFC 9110
 * says: the conditions the client sends must keep two writers from overwriting each other.
 */
class WriteTest {
    private final Map<String, byte[]> store = new ConcurrentHashMap<>();
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();
    private DavTestServer server;
    private WebDavClient client;

    @BeforeEach
    void start() throws Exception {
        server = new DavTestServer(ex -> {
            String path = ex.getRequestURI().getRawPath();
            String method = ex.getRequestMethod();
            String current = versions.containsKey(path) ? "\"" + versions.get(path) + "\"" : null;
            String ifMatch = ex.getRequestHeaders().getFirst("If-Match");
            String ifNoneMatch = ex.getRequestHeaders().getFirst("If-None-Match");
            if (ifMatch != null && !ifMatch.equals(current) || "*".equals(ifNoneMatch) && current != null) {
                ex.sendResponseHeaders(412, -1);
            } else if (method.equals("PUT")) {
                store.put(path, server.seen.get(server.seen.size() - 1).body());
                versions.merge(path, 1, Integer::sum);
                ex.getResponseHeaders().set("ETag", "\"" + versions.get(path) + "\"");
                ex.sendResponseHeaders(current == null ? 201 : 204, -1);
            } else if (method.equals("DELETE")) {
                boolean existed = store.remove(path) != null;
                versions.remove(path);
                ex.sendResponseHeaders(existed ? 204 : 404, -1);
            } else {
                ex.sendResponseHeaders(201, -1);
            }
            ex.close();
        });
        client = WebDavClient.builder(server.base()).credentials("jean@iwdemo.test", "secret".toCharArray()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void createOnlyRefusesToReplaceAnExistingFile() {
        assertThat(put("a.txt", "first", Precondition.createOnly())).isEqualTo("\"1\"");

        assertThatThrownBy(() -> put("a.txt", "second", Precondition.createOnly()))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(new String(store.get("/dav/a.txt"), StandardCharsets.UTF_8)).isEqualTo("first");
    }

    @Test
    void aWriteBasedOnAStaleEtagIsRefused() {
        String mine = put("a.txt", "mine", Precondition.none());
        String theirs = put("a.txt", "theirs", Precondition.ifMatch(mine));

        assertThatThrownBy(() -> put("a.txt", "mine again", Precondition.ifMatch(mine)))
                .isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> client.delete("a.txt", mine)).isInstanceOf(PreconditionFailedException.class);
        assertThat(new String(store.get("/dav/a.txt"), StandardCharsets.UTF_8)).isEqualTo("theirs");

        client.delete("a.txt", theirs);
        assertThat(store).isEmpty();
    }

    @Test
    void moveAndCopyNameTheDestinationAsAnAbsoluteUrl() {
        client.move("Docs/été.txt", "Archives/été 2024.txt", false);
        client.copy("Docs/", "Backup/", true);
        client.mkcol("New folder");

        assertThat(server.seen("MOVE").get(0).header("Destination"))
                .isEqualTo(server.base() + "Archives/%C3%A9t%C3%A9%202024.txt");
        assertThat(server.seen("MOVE").get(0).header("Overwrite")).isEqualTo("F");
        assertThat(server.seen("COPY").get(0).header("Destination")).isEqualTo(server.base() + "Backup/");
        assertThat(server.seen("COPY").get(0).header("Overwrite")).isEqualTo("T");
        assertThat(server.seen("MKCOL").get(0).rawPath()).isEqualTo("/dav/New%20folder/");
    }

    private String put(String path, String text, Precondition p) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        return client.put(path, new ByteArrayInputStream(body), body.length, "text/plain", p);
    }
}
