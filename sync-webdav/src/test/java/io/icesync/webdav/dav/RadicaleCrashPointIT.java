package io.icesync.webdav.dav;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.engine.FirstSyncChoice;
import io.icesync.core.engine.SyncEngine;
import io.icesync.core.settings.ConflictPolicy;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.spi.RemoteStore;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.LocalStores;
import io.icesync.core.store.StateStores;
import io.icesync.testkit.CrashPoints;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A calendar sync with Radicale (a local edit, a new local event, an edit by a phone) killed before
 * each of its writes, and just after each server write with the store's state file put back as it
 * was (the window between a PUT and the save of the numbering). Radicale re-serialises what it is
 * given, so an upload is never recognised by its size: the rerun must still end with each event once,
 * with its last content, on both sides.
 */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class RadicaleCrashPointIT {
    static final String USER = "josephine@iwdemo.test";
    static final Pattern SUMMARY = Pattern.compile("(?m)^SUMMARY:(.*?)\r?$");

    @TempDir
    Path tmp;

    /** One run: its calendar on the server, its local store, state and numbering. */
    final class Run implements AutoCloseable {
        final FolderPath calendar = FolderPath.of("Crash " + UUID.randomUUID().toString().substring(0, 8));
        final Path dir;
        final LocalStore local = LocalStores.inMemory(RadicaleSyncIT::uidOf);
        final RadicalePeer phone = new RadicalePeer(USER);
        final SyncSettings settings;

        Run(String name, ConflictPolicy policy) throws IOException {
            dir = Files.createDirectories(tmp.resolve(name));
            settings = SyncSettings.builder().delayBetweenItems(Duration.ofMillis(1)).conflictPolicy(policy).build();
        }

        Path numbering() {
            return dir.resolve("dav-state.json");
        }

        void sync(CrashPoints kill, int killAfterServerWrite) {
            try (SyncStateStore state = StateStores.sqlite(dir.resolve("state.db"));
                 DavRemoteStore remote = RadicalePeer.store(USER, numbering())) {
                RemoteStore r = killAfterServerWrite >= 0
                        ? CrashPoints.afterServerWrite(remote, killAfterServerWrite, numbering()) : remote;
                SyncEngine e = SyncEngine.builder().remote(kill.wrap(RemoteStore.class, r))
                        .local(kill.wrap(LocalStore.class, local)).state(kill.wrap(SyncStateStore.class, state))
                        .settings(() -> settings).firstSync(x -> FirstSyncChoice.UPLOAD_LOCAL).build();
                try {
                    e.syncOnce();
                } catch (CrashPoints.Crash expected) {
                    // the process died here
                }
            }
        }

        void add(String uid, String summary) {
            local.add(calendar, Flags.NONE, 0,
                    new ByteArrayInputStream(RadicalePeer.event(uid, summary).getBytes(StandardCharsets.UTF_8)));
        }

        LocalItem item(String uid) {
            return local.items(calendar).stream().filter(i -> uid.equals(i.key())).findFirst().orElseThrow();
        }

        /** uid -> summary of each event here, in the order listed (a copy shows twice). */
        Map<String, String> localSide() {
            Map<String, String> out = new TreeMap<>();
            for (LocalItem i : local.items(calendar)) {
                try (InputStream in = local.open(calendar, i.id())) {
                    put(out, i.key(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return out;
        }

        Map<String, String> serverSide() {
            Map<String, String> out = new TreeMap<>();
            String c = phone.collection(calendar.name());
            for (String name : phone.names(c)) {
                String text = phone.read(c + name);
                put(out, RadicaleSyncIT.uidOf(text.getBytes(StandardCharsets.UTF_8)), text);
            }
            return out;
        }

        private static void put(Map<String, String> out, String uid, String text) {
            Matcher m = SUMMARY.matcher(text);
            String summary = m.find() ? m.group(1).trim() : "?";
            String was = out.put(uid, summary);
            if (was != null) {
                out.put(uid, was + " + " + summary); // two copies of one object: never equal to the expected map
            }
        }

        @Override
        public void close() {
            try (phone) {
                phone.deleteCollectionNamed(calendar.name());
            }
        }
    }

    /** A synced calendar with e1 and e2, then a local edit of e1, a new local e3 and a phone's edit of e2. */
    Run scenario(String name, ConflictPolicy policy) throws IOException {
        Run r = new Run(name, policy);
        r.local.createFolder(r.calendar, FolderKind.EVENTS);
        r.add("e1", "Review");
        r.add("e2", "Lunch");
        r.sync(CrashPoints.never(), -1);
        r.local.replaceContent(r.calendar, r.item("e1").id(),
                new ByteArrayInputStream(RadicalePeer.event("e1", "Review (moved)").getBytes(StandardCharsets.UTF_8)));
        r.add("e3", "Dentist");
        String c = r.phone.collection(r.calendar.name());
        r.phone.write(c + "e2.ics", RadicalePeer.event("e2", "Lunch at noon"), "text/calendar");
        return r;
    }

    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void killedAtAnyWriteOrJustAfterAnyPutTheRerunEndsWithEachEventOnce(ConflictPolicy policy) throws IOException {
        Map<String, String> expected = Map.of("e1", "Review (moved)", "e2", "Lunch at noon", "e3", "Dentist");
        int writes;
        try (Run reference = scenario("reference", policy)) {
            CrashPoints count = CrashPoints.never();
            reference.sync(count, -1);
            reference.sync(CrashPoints.never(), -1);
            assertThat(reference.serverSide()).isEqualTo(expected);
            assertThat(reference.localSide()).isEqualTo(expected);
            writes = count.writes();
        }
        assertThat(writes).as("the scenario writes").isGreaterThan(3);

        for (int n = 0; n < writes; n++) {
            try (Run r = scenario("before-" + n, policy)) {
                CrashPoints kill = CrashPoints.at(n);
                r.sync(kill, -1);
                r.sync(CrashPoints.never(), -1);
                r.sync(CrashPoints.never(), -1);
                assertThat(r.serverSide()).as("server after a kill before %s (write %d)", kill.killedAt(), n).isEqualTo(expected);
                assertThat(r.localSide()).as("local after a kill before %s (write %d)", kill.killedAt(), n).isEqualTo(expected);
            }
        }
        for (int n = 0; n <= writes; n++) {
            try (Run r = scenario("after-" + n, policy)) {
                r.sync(CrashPoints.never(), n);
                r.sync(CrashPoints.never(), -1);
                r.sync(CrashPoints.never(), -1);
                assertThat(r.serverSide()).as("server after a kill after server write %d", n).isEqualTo(expected);
                assertThat(r.localSide()).as("local after a kill after server write %d", n).isEqualTo(expected);
            }
        }
    }
}
