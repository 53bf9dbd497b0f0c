package io.icesync.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.engine.SyncEngine;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.store.LocalStores;
import io.icesync.core.store.StateStores;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.Messages;
import io.icesync.testkit.TestAccount;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * PITFALLS 14 and 15 on 500 folders: a resync with nothing changed is one LIST (with STATUS), the
 * pipelined folder types and rights, no folder opened and nothing fetched; without LIST-STATUS each
 * folder is selected once with its QRESYNC state and still nothing is fetched.
 */
class ManyFoldersTest {
    static final int FOLDERS = 500;

    @Test
    void aNoChangeResyncOf500FoldersIsOneListAndNoFetch() {
        List<String> commands = new CopyOnWriteArrayList<>();
        try (IceWarpServer server = seeded(IceWarpServer.builder().trace(commandsInto(commands)))) {
            SyncEngine engine = engine(server);
            SyncReport first = engine.syncOnce();
            assertThat(first.downloaded()).isEqualTo(FOLDERS * 2);
            assertThat(count(commands, "LIST")).as("the structure pass and the item pass list once each: %s",
                    summary(commands)).isLessThanOrEqualTo(2);

            commands.clear();
            SyncReport again = engine.syncOnce();
            assertThat(again.changedAnything()).isFalse();
            assertThat(count(commands, "LIST")).as(summary(commands).toString()).isEqualTo(1);
            assertThat(count(commands, "SELECT") + count(commands, "EXAMINE")).isZero();
            assertThat(count(commands, "UID FETCH") + count(commands, "FETCH")).isZero();
        }
    }

    @Test
    void withoutListStatusEachFolderCostsOneStatusAndNothingIsSelectedOrFetched() {
        List<String> commands = new CopyOnWriteArrayList<>();
        try (IceWarpServer server = seeded(IceWarpServer.builder().without("LIST-STATUS").trace(commandsInto(commands)))) {
            SyncEngine engine = engine(server);
            engine.syncOnce();
            commands.clear();
            SyncReport again = engine.syncOnce();
            assertThat(again.changedAnything()).isFalse();
            int synced = server.account("jean@iwdemo.test").mailboxes().size() - 1; // all but Drafts
            assertThat(count(commands, "STATUS")).as("one per folder").isEqualTo(synced);
            assertThat(count(commands, "SELECT")).isZero();
            assertThat(count(commands, "UID FETCH") + count(commands, "FETCH")).isZero();
        }
    }

    private static IceWarpServer seeded(IceWarpServer.Builder b) {
        IceWarpServer server = b.account("jean@iwdemo.test", "secret").start();
        TestAccount a = server.account("jean@iwdemo.test");
        for (int i = 0; i < FOLDERS; i++) {
            String name = "Projets/P" + (i / 50) + "/Dossier " + i;
            a.create(name).append(Messages.simple("<" + i + "a@x>", "a " + i));
            a.mailbox(name).append(Messages.simple("<" + i + "b@x>", "b " + i), "\\Seen");
        }
        return server;
    }

    private static SyncEngine engine(IceWarpServer server) {
        ImapRemoteStore remote = ImapRemoteStore.builder().endpoint(server.imap()).login("jean@iwdemo.test")
                .password("secret".toCharArray()).build();
        return SyncEngine.builder().remote(remote).local(LocalStores.inMemory()).state(StateStores.inMemory())
                .settings(() -> SyncSettings.builder().delayBetweenItems(Duration.ofMillis(1)).build()).build();
    }

    /** Keeps the command name of each client line: "UID FETCH", "LIST", ... */
    private static Consumer<String> commandsInto(List<String> out) {
        return line -> {
            if (line.startsWith("C: ")) {
                String[] w = line.substring(3).split(" ");
                if (w.length > 1) {
                    String c = w[1].toUpperCase(Locale.ROOT);
                    out.add(c.equals("UID") && w.length > 2 ? "UID " + w[2].toUpperCase(Locale.ROOT) : c);
                }
            }
        };
    }

    private static java.util.Map<String, Long> summary(List<String> commands) {
        return commands.stream().collect(java.util.stream.Collectors.groupingBy(c -> c, java.util.TreeMap::new,
                java.util.stream.Collectors.counting()));
    }

    private static long count(List<String> commands, String name) {
        return commands.stream().filter(name::equals).count();
    }
}
