package io.icesync.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.Folder;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.MessageHeaders;
import io.icesync.core.engine.SyncEngine;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.ConflictPolicy;
import io.icesync.core.settings.FolderSelection;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.LocalFolder;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.spi.RemoteItem;
import io.icesync.core.spi.RemoteStore;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.LocalStores;
import io.icesync.core.store.StateStores;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole engine against a real server, with the default stores (Maildir, SQLite): what a user
 * of a sync client sees, for each server IceSync supports. Each test syncs only its own top folder
 * (everything else is unselected) and removes it afterwards, so the suite reruns on one account.
 */
public abstract class SyncContract {
    protected RemoteStore remote;
    /** Another client of the same account, acting on the server. */
    protected RemoteStore other;
    protected LocalStore local;
    protected SyncStateStore state;
    protected FolderPath top;
    protected SyncSettings settings;
    private String failOn;

    @TempDir
    Path dir;

    protected abstract RemoteStore newStore();

    @BeforeEach
    void open() {
        remote = newStore();
        other = newStore();
        other.connect();
        top = FolderPath.of("icesync-sync-" + UUID.randomUUID().toString().substring(0, 8));
        other.createFolder(top, FolderKind.MAIL);
        local = LocalStores.maildir(dir.resolve("mail"));
        state = StateStores.sqlite(dir.resolve("state.db"));
        settings = SyncSettings.builder().delayBetweenItems(Duration.ofMillis(1))
                .defaultSelection(FolderSelection.UNSELECTED).select(top, FolderSelection.INHERIT).build();
    }

    @AfterEach
    void close() {
        try {
            List<Folder> mine = new ArrayList<>(other.folders().stream().filter(f -> f.path().startsWith(top)).toList());
            mine.sort((a, b) -> b.path().depth() - a.path().depth());
            for (Folder f : mine) {
                other.deleteFolder(f.path());
            }
        } finally {
            remote.close();
            other.close();
            state.close();
        }
    }

    protected SyncReport sync() {
        LocalStore l = failOn == null ? local : failingOn(local, failOn);
        return SyncEngine.builder().remote(remote).local(l).state(state).settings(() -> settings).build().syncOnce();
    }

