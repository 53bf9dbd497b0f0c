package io.icesync.groupware.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.FolderPath;
import io.icesync.core.engine.SyncEngine;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.ConflictPolicy;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.StateStores;
import io.icesync.webdav.dav.DavRemoteStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two vdirs (as khal and khard read them) kept in step through Radicale by IceSync: the CalDAV and
 * CardDAV remote store, the engine, and the vdir store with objects as they are (RawItemCodec).
 */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class RadicaleVdirSyncIT {
    static final URI SERVER = URI.create("http://127.0.0.1:" + Integer.getInteger("icesync.radicale.port", 15232) + "/");

    @TempDir
    Path tmp;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final FolderPath calendar = FolderPath.of("Agenda " + suffix);

    final class Client {
        final Path dir;
        final SyncStateStore state;

        Client(String name) {
            dir = tmp.resolve(name);
            state = StateStores.sqlite(dir.resolve("state.db"));
        }

        SyncReport sync(ConflictPolicy policy) {
            try (DavRemoteStore remote = DavRemoteStore.builder(SERVER).credentials("josephine@iwdemo.test",
                    "secret".toCharArray()).state(dir.resolve("dav-state.json")).build();
                 VdirLocalStore local = new VdirLocalStore(dir.resolve("groupware"), f -> new RawItemCodec())) {
                SyncSettings s = SyncSettings.builder().delayBetweenItems(Duration.ofMillis(1)).conflictPolicy(policy).build();
                SyncReport r = SyncEngine.builder().remote(remote).local(local).state(state).settings(() -> s).build()
                        .syncOnce();
                assertThat(r.ok()).as(r.toString()).isTrue();
                return r;
            }
        }

        Path folder() {
            return dir.resolve("groupware").resolve(calendar.names().get(0));
        }

        String only() throws IOException {
            try (Stream<Path> s = Files.list(folder())) {
                Path f = s.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
                return Files.readString(f);
            }
        }

        Path file() throws IOException {
            try (Stream<Path> s = Files.list(folder())) {
                return s.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
            }
        }
    }

    @Test
    void aCalendarMadeInOneVdirReachesTheOtherAndEditsComeBack() throws IOException {
        Client a = new Client("a");
        Client b = new Client("b");
        a.sync(ConflictPolicy.SERVER_WINS);
        Files.createDirectories(a.folder());
        Files.writeString(a.folder().resolve("meeting.ics"), GroupwareSyncTest.event("r1-" + suffix, "Review"));
        a.sync(ConflictPolicy.SERVER_WINS);
        b.sync(ConflictPolicy.SERVER_WINS);
        assertThat(b.only()).contains("SUMMARY:Review", "TZID=Europe/Paris");

        Path fb = b.file();
        Files.writeString(fb, Files.readString(fb).replace("SUMMARY:Review", "SUMMARY:Review (moved)"));
        b.sync(ConflictPolicy.SERVER_WINS);
        a.sync(ConflictPolicy.SERVER_WINS);

        assertThat(a.only()).contains("SUMMARY:Review (moved)");
        assertThat(a.sync(ConflictPolicy.SERVER_WINS).changedAnything()).isFalse();

        Files.delete(a.file());
        a.sync(ConflictPolicy.SERVER_WINS);
        b.sync(ConflictPolicy.SERVER_WINS);
        try (Stream<Path> s = Files.list(b.folder())) {
            assertThat(s.filter(p -> !p.getFileName().toString().startsWith("."))).isEmpty();
        }
        try (DavRemoteStore r = DavRemoteStore.builder(SERVER).credentials("josephine@iwdemo.test", "secret".toCharArray())
                .state(tmp.resolve("cleanup.json")).build()) {
            r.connect();
            r.deleteFolder(calendar);
        }
    }
}
