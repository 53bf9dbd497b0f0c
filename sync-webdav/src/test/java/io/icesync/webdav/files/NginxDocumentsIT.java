package io.icesync.webdav.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.engine.SyncEngine;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.ConflictPolicy;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.StateStores;
import io.icesync.webdav.DavResource;
import io.icesync.webdav.Depth;
import io.icesync.webdav.Precondition;
import io.icesync.webdav.WebDavClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A documents tree synced two ways with nginx 1.22 (dav + dav_ext, ../shared/peers/webdav-up.sh), which
 * lists no ETags and ignores If-None-Match: versions come from last-modified and length. Each run
 * works in a collection of its own.
 */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class NginxDocumentsIT {
    static final URI BASE = URI.create("http://127.0.0.1:15280/webdav/");
    static final String USER = "jean@iwdemo.test";

    @TempDir
    Path dir;
    WebDavClient admin;
    String collection;
    SyncStateStore state;

    @BeforeEach
    void createCollection() {
        admin = WebDavClient.builder(BASE).credentials(USER, "secret".toCharArray()).build();
        collection = "docs-" + UUID.randomUUID().toString().substring(0, 8) + "/";
        admin.mkcol(collection);
    }

    @AfterEach
    void removeCollection() {
        if (state != null) {
            state.close();
        }
        try {
            admin.delete(collection, null);
        } finally {
            admin.close();
        }
    }

    ConflictPolicy policy = ConflictPolicy.SERVER_WINS;

    SyncReport sync() {
        if (state == null) {
            state = StateStores.sqlite(dir.resolve("state.db"));
        }
        SyncSettings s = SyncSettings.builder().delayBetweenItems(Duration.ofMillis(1)).conflictPolicy(policy).build();
        try (WebDavClient client = WebDavClient.builder(BASE.resolve(collection)).credentials(USER, "secret".toCharArray())
                .timeout(Duration.ofSeconds(20)).build();
             WebDavFilesRemoteStore remote = WebDavFilesRemoteStore.builder().client(client)
                     .state(dir.resolve("files-state.json")).settings(() -> s).build();
             FileTreeLocalStore local = new FileTreeLocalStore(dir.resolve("docs"))) {
            SyncReport r = SyncEngine.builder().remote(remote).local(local).state(state).settings(() -> s).build().syncOnce();
            assertThat(r.ok()).as(r.summary()).isTrue();
            return r;
        }
    }

    /** What another WebDAV client does on the server. */
    void put(String path, String content) {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        admin.put(collection + path, new ByteArrayInputStream(b), b.length, "text/plain", Precondition.none());
    }

    String get(String path) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        admin.get(collection + path, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    List<String> onServer(String sub) {
        return admin.propfind(collection + sub, Depth.ONE).stream().map(DavResource::path)
                .filter(p -> !p.equals(collection + sub)).map(p -> p.substring(collection.length())).sorted().toList();
    }

    Path local(String relative) {
        return dir.resolve("docs/Files").resolve(relative);
    }

    List<String> localNames(String relative) throws IOException {
        try (Stream<Path> s = Files.list(relative.isEmpty() ? dir.resolve("docs/Files") : local(relative))) {
            return s.map(p -> p.getFileName().toString() + (Files.isDirectory(p) ? "/" : ""))
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void editsAndDeletionsOnBothSidesMeet() throws IOException {
        put("a.txt", "a v1");
        put("b.txt", "b v1");
        put("c.txt", "c v1");
        put("d.txt", "d v1");
        admin.mkcol(collection + "Sub");
        put("Sub/e.txt", "e v1");
        sync();
        assertThat(localNames("")).containsExactly("Sub/", "a.txt", "b.txt", "c.txt", "d.txt");
        assertThat(Files.readString(local("Sub/e.txt"))).isEqualTo("e v1");

        // Edits change the length: nginx's versions are last-modified (whole seconds) and length.
        put("a.txt", "a edited on the server");
        admin.delete(collection + "b.txt", null);
        Files.writeString(local("c.txt"), "c edited on the client");
        Files.delete(local("d.txt"));
        Files.writeString(local("Sub/f.txt"), "new on the client");
        sync();

        assertThat(onServer("")).containsExactly("Sub/", "a.txt", "c.txt");
        assertThat(onServer("Sub/")).containsExactly("Sub/e.txt", "Sub/f.txt");
        assertThat(get("c.txt")).isEqualTo("c edited on the client");
        assertThat(get("Sub/f.txt")).isEqualTo("new on the client");
        assertThat(localNames("")).containsExactly("Sub/", "a.txt", "c.txt");
        assertThat(Files.readString(local("a.txt"))).isEqualTo("a edited on the server");
        assertThat(sync().changedAnything()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void aDocumentEditedOnBothSidesEndsAsThePolicySaysWithOneCopyEachSide(ConflictPolicy p) throws IOException {
        policy = p;
        put("plan.txt", "plan v1");
        put("other.txt", "untouched");
        sync();

        put("plan.txt", "plan edited on the server");
        Files.writeString(local("plan.txt"), "plan edited on the laptop, longer");
        sync();

        String winner = p == ConflictPolicy.SERVER_WINS ? "plan edited on the server" : "plan edited on the laptop, longer";
        assertThat(onServer("")).containsExactly("other.txt", "plan.txt");
        assertThat(get("plan.txt")).isEqualTo(winner);
        assertThat(localNames("")).containsExactly("other.txt", "plan.txt");
        assertThat(Files.readString(local("plan.txt"))).isEqualTo(winner);
        assertThat(sync().changedAnything()).isFalse();
    }

    @Test
    void aCollectionMovedByAnotherClientIsRenamedHereWithoutADownload() throws IOException {
        admin.mkcol(collection + "Sub");
        put("Sub/a.txt", "a");
        put("Sub/b.txt", "b");
        sync();

        admin.move(collection + "Sub/", collection + "Moved/", false);
        SyncReport r = sync();

        assertThat(r.downloaded()).as(r.summary()).isZero();
        assertThat(localNames("")).containsExactly("Moved/");
        assertThat(Files.readString(local("Moved/b.txt"))).isEqualTo("b");
        assertThat(sync().changedAnything()).isFalse();
    }
}
