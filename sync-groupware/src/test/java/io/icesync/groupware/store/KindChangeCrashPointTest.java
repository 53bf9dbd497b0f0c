package io.icesync.groupware.store;

import static io.icesync.groupware.store.GroupwareSyncTest.card;
import static io.icesync.groupware.store.GroupwareSyncTest.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.engine.SyncEngine;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.spi.RemoteStore;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.LocalStores;
import io.icesync.core.store.StateStores;
import io.icesync.imap.ImapRemoteStore;
import io.icesync.testkit.CrashPoints;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.TestAccount;
import io.icesync.testkit.TestMailbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cycle that moves one folder from the Maildir to the vdir and another back, through the real
 * stores and server, killed before each of its writes (those between the two steps of a move too),
 * then run again: the server never written to, each object once, in the store of its new kind.
 */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class KindChangeCrashPointTest {
    static final String JEAN = "jean@iwdemo.test";
    static final String KOLAB_TYPE = "/shared/vendor/kolab/folder-type";

    @TempDir
    Path tmp;

    static void sync(IceWarpServer server, Path dir, CrashPoints kill) {
        SyncSettings settings = SyncSettings.builder().delayBetweenItems(Duration.ofMillis(1)).build();
        try (SyncStateStore state = StateStores.sqlite(dir.resolve("state.db"));
             ImapRemoteStore remote = ImapRemoteStore.builder().endpoint(server.imap()).login(JEAN)
                     .password("secret".toCharArray()).build();
             GroupwareLocalStore local = new GroupwareLocalStore(
                     kill.wrap(LocalStore.class, LocalStores.maildir(dir.resolve("mail"))),
                     new VdirLocalStore(dir.resolve("groupware")))) {
            SyncEngine e = SyncEngine.builder().remote(kill.wrap(RemoteStore.class, remote))
                    .local(kill.wrap(LocalStore.class, local)).state(kill.wrap(SyncStateStore.class, state))
                    .settings(() -> settings).build();
            try {
                e.syncOnce();
            } catch (CrashPoints.Crash expected) {
                // the process died here
            }
        }
    }

    /** Cards (mail, two vCards) and Book (contacts, two vCards) synced, then typed the other way round. */
    static Map<String, List<String>> scenario(IceWarpServer server, Path dir) {
        TestAccount a = server.account(JEAN);
        for (String n : List.of("Cards", "Book")) {
            if (a.find(n).isPresent()) {
                a.delete(n);
            }
        }
        TestMailbox cards = a.create("Cards");
        TestMailbox book = a.create("Book").setMetadata(KOLAB_TYPE, "contact");
        cards.append(message("text/vcard", "c1", card("c1", "Anna Martin")), "\\Seen");
        cards.append(message("text/vcard", "c2", card("c2", "Paul Durand")));
        book.append(message("text/vcard", "b1", card("b1", "Chloé Petit")));
        book.append(message("text/vcard", "b2", card("b2", "Bruno Keller")), "\\Flagged");
        sync(server, dir, CrashPoints.never());
        cards.setMetadata(KOLAB_TYPE, "contact");
        book.setMetadata(KOLAB_TYPE, null);
        return server(a);
    }

    static Map<String, List<String>> server(TestAccount a) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String n : List.of("Cards", "Book")) {
            out.put(n, a.mailbox(n).messages().stream().map(m -> m.uid() + " " + m.flags() + " "
                    + new String(m.content(), java.nio.charset.StandardCharsets.UTF_8)).toList());
        }
        return out;
    }

    /** Each side's files for the two folders: the vdir's objects, the Maildir's message count. */
    static Map<String, List<String>> local(Path dir) throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        for (String n : List.of("Cards", "Book")) {
            out.put("groupware/" + n, list(dir.resolve("groupware").resolve(n)));
            out.put("mail/" + n, list(dir.resolve("mail").resolve(n).resolve("cur")));
        }
        return out;
    }

    static List<String> list(Path d) throws IOException {
        if (!Files.isDirectory(d)) {
            return null;
        }
        try (Stream<Path> s = Files.list(d)) {
            // Maildir names change with every download; the flags they end with do not.
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .map(n -> n.contains(":2,") ? "message :2," + n.substring(n.indexOf(":2,") + 3) : n).sorted().toList();
        }
    }

    @Test
    void killedAtAnyWriteThenRerunEndsAsTheUninterruptedRunWithTheServerUntouched(IceWarpServer server)
            throws IOException {
        Path ref = tmp.resolve("reference");
        Map<String, List<String>> before = scenario(server, ref);
        CrashPoints count = CrashPoints.never();
        sync(server, ref, count);
        sync(server, ref, CrashPoints.never());
        Map<String, List<String>> expected = local(ref);
        assertThat(expected.get("groupware/Cards")).containsExactly("c1.vcf", "c2.vcf");
        assertThat(expected.get("mail/Cards")).isNull();
        assertThat(expected.get("mail/Book")).containsExactly("message :2,", "message :2,F");
        assertThat(expected.get("groupware/Book")).isNull();
        assertThat(server(server.account(JEAN))).isEqualTo(before);
        int writes = count.writes();
        assertThat(writes).as("the scenario performs writes").isGreaterThan(10);

        for (int n = 0; n < writes; n++) {
            Path dir = tmp.resolve("run" + n);
            Map<String, List<String>> onServer = scenario(server, dir);
            CrashPoints kill = CrashPoints.at(n);
            sync(server, dir, kill);
            sync(server, dir, CrashPoints.never());
            sync(server, dir, CrashPoints.never());
            String at = "after a kill before write " + n + " (" + kill.killedAt() + ")";
            assertThat(server(server.account(JEAN))).as("server " + at).isEqualTo(onServer);
            assertThat(local(dir)).as("local " + at).isEqualTo(expected);
            try (SyncStateStore state = StateStores.sqlite(dir.resolve("state.db"))) {
                assertThat(state.pending()).as("intents " + at).isEmpty();
            }
        }
    }
}
