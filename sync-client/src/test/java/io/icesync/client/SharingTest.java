package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.AccessPreset;
import io.icesync.core.AccessRights;
import io.icesync.core.Account;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.Grant;
import io.icesync.core.Grantee;
import io.icesync.core.MissingRightException;
import io.icesync.core.Right;
import io.icesync.core.engine.SharingEvent;
import io.icesync.core.engine.SyncListener;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.spi.ShareState;
import io.icesync.core.store.LocalStores;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import io.icesync.testkit.TestMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sharing against the testkit (F8): jean shares folders with josephine, who subscribes, syncs and
 * edits; rights are checked before changes, followed by sub-folders that inherit them, given to a whole
 * account, and a revoked share leaves nothing unsynced behind.
 */
@IceWarpTest(accounts = {"jean@iwdemo.test:secret", "josephine@iwdemo.test:secret", "bench@iwdemo.test:secret"})
class SharingTest {
    static final String JEAN = "jean@iwdemo.test";
    static final String JOSEPHINE = "josephine@iwdemo.test";
    static final Grantee JOS = Grantee.user(JOSEPHINE);
    static final FolderPath CALENDAR = FolderPath.of("Calendar");
    static final FolderPath PROJECTS = FolderPath.of("Projects");

    @TempDir
    Path jeanDir;
    @TempDir
    Path josDir;

    final List<SharingEvent> josEvents = new CopyOnWriteArrayList<>();

    @BeforeEach
    void folders(IceWarpServer server) {
        server.model().shareNotices(true);
        var jean = server.account(JEAN);
        jean.create("Calendar").kind(FolderKind.EVENTS).appendObject(Messages.event("e1", "Budget review"));
        jean.create("Projects").append(Messages.simple("<p1@iwdemo.test>", "Plan for 2027"));
    }

    IceSync open(IceWarpServer server, Path dir, String who) {
        if (java.nio.file.Files.exists(dir.resolve(IceSync.PROFILE_FILE))) {
            return IceSync.open(dir);
        }
        return IceSync.create(dir, Profile.of(new Account(who, who, server.imap())), "secret".toCharArray());
    }

    IceSync josephine(IceWarpServer server) {
        IceSync s = open(server, josDir, JOSEPHINE);
        s.addListener(new SyncListener() {
            @Override
            public void onSharing(SharingEvent event) {
                josEvents.add(event);
            }
        });
        return s;
    }

    static FolderPath shared(String name) {
        return FolderPath.of("~" + JEAN, name);
    }

    /** Adds a message to a folder of josephine's Maildir, as her mail program would. */
    void addLocally(FolderPath folder, String subject) {
        try (LocalStore mail = LocalStores.maildir(josDir.resolve(IceSync.MAIL_DIR))) {
            mail.add(folder, Flags.NONE, 0, new ByteArrayInputStream(Messages.simple("<" + subject.hashCode()
                    + "@iwdemo.test>", subject)));
            mail.flush();
        }
    }

    int localCount(FolderPath folder) {
        try (LocalStore mail = LocalStores.maildir(josDir.resolve(IceSync.MAIL_DIR))) {
            return mail.folders().stream().anyMatch(f -> f.path().equals(folder)) ? mail.items(folder).size() : -1;
        }
    }

    static List<String> subjects(IceWarpServer server, String account, String folder) {
        return server.account(account).mailbox(folder).messages().stream()
                .map(m -> new String(m.content(), StandardCharsets.UTF_8))
                .map(raw -> raw.lines().filter(l -> l.startsWith("Subject: ")).findFirst().orElse(""))
                .toList();
    }

