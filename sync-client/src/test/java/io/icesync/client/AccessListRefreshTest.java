package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.client.internal.ForwardingRemoteStore;
import io.icesync.core.AccessRights;
import io.icesync.core.Account;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.Grant;
import io.icesync.core.Grantee;
import io.icesync.core.engine.SharingEvent;
import io.icesync.core.engine.SyncListener;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.AccessControl;
import io.icesync.core.spi.Clock;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.store.LocalStores;
import io.icesync.imap.ImapRemoteStore;
import io.icesync.testkit.CrashPoints;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.Messages;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access lists changed by another client (F8): the owner sees them at the next access-list read (once
 * per {@code accessListInterval}, at once on an explicit refresh), sub-folders that follow their parent
 * follow such a change, folders made elsewhere get the grants at the sync that first sees them, and a
 * "share offered" notice brings the offer in the cycle that downloads it. The testkit's own API stands
 * for the other client (WebClient).
 */
class AccessListRefreshTest {
    static final String JEAN = "jean@iwdemo.test";
    static final String JOSEPHINE = "josephine@iwdemo.test";
    static final Grantee JOS = Grantee.user(JOSEPHINE);
    static final FolderPath PROJECTS = FolderPath.of("Projects");
    static final FolderPath Y2027 = FolderPath.of("Projects", "2027");

    @TempDir
    Path jeanDir;
    @TempDir
    Path josDir;

    final List<String> commands = new CopyOnWriteArrayList<>();
    final List<SharingEvent> events = new CopyOnWriteArrayList<>();
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T10:00:00Z"));
    final Clock clock = now::get;
    IceWarpServer server;

    @BeforeEach
    void start() {
        server = IceWarpServer.builder().account(JEAN, "secret").account(JOSEPHINE, "secret")
                .trace(line -> {
                    if (line.startsWith("C: ")) {
                        String[] w = line.substring(3).split(" ");
                        if (w.length > 1) {
                            commands.add(w[1].toUpperCase(Locale.ROOT));
                        }
                    }
                }).start();
        server.account(JEAN).create("Projects").append(Messages.simple("<p1@iwdemo.test>", "Plan for 2027"));
        server.account(JEAN).create("Projects/2027");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    IceSync open(Path dir, String who) {
        if (!java.nio.file.Files.exists(dir.resolve(IceSync.PROFILE_FILE))) {
            IceSync.create(dir, Profile.of(new Account(who, who, server.imap())), "secret".toCharArray()).close();
        }
        IceSync s = IceSync.builder().directory(dir).clock(clock).build();
        listen(s);
        return s;
    }

    void listen(IceSync s) {
        s.addListener(new SyncListener() {
            @Override
            public void onSharing(SharingEvent event) {
                events.add(event);
            }
        });
    }

    long count(String command) {
        return commands.stream().filter(command::equals).count();
    }

    List<SharingEvent> of(SharingEvent.Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).toList();
    }

    Map<String, String> acl(String folder) {
        return server.account(JEAN).mailbox(folder).acl();
    }

    AccessRights rights(String folder, String who) {
        return AccessRights.fromServer(acl(folder).getOrDefault(who, ""));
    }