    /** A local store that refuses to store one message: an item that fails every time. */
    private static LocalStore failingOn(LocalStore target, String messageId) {
        return (LocalStore) Proxy.newProxyInstance(LocalStore.class.getClassLoader(), new Class<?>[] {LocalStore.class},
                (p, m, args) -> {
                    if (m.getName().equals("add")) {
                        int last = args.length - 1; // the content, with or without a name before it
                        InputStream in = (InputStream) args[last];
                        byte[] bytes = in.readAllBytes();
                        if (messageId.equals(MessageHeaders.messageId(new ByteArrayInputStream(bytes)))) {
                            throw new IceSyncException("disk refused " + messageId + " (scripted)");
                        }
                        args[last] = new ByteArrayInputStream(bytes);
                    }
                    try {
                        return m.invoke(target, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    protected long serverAdd(FolderPath f, String messageId, Flags flags) {
        byte[] m = RemoteStoreContract.message(messageId, "body of " + messageId);
        long uid = other.append(f, flags, null, m.length, () -> new ByteArrayInputStream(m));
        return uid > 0 ? uid : other.findByMessageId(f, messageId).get(0);
    }

    protected String localAdd(FolderPath f, String messageId, Flags flags) {
        byte[] m = RemoteStoreContract.message(messageId, "written offline: " + messageId);
        String id = local.add(f, flags, 0, new ByteArrayInputStream(m));
        local.flush();
        return id;
    }

    protected LocalItem localItem(FolderPath f, String messageId) {
        for (LocalItem i : local.items(f)) {
            if (messageId.equals(localId(f, i))) {
                return i;
            }
        }
        throw new AssertionError(messageId + " is not in local folder " + f);
    }

    private String localId(FolderPath f, LocalItem i) {
        try (InputStream in = local.open(f, i.id())) {
            return MessageHeaders.messageId(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each side under the test folder: folder -> "Message-ID flags", sorted. */
    protected Map<FolderPath, List<String>> serverView() {
        Map<FolderPath, List<String>> out = new TreeMap<>();
        for (Folder f : other.folders()) {
            if (f.path().startsWith(top)) {
                List<String> l = new ArrayList<>();
                for (RemoteItem r : other.changes(f.path(), null, true).items()) {
                    l.add(r.messageId() + " " + r.flags().without(Flag.DELETED));
                }
                Collections.sort(l);
                out.put(f.path(), l);
            }
        }
        return out;
    }

    protected Map<FolderPath, List<String>> localView() {
        Map<FolderPath, List<String>> out = new TreeMap<>();
        for (LocalFolder f : local.folders()) {
            if (f.path().startsWith(top)) {
                List<String> l = new ArrayList<>();
                for (LocalItem i : local.items(f.path())) {
                    l.add(localId(f.path(), i) + " " + i.flags());
                }
                Collections.sort(l);
                out.put(f.path(), l);
            }
        }
        return out;
    }

    protected void assertInSync() {
        assertThat(localView()).isEqualTo(serverView());
    }

    @Test
    void foldersPropagateBothWays() {
        FolderPath ete = top.child("Projets").child("Été 2026");
        other.createFolder(top.child("Projets"), FolderKind.MAIL);
        other.createFolder(ete, FolderKind.MAIL);
        serverAdd(ete, "<ete@icesync.test>", Flags.NONE);
        sync();
        assertThat(localView()).containsKeys(top, top.child("Projets"), ete);

        local.createFolder(top.child("Société Générale"), FolderKind.MAIL);
        localAdd(top.child("Société Générale"), "<sg@icesync.test>", Flags.of(Flag.SEEN));
        local.renameFolder(top.child("Projets"), top.child("Archives"));
        sync();
        assertThat(serverView()).containsKeys(top.child("Société Générale"), top.child("Archives").child("Été 2026"))
                .doesNotContainKey(ete);

        other.renameFolder(top.child("Société Générale"), top.child("Clients"));
        other.deleteFolder(top.child("Archives").child("Été 2026"));
        sync();
        assertThat(localView()).containsKey(top.child("Clients")).doesNotContainKeys(top.child("Société Générale"),
                top.child("Archives").child("Été 2026"));
        assertInSync();
    }

    @Test
    void mailPropagatesBothWays() {
        FolderPath inbox = top.child("Boîte");
        FolderPath archive = top.child("Archive");
        other.createFolder(inbox, FolderKind.MAIL);
        other.createFolder(archive, FolderKind.MAIL);
        long a = serverAdd(inbox, "<a@icesync.test>", Flags.NONE);
        serverAdd(inbox, "<b@icesync.test>", Flags.of(Flag.SEEN));
        long c = serverAdd(inbox, "<c@icesync.test>", Flags.NONE);
        serverAdd(inbox, "<d@icesync.test>", Flags.NONE);
        sync();
        assertInSync();

        other.setFlags(inbox, Map.of(a, Flags.of(Flag.FLAGGED).withKeyword("Projet_X")));
        other.delete(inbox, List.of(c));
        serverAdd(archive, "<e@icesync.test>", Flags.NONE);
        local.setFlags(inbox, localItem(inbox, "<b@icesync.test>").id(), Flags.of(Flag.SEEN).withKeyword("$label1"));
        local.move(inbox, localItem(inbox, "<d@icesync.test>").id(), archive);
        localAdd(archive, "<f@icesync.test>", Flags.NONE);
        sync();
        SyncReport again = sync();

        assertThat(serverView().get(inbox)).containsExactly("<a@icesync.test> (\\Flagged Projet_X)",
                "<b@icesync.test> (\\Seen $label1)");
        assertThat(serverView().get(archive)).containsExactly("<d@icesync.test> ()", "<e@icesync.test> ()",
                "<f@icesync.test> ()");
        assertInSync();
        assertThat(again.changedAnything()).isFalse();
    }

    @Test
    void syncsWhileAnotherClientWorksNeverDuplicate() throws Exception {
        FolderPath f = top.child("Busy");
        other.createFolder(f, FolderKind.MAIL);
        for (int i = 0; i < 20; i++) {
            serverAdd(f, "<busy-" + i + "@icesync.test>", Flags.NONE);
        }
        RemoteStore third = newStore();
        Thread client = new Thread(() -> {
            for (int i = 20; i < 60; i++) {
                byte[] m = RemoteStoreContract.message("<busy-" + i + "@icesync.test>", "x");
                long uid = third.append(f, Flags.NONE, null, m.length, () -> new ByteArrayInputStream(m));
                if (uid > 0 && i % 3 == 0) {
                    third.setFlags(f, Map.of(uid, Flags.of(Flag.SEEN)));
                }
            }
        });
        client.start();
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(sync().ok()).isTrue();
            }
        } finally {
            client.join();
            third.close();
        }
        sync();
        sync();
        assertThat(localView().get(f)).hasSize(60).doesNotHaveDuplicates();
        assertInSync();
    }

    @Test
    void aRecreatedFolderIsRematchedWithoutDuplicatesOrLoss() {
        FolderPath f = top.child("Validity");
        other.createFolder(f, FolderKind.MAIL);
        serverAdd(f, "<v1@icesync.test>", Flags.NONE);
        serverAdd(f, "<v2@icesync.test>", Flags.NONE);
        sync();
        localAdd(f, "<offline@icesync.test>", Flags.NONE);
        other.deleteFolder(f);
        other.createFolder(f, FolderKind.MAIL);
        serverAdd(f, "<v1@icesync.test>", Flags.NONE);
        serverAdd(f, "<v2@icesync.test>", Flags.NONE);

        sync();
        sync();

        assertThat(serverView().get(f)).containsExactly("<offline@icesync.test> ()", "<v1@icesync.test> ()",
                "<v2@icesync.test> ()");
        assertInSync();
    }

    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void conflictsFollowThePolicy(ConflictPolicy policy) {
        settings = settings.toBuilder().conflictPolicy(policy).build();
        FolderPath f = top.child("Conflicts");
        other.createFolder(f, FolderKind.MAIL);
        long a = serverAdd(f, "<deleted-here@icesync.test>", Flags.NONE);
        long b = serverAdd(f, "<deleted-there@icesync.test>", Flags.NONE);
        sync();
        local.delete(f, localItem(f, "<deleted-here@icesync.test>").id());
        other.setFlags(f, Map.of(a, Flags.of(Flag.FLAGGED)));
        local.setFlags(f, localItem(f, "<deleted-there@icesync.test>").id(), Flags.of(Flag.SEEN));
        other.delete(f, List.of(b));

        sync();

        if (policy == ConflictPolicy.SERVER_WINS) {
            assertThat(serverView().get(f)).containsExactly("<deleted-here@icesync.test> (\\Flagged)");
        } else {
            assertThat(serverView().get(f)).containsExactly("<deleted-there@icesync.test> (\\Seen)");
        }
        assertInSync();
    }

    @Test
    void anItemThatFailsThreeTimesIsIgnoredUntilSynchroniseAll() {
        FolderPath f = top.child("Ignored");
        other.createFolder(f, FolderKind.MAIL);
        serverAdd(f, "<bad@icesync.test>", Flags.NONE);
        serverAdd(f, "<good@icesync.test>", Flags.NONE);
        failOn = "<bad@icesync.test>";
        for (int i = 0; i < 3; i++) {
            assertThat(sync().failed()).isEqualTo(1);
        }
        assertThat(state.failures()).singleElement().satisfies(x -> {
            assertThat(x.ignored()).isTrue();
            assertThat(x.lastError()).contains("disk refused");
        });
        assertThat(sync().failed()).isZero();
        assertThat(localView().get(f)).containsExactly("<good@icesync.test> ()");

        failOn = null;
        SyncReport all = SyncEngine.builder().remote(remote).local(local).state(state).settings(() -> settings).build()
                .syncAll();
        // Other folders of a shared test account may hold mail of their own: only this folder's count says.
        assertThat(all.folders()).filteredOn(r -> r.folder().equals(f)).singleElement()
                .satisfies(r -> assertThat(r.downloaded()).isEqualTo(1));
        assertThat(state.failures()).extracting(IgnoredItem::key).isEmpty();
        assertInSync();
    }
}