    @Test
    void readOnlyThenReadWriteSubscribeEditAndRevokeLosesNothing(IceWarpServer server) {
        try (IceSync jean = open(server, jeanDir, JEAN)) {
            Grant g = jean.sharing().grant(CALENDAR, JOS, AccessRights.parse("read"));
            assertThat(g.rights().preset()).contains(AccessPreset.READ);
            jean.sharing().grant(PROJECTS, JOS, AccessRights.parse("read"));
            assertThat(jean.sharing().grants(PROJECTS)).as("the owner's own entry is no grant")
                    .containsExactly(new Grant(JOS, AccessRights.parse("read")));
        }
        assertThat(subjects(server, JOSEPHINE, "INBOX")).as("IceWarp's share notices")
                .containsExactlyInAnyOrder("Subject: jean@iwdemo.test shares the folder Calendar with you",
                        "Subject: jean@iwdemo.test shares the folder Projects with you");

        try (IceSync jos = josephine(server)) {
            jos.updateSettings(b -> b.revertReadOnlyChanges(true));
            assertThat(jos.syncOnce().ok()).isTrue();
            assertThat(jos.sharing().offered()).extracting(SharedFolder::path)
                    .containsExactlyInAnyOrder(shared("Calendar"), shared("Projects"));
            assertThat(josEvents).extracting(SharingEvent::kind).containsOnly(SharingEvent.Kind.SHARE_OFFERED);
            assertThat(localCount(shared("Projects"))).as("offered, not synced").isEqualTo(-1);

            SharedFolder sub = jos.sharing().subscribe(shared("Projects"));
            assertThat(sub.rights().rights()).containsExactly(io.icesync.core.AccessRight.READ);
            jos.sharing().subscribe(shared("Calendar"));
            assertThat(jos.syncOnce().ok()).isTrue();
        }
        assertThat(localCount(shared("Projects"))).isEqualTo(1);
        assertThat(josDir.resolve("groupware")).isDirectoryRecursivelyContaining("glob:**/e1.ics");

        addLocally(shared("Projects"), "Read-only edit");
        try (IceSync jos = josephine(server)) {
            jos.syncOnce();
        }
        assertThat(localCount(shared("Projects"))).as("reverted while read-only").isEqualTo(1);
        assertThat(subjects(server, JEAN, "Projects")).containsExactly("Subject: Plan for 2027");

        try (IceSync jean = open(server, jeanDir, JEAN)) {
            jean.sharing().grant(PROJECTS, JOS, AccessRights.parse("read-write"));
        }
        addLocally(shared("Projects"), "Josephine's notes");
        josEvents.clear();
        try (IceSync jos = josephine(server)) {
            assertThat(jos.syncOnce().ok()).isTrue();
        }
        assertThat(josEvents).extracting(SharingEvent::kind).containsExactly(SharingEvent.Kind.RIGHTS_CHANGED);
        assertThat(subjects(server, JEAN, "Projects")).as("reaches jean once write is granted")
                .containsExactlyInAnyOrder("Subject: Plan for 2027", "Subject: Josephine's notes");

        try (IceSync jean = open(server, jeanDir, JEAN)) {
            jean.sharing().revoke(PROJECTS, JOS);
            jean.sharing().revoke(CALENDAR, JOS);
            assertThat(jean.sharing().grants(PROJECTS)).extracting(Grant::grantee).doesNotContain(JOS);
        }
        addLocally(shared("Projects"), "Written after the revoke");
        josEvents.clear();
        try (IceSync jos = josephine(server)) {
            assertThat(jos.syncOnce().ok()).isTrue();
            assertThat(jos.sharing().received()).isEmpty();
            assertThat(jos.syncOnce().ok()).isTrue();
        }
        assertThat(localCount(shared("Projects"))).as("the copy goes").isEqualTo(-1);
        assertThat(josEvents).extracting(SharingEvent::kind).contains(SharingEvent.Kind.SHARE_REVOKED);
        FolderPath aside = FolderPath.of("Kept aside", "jean@iwdemo_test", "Projects");
        assertThat(josEvents).extracting(SharingEvent::keptAside).contains(aside);
        assertThat(localCount(aside)).as("the unsynced item is kept").isEqualTo(1);
        assertThat(subjects(server, JOSEPHINE, "Kept aside/jean@iwdemo_test/Projects")).as("and reaches her own account")
                .containsExactly("Subject: Written after the revoke");
    }