    @Test
    void theOwnerSeesAListChangedElsewhereOnceTheIntervalIsOverAndNotBefore() {
        try (IceSync jean = open(jeanDir, JEAN)) {
            assertThat(jean.settings().accessListInterval()).as("the default").isEqualTo(Duration.ofMinutes(15));
            assertThat(jean.syncOnce().ok()).isTrue();
            assertThat(count("GETACL")).as("the first sync reads every list it may").isPositive();

            server.account(JEAN).mailbox("Projects").grant(JOSEPHINE, "lrs");
            commands.clear();
            now.set(now.get().plus(Duration.ofMinutes(14)));
            assertThat(jean.syncOnce().ok()).isTrue();
            assertThat(count("GETACL")).as("no access list read inside the interval").isZero();
            assertThat(count("LIST")).as("the cycle did list the folders").isPositive();
            assertThat(of(SharingEvent.Kind.ACCESS_LIST_CHANGED)).isEmpty();

            now.set(now.get().plus(Duration.ofMinutes(1)));
            assertThat(jean.syncOnce().ok()).isTrue();
            assertThat(of(SharingEvent.Kind.ACCESS_LIST_CHANGED)).singleElement().satisfies(e -> {
                assertThat(e.folder()).isEqualTo(PROJECTS);
                assertThat(e.before()).doesNotContain(JOSEPHINE);
                assertThat(e.after()).contains(JOSEPHINE + " lrs");
            });

            events.clear();
            commands.clear();
            assertThat(jean.syncOnce().ok()).isTrue();
            assertThat(count("GETACL")).as("read again only after another interval").isZero();
            assertThat(events).isEmpty();
        }
        SharingStatus status = IceSync.sharingStatus(jeanDir);
        assertThat(status.folders()).filteredOn(f -> f.path().equals(PROJECTS)).singleElement()
                .satisfies(f -> assertThat(f.grants()).containsExactly(new Grant(JOS, AccessRights.parse("read"))));
    }

    @Test
    void anExplicitRefreshReadsTheListsAtOnceAndZeroReadsThemAtEveryListing() {
        try (IceSync jean = open(jeanDir, JEAN)) {
            jean.syncOnce();
            server.account(JEAN).mailbox("Projects").grant("anyone", "lr");
            jean.sharing().refresh();
            assertThat(of(SharingEvent.Kind.ACCESS_LIST_CHANGED)).extracting(SharingEvent::folder)
                    .containsExactly(PROJECTS);

            jean.updateSettings(b -> b.accessListInterval(Duration.ZERO));
            server.account(JEAN).mailbox("Projects").grant("anyone", "");
            events.clear();
            commands.clear();
            jean.syncOnce();
            assertThat(count("GETACL")).isPositive();
            assertThat(of(SharingEvent.Kind.ACCESS_LIST_CHANGED)).extracting(SharingEvent::folder)
                    .containsExactly(PROJECTS);
        }
    }

    @Test
    void aSubFolderThatFollowsItsParentFollowsAChangeMadeElsewhere() {
        try (IceSync jean = open(jeanDir, JEAN)) {
            jean.sharing().grant(PROJECTS, JOS, AccessRights.parse("read"));
            jean.sharing().inherit(Y2027, true);
            server.account(JEAN).mailbox("Projects").grant(JOSEPHINE, "lrswipte").grant("anyone", "lr");
            events.clear();
            jean.sharing().refresh();
            assertThat(rights("Projects/2027", JOSEPHINE)).isEqualTo(AccessRights.parse("read-write"));
            assertThat(acl("Projects/2027")).containsEntry("anyone", "lr");
            assertThat(of(SharingEvent.Kind.ACCESS_LIST_CHANGED)).extracting(SharingEvent::folder)
                    .containsExactlyInAnyOrder(PROJECTS, Y2027);

            server.account(JEAN).mailbox("Projects").grant(JOSEPHINE, "");
            now.set(now.get().plus(Duration.ofMinutes(15)));
            assertThat(jean.syncOnce().ok()).isTrue();
            assertThat(acl("Projects/2027")).as("a revoke is followed too").doesNotContainKey(JOSEPHINE)
                    .containsEntry("anyone", "lr");
            assertThat(jean.sharing().folderRights()).filteredOn(r -> r.path().equals(Y2027)).singleElement()
                    .satisfies(r -> assertThat(r.grants()).extracting(Grant::grantee).containsExactly(Grantee.ANYONE));
        }
    }

