package io.icesync.webdav.files;

import static io.icesync.webdav.files.DocumentsSyncTest.JEAN;
import static io.icesync.webdav.files.DocumentsSyncTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.engine.SyncEngine;
import io.icesync.core.settings.ConflictPolicy;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.spi.RemoteStore;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.StateStores;
import io.icesync.testkit.CrashPoints;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.WebDavFiles;
import io.icesync.webdav.WebDavClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A documents sync (a local edit, a new local file, a server edit) killed at every write, and also
 * just after every server write with the store's own state file not yet saved; the rerun must end
 * as the uninterrupted sync did: each document once, with its last content, on both sides.
 */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class DocumentsCrashPointIT {
    @TempDir
    Path tmp;

    /** One client's files: its tree, its engine state, its WebDAV store's state. */
    final class Client {
        final Path dir;
        final IceWarpServer server;
        final SyncSettings settings;

        Client(Path dir, IceWarpServer server, ConflictPolicy policy) {
            this.dir = dir;
            this.server = server;
            this.settings = SyncSettings.builder().delayBetweenItems(Duration.ofMillis(1)).conflictPolicy(policy).build();
        }

        Path stateFile() {
            return dir.resolve("files-state.json");
        }

        /** One cycle with fresh store objects, as a new process runs it; {@code wrap} may kill it. */
        void sync(CrashPoints kill, int killAfterRemoteWrite) {
            try (SyncStateStore state = StateStores.sqlite(dir.resolve("state.db"));
                 WebDavClient client = WebDavClient.builder(server.webdavUrl()).credentials(JEAN, "secret".toCharArray())
                         .trust(CertificateTrust.inMemory(server.certificate())).timeout(Duration.ofSeconds(20)).build();
                 WebDavFilesRemoteStore remote = WebDavFilesRemoteStore.builder().client(client).state(stateFile())
                         .settings(() -> settings).build();
                 FileTreeLocalStore local = new FileTreeLocalStore(dir.resolve("docs"))) {
                RemoteStore r = killAfterRemoteWrite >= 0
                        ? CrashPoints.afterServerWrite(remote, killAfterRemoteWrite, stateFile()) : remote;
                SyncEngine e = SyncEngine.builder().remote(kill.wrap(RemoteStore.class, r))
                        .local(kill.wrap(LocalStore.class, local)).state(kill.wrap(SyncStateStore.class, state))
                        .settings(() -> settings).build();
                try {
                    e.syncOnce();
                } catch (CrashPoints.Crash expected) {
                    // the process died here
                }
            }
        }

        Map<String, String> localTree() {
            return tree(dir.resolve("docs/Files"));
        }
    }

    static Map<String, String> tree(Path root) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(f).toString();
                if (!rel.startsWith(".") && !rel.contains("/.")) {
                    out.put(rel, Files.readString(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static Map<String, String> serverTree(WebDavFiles files) {
        Map<String, String> out = new TreeMap<>();
        for (String p : files.list()) {
            if (!p.endsWith("/")) {
                out.put(p, new String(files.get(p).orElseThrow(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** A synced tree, then changes on both sides; returns the client. */
    Client scenario(IceWarpServer server, String name, ConflictPolicy policy) throws IOException {
        WebDavFiles files = DocumentsSyncTest.serverFiles(server);
        files.put("Notes/report.txt", bytes("v1"));
        files.put("Notes/keep.txt", bytes("k1"));
        Client c = new Client(tmp.resolve(name), server, policy);
        c.sync(CrashPoints.never(), -1);
        Files.writeString(c.dir.resolve("docs/Files/Notes/report.txt"), "v2, from the laptop");
        Files.writeString(c.dir.resolve("docs/Files/Notes/new.txt"), "fresh");
        files.put("Notes/keep.txt", bytes("k2, from the server"));
        return c;
    }

    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void killedAtAnyWriteOrJustAfterAnyServerWriteTheRerunEndsWithEachDocumentOnce(ConflictPolicy policy,
                                                                                    IceWarpServer server) throws IOException {
        Client reference = scenario(server, "reference", policy);
        CrashPoints count = CrashPoints.never();
        reference.sync(count, -1);
        reference.sync(CrashPoints.never(), -1);
        WebDavFiles files = server.webdav().files(JEAN);
        Map<String, String> expected = serverTree(files);
        assertThat(expected).containsExactly(Map.entry("Notes/keep.txt", "k2, from the server"),
                Map.entry("Notes/new.txt", "fresh"), Map.entry("Notes/report.txt", "v2, from the laptop"));
        assertThat(reference.localTree()).isEqualTo(expected);
        int writes = count.writes();
        assertThat(writes).as("the scenario writes").isGreaterThan(5);

        for (int n = 0; n < writes; n++) {
            Client c = scenario(server, "before-" + n, policy);
            CrashPoints kill = CrashPoints.at(n);
            c.sync(kill, -1);
            c.sync(CrashPoints.never(), -1);
            c.sync(CrashPoints.never(), -1); // a settled intent may leave one more upload to the next cycle
            assertThat(serverTree(files)).as("server after a kill before %s (write %d)", kill.killedAt(), n).isEqualTo(expected);
            assertThat(c.localTree()).as("local after a kill before %s (write %d)", kill.killedAt(), n).isEqualTo(expected);
        }
        for (int n = 0; ; n++) {
            Client c = scenario(server, "after-" + n, policy);
            CrashPoints none = CrashPoints.never();
            c.sync(none, n);
            c.sync(CrashPoints.never(), -1);
            c.sync(CrashPoints.never(), -1);
            assertThat(serverTree(files)).as("server after a kill after server write %d", n).isEqualTo(expected);
            assertThat(c.localTree()).as("local after a kill after server write %d", n).isEqualTo(expected);
            if (n > writes) {
                break; // past the last server write: the kill never came
            }
        }
    }
}