    @Test
    void aRefusedShareIsNotOfferedAgainUntilItsGrantChanges(IceWarpServer server) {
        server.account(JEAN).mailbox("Projects").grant(JOSEPHINE, "lrs");
        try (IceSync jos = josephine(server)) {
            jos.syncOnce();
            jos.sharing().refuse(shared("Projects"));
            jos.syncOnce();
            assertThat(jos.sharing().offered()).isEmpty();
            assertThat(jos.sharing().received()).extracting(SharedFolder::status)
                    .containsExactly(ShareState.Status.REFUSED);
            server.account(JEAN).mailbox("Projects").grant(JOSEPHINE, "lrswipte");
            josEvents.clear();
            jos.syncOnce();
            assertThat(jos.sharing().offered()).extracting(SharedFolder::rights)
                    .containsExactly(AccessRights.parse("read-write"));
            assertThat(josEvents).extracting(SharingEvent::kind).containsExactly(SharingEvent.Kind.SHARE_OFFERED);
            assertThatThrownBy(() -> jos.sharing().subscribe(shared("Nothing")))
                    .isInstanceOf(ShareNotFoundException.class).hasMessageContaining("~" + JEAN + "/Nothing")
                    .hasMessageContaining("~" + JEAN + "/Projects");
        }
        assertThat(localCount(shared("Projects"))).isEqualTo(-1);
    }

    @Test
    void aChangeWithoutAdministerIsRefusedNamingFolderAndRight(IceWarpServer server) {
        server.account(JEAN).mailbox("Projects").grant(JOSEPHINE, "lrswipte");
        try (IceSync jos = josephine(server)) {
            assertThatThrownBy(() -> jos.sharing().grant(shared("Projects"), Grantee.user("bench@iwdemo.test"),
                    AccessRights.parse("read")))
                    .isInstanceOf(MissingRightException.class)
                    .hasMessageContaining("'~jean@iwdemo.test/Projects'").hasMessageContaining("'a' (administer)")
                    .satisfies(e -> assertThat(((MissingRightException) e).missing()).isEqualTo(Right.ADMINISTER));
        }
        assertThat(server.account(JEAN).mailbox("Projects").acl()).doesNotContainKey("bench@iwdemo.test");
    }

    @Test
    void aSubFolderThatInheritsFollowsItsParentUntilCancelled(IceWarpServer server) {
        server.account(JEAN).create("Projects/2027");
        FolderPath sub = FolderPath.of("Projects", "2027");
        try (IceSync jean = open(server, jeanDir, JEAN)) {
            jean.sharing().grant(PROJECTS, JOS, AccessRights.parse("read"));
            jean.sharing().grant(sub, Grantee.ANYONE, AccessRights.parse("lr"));
            jean.sharing().inherit(sub, true);
            assertThat(server.account(JEAN).mailbox("Projects/2027").acl())
                    .containsEntry(JOSEPHINE, "lrs").doesNotContainKey("anyone");
            assertThatThrownBy(() -> jean.sharing().grant(sub, JOS, AccessRights.parse("all")))
                    .isInstanceOf(InheritedRightsException.class).hasMessageContaining("Projects/2027");

            jean.sharing().grant(PROJECTS, JOS, AccessRights.parse("read-write"));
            assertThat(AccessRights.letters(server.account(JEAN).mailbox("Projects/2027").acl().get(JOSEPHINE))
                    .preset()).contains(AccessPreset.READ_WRITE);
            assertThat(jean.sharing().folderRights()).filteredOn(r -> r.path().equals(sub))
                    .extracting(FolderRights::inherits).containsExactly(true);

            jean.sharing().inherit(sub, false);
            jean.sharing().grant(sub, JOS, AccessRights.parse("read"));
            jean.sharing().grant(PROJECTS, JOS, AccessRights.parse("all"));
            assertThat(server.account(JEAN).mailbox("Projects/2027").acl()).containsEntry(JOSEPHINE, "lrs");
        }
    }

    @Test
    void theTestServerInheritsAnEmptyListFromTheParentAsIceWarpDoes(IceWarpServer server) {
        server.model().aclInheritance(true);
        var jean = server.account(JEAN);
        jean.create("Projects/2027");
        jean.mailbox("Projects").grant(JOSEPHINE, "lrs");
        assertThat(jean.mailbox("Projects/2027").rightsOf(JOSEPHINE)).isEqualTo("lrs");
        jean.mailbox("Projects/2027").grant("bench@iwdemo.test", "lr");
        assertThat(jean.mailbox("Projects/2027").rightsOf(JOSEPHINE)).as("a list of its own ends it").isEmpty();
    }