    @Test
    void aSubFolderThatCannotFollowIsReportedAndTheSyncGoesOn() {
        try (IceSync jean = open(jeanDir, JEAN)) {
            jean.sharing().inherit(Y2027, true);
            server.account(JEAN).mailbox("Projects").grant(JOSEPHINE, "lrs");
            server.faults().on("SETACL").replyNo("permission denied").times(1);
            events.clear();
            now.set(now.get().plus(Duration.ofMinutes(15)));
            assertThat(jean.syncOnce().ok()).isTrue();
            assertThat(of(SharingEvent.Kind.ACCESS_LIST_NOT_APPLIED)).singleElement().satisfies(e -> {
                assertThat(e.folder()).isEqualTo(Y2027);
                assertThat(e.after()).contains(JOSEPHINE + " lrs");
            });
            assertThat(jean.status(50).events()).anySatisfy(e -> assertThat(e.message())
                    .contains("could not give 'Projects/2027' the grants"));

            now.set(now.get().plus(Duration.ofMinutes(15)));
            jean.syncOnce();
            assertThat(acl("Projects/2027")).as("tried again at the next read").containsEntry(JOSEPHINE, "lrs");
        }
    }

    @Test
    void foldersMadeElsewhereOrHereGetTheGrantsAtTheSyncThatFirstSeesThem() {
        try (IceSync jean = open(jeanDir, JEAN)) {
            jean.sharing().grant(PROJECTS, JOS, AccessRights.parse("read"));
            jean.sharing().inherit(Y2027, true);
            jean.sharing().shareAccount(Grantee.user("bench@iwdemo.test"), AccessRights.parse("read"));
            jean.syncOnce();

            server.account(JEAN).create("Projects/2027/Q1");
            server.account(JEAN).create("Projects/Later");
            commands.clear();
            assertThat(jean.syncOnce().ok()).isTrue();
            assertThat(acl("Projects/2027/Q1")).as("under a folder that follows its parent")
                    .containsEntry(JOSEPHINE, "lrs");
            assertThat(acl("Projects/Later")).as("under a whole-account share")
                    .containsEntry("bench@iwdemo.test", "lrs");
            assertThat(jean.sharing().folderRights()).filteredOn(r -> r.path().equals(Y2027.child("Q1")))
                    .extracting(FolderRights::inherits).containsExactly(true);

            try (LocalStore mail = LocalStores.maildir(jeanDir.resolve(IceSync.MAIL_DIR))) {
                mail.createFolder(Y2027.child("Local"), FolderKind.MAIL);
                mail.flush();
            }
            assertThat(jean.syncOnce().ok()).isTrue();
            assertThat(acl("Projects/2027/Local")).as("made by IceSync, in the same cycle")
                    .containsEntry(JOSEPHINE, "lrs").containsEntry("bench@iwdemo.test", "lrs");
        }
    }

    @Test
    void aFolderThatRefusesTheWholeAccountGrantIsReportedAndGetsItAtTheNextSync() {
        try (IceSync jean = open(jeanDir, JEAN)) {
            jean.sharing().shareAccount(JOS, AccessRights.parse("read"));
            server.account(JEAN).create("Later");
            server.faults().on("SETACL").replyNo("permission denied").times(1);
            events.clear();
            assertThat(jean.syncOnce().ok()).isTrue();
            assertThat(of(SharingEvent.Kind.ACCESS_LIST_NOT_APPLIED)).extracting(SharingEvent::folder)
                    .containsExactly(FolderPath.of("Later"));
            assertThat(acl("Later")).doesNotContainKey(JOSEPHINE);
            assertThat(jean.syncOnce().ok()).isTrue();
            assertThat(acl("Later")).containsEntry(JOSEPHINE, "lrs");
        }
    }

    /** A store that dies right after a SETACL reached the server, before anything is recorded. */
    static final class DiesAfterSetAcl extends ForwardingRemoteStore implements AccessControl {
        final ImapRemoteStore imap;
        final AtomicBoolean armed = new AtomicBoolean();
        final AtomicInteger setAcls = new AtomicInteger();

        DiesAfterSetAcl(ImapRemoteStore imap) {
            super(imap);
            this.imap = imap;
        }

