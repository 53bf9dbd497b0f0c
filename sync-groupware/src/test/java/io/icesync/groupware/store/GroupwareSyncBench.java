package io.icesync.groupware.store;

import io.icesync.core.FolderKind;
import io.icesync.core.engine.SyncEngine;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.LocalStores;
import io.icesync.core.store.StateStores;
import io.icesync.imap.ImapRemoteStore;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.TestMailbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * PITFALL 12 for a whole sync: an address book of N contacts synced from the test server into a vdir,
 * then a resync after 10 server edits and 10 local edits, for two sizes in the same run. The cost per
 * contact of the first sync and the cost of the resync show whether anything grows faster than the
 * folder. Run with bench/groupware-sync.sh.
 */
public final class GroupwareSyncBench {
    private GroupwareSyncBench() {
    }

    public static void main(String[] args) throws Exception {
        int small = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int large = args.length > 1 ? Integer.parseInt(args[1]) : 10000;
        run(200, false); // warm-up
        double[] a = run(small, true);
        double[] b = run(large, true);
        System.out.printf("per contact, first sync: %.3f ms at %d, %.3f ms at %d: ratio %.2f (1.00 = linear)%n",
                a[0] / small, small, b[0] / large, large, (b[0] / large) / (a[0] / small));
        System.out.printf("resync after 20 edits: %.0f ms at %d, %.0f ms at %d%n", a[1], small, b[1], large);
    }

    /** First sync and resync times in milliseconds. */
    static double[] run(int contacts, boolean print) throws Exception {
        Path dir = Files.createTempDirectory("icesync-gw-bench-");
        try (IceWarpServer server = IceWarpServer.builder().account("jean@iwdemo.test", "secret").start()) {
            TestMailbox book = server.account("jean@iwdemo.test").create("Contacts").kind(FolderKind.CONTACTS);
            for (int i = 0; i < contacts; i++) {
                book.appendObject(GroupwareSyncTest.card("c" + i, "Contact " + i));
            }
            SyncStateStore state = StateStores.sqlite(dir.resolve("state.db"));
            long t0 = System.nanoTime();
            sync(server, dir, state);
            double first = (System.nanoTime() - t0) / 1e6;
            for (int i = 0; i < 10; i++) {
                GroupwareSyncTest.editOnServer(book, "c" + i, GroupwareSyncTest.message("text/vcard", "c" + i,
                        GroupwareSyncTest.card("c" + i, "Contact " + i + " (edited there)")));
                Path f = dir.resolve("groupware/Contacts/c" + (contacts - 1 - i) + ".vcf");
                Files.writeString(f, Files.readString(f).replace("FN:Contact", "FN:Edited here"));
            }
            long t1 = System.nanoTime();
            SyncReport r = sync(server, dir, state);
            double resync = (System.nanoTime() - t1) / 1e6;
            if (print) {
                System.out.printf("%d contacts: first sync %.0f ms, resync %.0f ms (%s)%n", contacts, first, resync, r.summary());
            }
            state.close();
            return new double[] {first, resync};
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static SyncReport sync(IceWarpServer server, Path dir, SyncStateStore state) {
        try (ImapRemoteStore remote = ImapRemoteStore.builder().endpoint(server.imap()).login("jean@iwdemo.test")
                .password("secret".toCharArray()).build();
             GroupwareLocalStore local = new GroupwareLocalStore(LocalStores.maildir(dir.resolve("mail")),
                     new VdirLocalStore(dir.resolve("groupware")))) {
            SyncSettings s = SyncSettings.builder().delayBetweenItems(Duration.ofMillis(1)).build();
            return SyncEngine.builder().remote(remote).local(local).state(state).settings(() -> s).build().syncOnce();
        }
    }
}