    @Test
    void groupsAndAnyoneReachTheirMembersAndEveryone(IceWarpServer server) {
        server.model().group("team", JOSEPHINE);
        try (IceSync jean = open(server, jeanDir, JEAN)) {
            jean.sharing().grant(PROJECTS, Grantee.parse("group:team"), AccessRights.parse("read-write"));
            jean.sharing().grant(CALENDAR, Grantee.parse("everyone"), AccessRights.parse("read"));
            assertThat(jean.sharing().grants(PROJECTS)).extracting(Grant::grantee).contains(Grantee.group("team"));
        }
        assertThat(server.account(JEAN).mailbox("Projects").rightsOf(JOSEPHINE)).isEqualTo("lrswipted");
        assertThat(server.account(JEAN).mailbox("Projects").rightsOf("bench@iwdemo.test")).isEmpty();
        assertThat(server.account(JEAN).mailbox("Calendar").rightsOf("bench@iwdemo.test")).isEqualTo("lrs");
        try (IceSync jos = josephine(server)) {
            jos.syncOnce();
            assertThat(jos.sharing().offered()).extracting(SharedFolder::path)
                    .containsExactlyInAnyOrder(shared("Projects"), shared("Calendar"));
        }
    }

    @Test
    void aWholeAccountShareReachesEveryFolderAndTheNewOnes(IceWarpServer server) {
        try (IceSync jean = open(server, jeanDir, JEAN)) {
            List<FolderPath> shared = jean.sharing().shareAccount(JOS, AccessRights.parse("read"));
            assertThat(shared).contains(FolderPath.of("INBOX"), CALENDAR, PROJECTS, FolderPath.of("Sent"));
            server.account(JEAN).create("Later");
            assertThat(jean.syncOnce().ok()).isTrue();
            assertThat(server.account(JEAN).mailbox("Later").acl()).containsEntry(JOSEPHINE, "lrs");
            assertThat(jean.sharing().accountGrants()).containsEntry(JOS, AccessRights.parse("read"));

            jean.sharing().unshareAccount(JOS);
            assertThat(server.account(JEAN).mailbox("Later").acl()).doesNotContainKey(JOSEPHINE);
            assertThat(server.account(JEAN).mailbox("INBOX").acl()).doesNotContainKey(JOSEPHINE);
        }
    }

    @Test
    void ownRightsAreMirroredInTheState(IceWarpServer server) {
        try (IceSync jean = open(server, jeanDir, JEAN)) {
            jean.syncOnce();
            assertThat(jean.sharing().folderRights()).filteredOn(r -> r.path().equals(PROJECTS))
                    .extracting(r -> r.mine().preset().orElseThrow()).containsExactly(AccessPreset.FULL);
        }
    }

    @Test
    void subscribingToTheAccountTakesTheFoldersSharedLaterWithoutAsking(IceWarpServer server) {
        server.account(JEAN).mailbox("Projects").grant(JOSEPHINE, "lrs");
        try (IceSync jos = josephine(server)) {
            jos.syncOnce();
            assertThat(jos.sharing().isAccount(FolderPath.of("~" + JEAN))).isTrue();
            assertThat(jos.sharing().subscribeAccount(FolderPath.of("~" + JEAN))).extracting(SharedFolder::path)
                    .containsExactly(shared("Projects"));
            server.account(JEAN).mailbox("Calendar").grant(JOSEPHINE, "lrs");
            assertThat(jos.syncOnce().ok()).isTrue();
            assertThat(jos.sharing().received()).extracting(SharedFolder::status)
                    .containsOnly(ShareState.Status.SUBSCRIBED).hasSize(2);
        }
        assertThat(localCount(shared("Projects"))).isEqualTo(1);
    }

    static TestMessage first(List<TestMessage> l) {
        return l.get(0);
    }
}