        @Override
        public boolean hasAccessLists() {
            return imap.hasAccessLists();
        }

        @Override
        public Map<String, String> accessList(FolderPath folder) {
            return imap.accessList(folder);
        }

        @Override
        public Map<FolderPath, Map<String, String>> accessLists(java.util.Collection<FolderPath> folders) {
            return imap.accessLists(folders);
        }

        @Override
        public void setAccess(FolderPath folder, String identifier, String letters) {
            imap.setAccess(folder, identifier, letters);
            setAcls.incrementAndGet();
            if (armed.getAndSet(false)) {
                throw new CrashPoints.Crash("after SETACL on " + folder);
            }
        }

        @Override
        public void removeAccess(FolderPath folder, String identifier) {
            imap.removeAccess(folder, identifier);
        }

        @Override
        public String myRights(FolderPath folder) {
            return imap.myRights(folder);
        }

        @Override
        public String otherUsersPrefix() {
            return imap.otherUsersPrefix();
        }

        @Override
        public char separator() {
            return imap.separator();
        }
    }

    IceSync openDying(DiesAfterSetAcl store) {
        IceSync s = IceSync.builder().directory(jeanDir).clock(clock).remote(store).build();
        listen(s);
        return s;
    }

    DiesAfterSetAcl dying() {
        return new DiesAfterSetAcl(ImapRemoteStore.builder().endpoint(server.imap()).login(JEAN)
                .password("secret".toCharArray()).build());
    }

    @Test
    void aKillBetweenCarryingAListAndRecordingItConvergesAtTheNextSyncInsideTheInterval() {
        IceSync.create(jeanDir, Profile.of(new Account(JEAN, JEAN, server.imap())), "secret".toCharArray()).close();
        server.account(JEAN).create("Projects/2028");
        FolderPath y2028 = FolderPath.of("Projects", "2028");
        DiesAfterSetAcl first = dying();
        try (IceSync jean = openDying(first)) {
            jean.syncOnce();
            jean.sharing().inherit(Y2027, true);
            jean.sharing().inherit(y2028, true);
            server.account(JEAN).mailbox("Projects").grant(JOSEPHINE, "lrs");
            first.armed.set(true);
            assertThatThrownBy(() -> jean.sharing().refresh()).isInstanceOf(CrashPoints.Crash.class);
        }
        assertThat(first.setAcls.get()).as("killed after the first of two SETACLs").isEqualTo(1);

        DiesAfterSetAcl again = dying();
        try (IceSync jean = openDying(again)) {
            events.clear();
            assertThat(jean.syncOnce().ok()).isTrue();
            assertThat(again.setAcls.get()).as("only what was still missing is sent").isEqualTo(1);
            assertThat(acl("Projects/2027")).containsEntry(JOSEPHINE, "lrs");
            assertThat(acl("Projects/2028")).containsEntry(JOSEPHINE, "lrs");
            assertThat(jean.sharing().folderRights()).filteredOn(r -> r.path().startsWith(PROJECTS)).allSatisfy(r ->
                    assertThat(r.grants()).extracting(Grant::grantee).contains(JOS));
            assertThat(jean.syncOnce().ok()).isTrue();
            assertThat(again.setAcls.get()).as("and nothing more once converged").isEqualTo(1);
        }
    }

    @Test
    void aShareNoticeInInboxBringsTheOfferInTheCycleThatDownloadsIt() {
        server.model().shareNotices(true);
        try (IceSync jos = open(josDir, JOSEPHINE)) {
            jos.syncOnce();
            AtomicBoolean shared = new AtomicBoolean();
            jos.addListener(new SyncListener() {
                @Override
                public void onFolderStarted(FolderPath folder, int index, int total) {
                    // Shared after this cycle listed the folders, before it downloads INBOX.
                    if (folder.equals(FolderPath.of("INBOX")) && !shared.getAndSet(true)) {
                        server.account(JEAN).mailbox("Projects").grant(JOSEPHINE, "lrs");
                    }
                }
            });
            // Mail that makes this cycle download INBOX; the notice comes in while it runs.
            server.account(JOSEPHINE).mailbox("INBOX").append(Messages.simple("<m1@iwdemo.test>", "Lunch"));
            events.clear();
            assertThat(jos.syncOnce().ok()).isTrue();
            assertThat(shared).isTrue();
            String noticeId = server.account(JOSEPHINE).mailbox("INBOX").messages().stream()
                    .map(m -> new String(m.content(), java.nio.charset.StandardCharsets.UTF_8))
                    .filter(m -> m.contains("X-Share-Folder: ")).flatMap(String::lines).filter(l -> l.startsWith("Message-ID: ")).findFirst().orElseThrow()
                    .substring("Message-ID: ".length());
            assertThat(of(SharingEvent.Kind.SHARE_OFFERED)).singleElement().satisfies(e -> {
                assertThat(e.folder()).isEqualTo(FolderPath.of("~" + JEAN, "Projects"));
                assertThat(e.notice()).isEqualTo(noticeId);
            });
            assertThat(jos.sharing().offered()).extracting(SharedFolder::path)
                    .containsExactly(FolderPath.of("~" + JEAN, "Projects"));
        }
        try (LocalStore mail = LocalStores.maildir(josDir.resolve(IceSync.MAIL_DIR))) {
            assertThat(mail.items(FolderPath.of("INBOX"))).as("the notice stays a normal mail").hasSize(2);
        }
    }

    @Test
    void theIntervalIsASettingWithBounds() {
        assertThat(SyncSettings.builder().accessListInterval(Duration.ZERO).build().accessListInterval()).isZero();
        assertThatThrownBy(() -> SyncSettings.builder().accessListInterval(Duration.ofSeconds(90)))
                .hasMessageContaining("accessListInterval").hasMessageContaining("whole number of minutes");
        assertThatThrownBy(() -> io.icesync.core.settings.SettingsJson.read("{\"accessListIntervalMinutes\": -1}"))
                .hasMessageContaining("accessListIntervalMinutes");
    }

    static boolean within(Duration d, java.util.function.BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end && !done.getAsBoolean()) {
            Thread.sleep(20);
        }
        return done.getAsBoolean();
    }

    @Test
    void aFolderTreeCycleReadsTheListsWhateverTheInterval() throws Exception {
        SyncSettings s = SyncSettings.builder().structureInterval(Duration.ofHours(10))
                .priorityInterval(Duration.ofHours(10)).standardInterval(Duration.ofHours(10)).pushChanges(true).build();
        try (IceSync jean = IceSync.create(jeanDir, new Profile(new Account(JEAN, JEAN, server.imap()), s, null),
                "secret".toCharArray())) {
            listen(jean);
            List<io.icesync.core.engine.SyncReport> cycles = new CopyOnWriteArrayList<>();
            try (ScheduledSync running = jean.startScheduled(cycles::add, null)) {
                assertThat(within(Duration.ofSeconds(30), () -> cycles.size() == 1
                        && jean.events(200).stream().anyMatch(e -> e.message().contains("server push on"))))
                        .as("the first full cycle, then push").isTrue();
                server.account(JEAN).mailbox("Projects").grant(JOSEPHINE, "lrs");
                // A new folder: the server pushes a folder-tree change, and that cycle reads the lists too.
                server.account(JEAN).create("Clients");
                assertThat(within(Duration.ofSeconds(30),
                        () -> !of(SharingEvent.Kind.ACCESS_LIST_CHANGED).isEmpty())).isTrue();
                assertThat(of(SharingEvent.Kind.ACCESS_LIST_CHANGED)).extracting(SharingEvent::folder)
                        .containsExactly(PROJECTS);
                assertThat(running.isRunning()).isTrue();
            }
        }
    }
}
