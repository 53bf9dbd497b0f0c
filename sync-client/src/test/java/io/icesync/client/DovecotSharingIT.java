package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.AccessRights;
import io.icesync.core.Account;
import io.icesync.core.Endpoint;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.Grant;
import io.icesync.core.Grantee;
import io.icesync.core.Security;
import io.icesync.core.engine.SharingEvent;
import io.icesync.core.engine.SyncListener;
import io.icesync.core.settings.FolderSelection;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.store.LocalStores;
import io.icesync.imap.ImapRemoteStore;
import io.icesync.testkit.Messages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sharing on Dovecot (../shared/peers: ACL plugin, shared namespace {@code shared/USER/}): jean shares a
 * calendar and a mail folder with josephine read-only, then read-write; josephine subscribes, syncs, her
 * local edit is reverted while read-only and reaches jean once write is granted; jean revokes, her copy
 * goes and the item she had not synced is kept aside. Folders are the test's own (unique names) and are
 * deleted at the end, with the kept-aside folder in josephine's account. And jean sees a grant another
 * client (a raw IMAP session) made, and the sub-folder that follows its parent follows it.
 */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class DovecotSharingIT {
    static final int IMAP = Integer.getInteger("icesync.dovecot.port", 10143);
    static final String JEAN = "jean@iwdemo.test";
    static final String JOSEPHINE = "josephine@iwdemo.test";
    static final Grantee JOS = Grantee.user(JOSEPHINE);

    final String id = UUID.randomUUID().toString().substring(0, 8);
    final FolderPath mail = FolderPath.of("share-it-" + id);
    final FolderPath calendar = FolderPath.of("Calendar-it-" + id);
    final FolderPath sub = mail.child("sub");
    final FolderPath sharedMail = FolderPath.of("shared", JEAN, mail.name());
    final FolderPath sharedCalendar = FolderPath.of("shared", JEAN, calendar.name());
    final FolderPath aside = FolderPath.of("Kept aside", "jean@iwdemo_test", mail.name());
    final List<SharingEvent> events = new CopyOnWriteArrayList<>();

    @TempDir
    Path jeanDir;
    @TempDir
    Path josDir;

    static Endpoint dovecot() {
        return new Endpoint("127.0.0.1", IMAP, Security.PLAIN);
    }

    static ImapRemoteStore imap(String user) {
        return ImapRemoteStore.builder().endpoint(dovecot()).login(user).password("secret".toCharArray()).build();
    }

    @AfterEach
    void cleanUp() {
        try (ImapRemoteStore jean = imap(JEAN)) {
            jean.connect();
            for (FolderPath f : List.of(sub, mail, calendar)) {
                try {
                    jean.deleteFolder(f);
                } catch (RuntimeException e) {
                    // not created, or gone already
                }
            }
        }
        try (ImapRemoteStore jos = imap(JOSEPHINE)) {
            jos.connect();
            // The leaf, then the levels above it if nothing else of anyone's is under them.
            for (FolderPath f = aside; !f.isRoot(); f = f.parent()) {
                try {
                    jos.deleteFolder(f);
                } catch (RuntimeException e) {
                    break;
                }
            }
        }
    }

    IceSync josephine() {
        IceSync s = Files.exists(josDir.resolve(IceSync.PROFILE_FILE)) ? IceSync.open(josDir)
                : IceSync.create(josDir, Profile.of(new Account(JOSEPHINE, JOSEPHINE, dovecot())),
                "secret".toCharArray());
        s.addListener(new SyncListener() {
            @Override
            public void onSharing(SharingEvent event) {
                events.add(event);
            }
        });
        // Only the shared folders and the kept-aside one carry items: josephine's own mail is other tests'.
        s.updateSettings(b -> b.revertReadOnlyChanges(true).defaultSelection(FolderSelection.UNSELECTED)
                .select(sharedMail, FolderSelection.SELECTED).select(sharedCalendar, FolderSelection.SELECTED)
                .select(aside, FolderSelection.SELECTED));
        return s;
    }

    void addLocally(String subject) {
        try (LocalStore m = LocalStores.maildir(josDir.resolve(IceSync.MAIL_DIR))) {
            m.add(sharedMail, Flags.NONE, 0, new ByteArrayInputStream(Messages.simple("<" + subject.replace(' ', '-')
                    + "-" + id + "@iwdemo.test>", subject)));
            m.flush();
        }
    }

    int local(FolderPath folder) {
        try (LocalStore m = LocalStores.maildir(josDir.resolve(IceSync.MAIL_DIR))) {
            return m.folders().stream().anyMatch(f -> f.path().equals(folder)) ? m.items(folder).size() : -1;
        }
    }

    List<Long> onServer(String user, FolderPath folder, String subject) {
        try (ImapRemoteStore r = imap(user)) {
            r.connect();
            return r.findByMessageId(folder, "<" + subject.replace(' ', '-') + "-" + id + "@iwdemo.test>");
        }
    }

    boolean anyFileContains(Path root, String text) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                if (Files.readString(p, StandardCharsets.ISO_8859_1).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void readOnlyThenReadWriteSubscribeEditRevokeAndNothingUnsyncedIsLost() throws Exception {
        try (ImapRemoteStore jean = imap(JEAN)) {
            jean.connect();
            jean.createFolder(mail, FolderKind.MAIL);
            byte[] plan = Messages.simple("<plan-" + id + "@iwdemo.test>", "Plan " + id);
            jean.append(mail, Flags.NONE, Instant.now(), plan.length, () -> new ByteArrayInputStream(plan));
            jean.createFolder(calendar, FolderKind.EVENTS);
            byte[] event = Messages.groupware(Messages.event("ev-" + id, "Budget review " + id));
            jean.append(calendar, Flags.NONE, Instant.now(), event.length, () -> new ByteArrayInputStream(event));
        }
        try (IceSync jean = IceSync.create(jeanDir, Profile.of(new Account(JEAN, JEAN, dovecot())),
                "secret".toCharArray())) {
            jean.sharing().grant(mail, JOS, AccessRights.parse("read"));
            jean.sharing().grant(calendar, JOS, AccessRights.parse("read"));
            assertThat(jean.sharing().grants(mail)).contains(new Grant(JOS, AccessRights.parse("read")));
        }

        try (IceSync jos = josephine()) {
            assertThat(jos.syncOnce().ok()).isTrue();
            assertThat(jos.sharing().offered()).extracting(SharedFolder::path).contains(sharedMail, sharedCalendar);
            assertThat(events).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo(SharingEvent.Kind.SHARE_OFFERED);
                assertThat(e.folder()).isEqualTo(sharedMail);
                assertThat(e.owner()).isEqualTo(JEAN);
            });
            assertThat(local(sharedMail)).as("offered, not synced").isEqualTo(-1);
            jos.sharing().subscribe(sharedMail);
            jos.sharing().subscribe(sharedCalendar);
            assertThat(jos.syncOnce().ok()).isTrue();
        }
        assertThat(local(sharedMail)).isEqualTo(1);
        assertThat(anyFileContains(josDir, "Budget review " + id)).as("the calendar came too").isTrue();

        addLocally("Read-only edit");
        try (IceSync jos = josephine()) {
            jos.syncOnce();
        }
        assertThat(local(sharedMail)).as("reverted while read-only").isEqualTo(1);
        assertThat(onServer(JEAN, mail, "Read-only edit")).isEmpty();

        try (IceSync jean = IceSync.open(jeanDir)) {
            jean.sharing().grant(mail, JOS, AccessRights.parse("read-write"));
        }
        addLocally("Josephine notes");
        events.clear();
        try (IceSync jos = josephine()) {
            assertThat(jos.syncOnce().ok()).isTrue();
        }
        assertThat(events).extracting(SharingEvent::kind).contains(SharingEvent.Kind.RIGHTS_CHANGED);
        assertThat(onServer(JEAN, mail, "Josephine notes")).as("reaches jean once write is granted").hasSize(1);

        try (IceSync jean = IceSync.open(jeanDir)) {
            jean.sharing().revoke(mail, JOS);
            jean.sharing().revoke(calendar, JOS);
        }
        addLocally("After the revoke");
        events.clear();
        try (IceSync jos = josephine()) {
            assertThat(jos.syncOnce().ok()).isTrue();
            assertThat(jos.sharing().received()).extracting(SharedFolder::path)
                    .doesNotContain(sharedMail, sharedCalendar);
            assertThat(jos.syncOnce().ok()).isTrue();
        }
        assertThat(local(sharedMail)).as("the copy goes").isEqualTo(-1);
        assertThat(anyFileContains(josDir.resolve("groupware"), "Budget review " + id)).isFalse();
        assertThat(events).extracting(SharingEvent::keptAside).contains(aside);
        assertThat(local(aside)).as("nothing unsynced is lost").isEqualTo(1);
        assertThat(onServer(JOSEPHINE, aside, "After the revoke")).hasSize(1);
    }

    /** Another client: a plain Angus Mail session of jean's, giving josephine read rights on a folder (SETACL). */
    static void setAclElsewhere(String folder, String who, String letters) throws Exception {
        jakarta.mail.Store store = jakarta.mail.Session.getInstance(new java.util.Properties()).getStore("imap");
        store.connect("127.0.0.1", IMAP, JEAN, "secret");
        try {
            org.eclipse.angus.mail.imap.IMAPFolder f = (org.eclipse.angus.mail.imap.IMAPFolder) store.getFolder(folder);
            f.addACL(new org.eclipse.angus.mail.imap.ACL(who, new org.eclipse.angus.mail.imap.Rights(letters)));
        } finally {
            store.close();
        }
    }

    @Test
    void theOwnerSeesAGrantMadeByAnotherClientAndTheFollowingSubFolderTakesIt() throws Exception {
        try (ImapRemoteStore jean = imap(JEAN)) {
            jean.connect();
            jean.createFolder(mail, FolderKind.MAIL);
            jean.createFolder(sub, FolderKind.MAIL);
        }
        try (IceSync jean = IceSync.create(jeanDir, Profile.of(new Account(JEAN, JEAN, dovecot())),
                "secret".toCharArray())) {
            jean.addListener(new SyncListener() {
                @Override
                public void onSharing(SharingEvent event) {
                    events.add(event);
                }
            });
            jean.sharing().inherit(sub, true);
            jean.sharing().refresh();
            assertThat(events).filteredOn(e -> e.folder().startsWith(mail)).as("the first read is the baseline")
                    .isEmpty();

            setAclElsewhere(jean.sharing().serverName(mail), JOSEPHINE, "lrs");
            jean.sharing().refresh();
            assertThat(events).filteredOn(e -> e.kind() == SharingEvent.Kind.ACCESS_LIST_CHANGED)
                    .extracting(SharingEvent::folder).contains(mail, sub);
            assertThat(events).filteredOn(e -> e.folder().equals(mail)).singleElement()
                    .satisfies(e -> assertThat(e.after()).contains(JOSEPHINE + " lrs"));
            assertThat(jean.sharing().grants(sub)).as("the sub-folder follows, on Dovecot itself")
                    .contains(new Grant(JOS, AccessRights.parse("read")));
            assertThat(jean.sharing().folderRights()).filteredOn(r -> r.path().equals(mail)).singleElement()
                    .satisfies(r -> assertThat(r.grants()).contains(new Grant(JOS, AccessRights.parse("read"))));
        }
        assertThat(IceSync.sharingStatus(jeanDir).folders()).filteredOn(f -> f.path().equals(sub)).singleElement()
                .satisfies(f -> {
                    assertThat(f.inherits()).isTrue();
                    assertThat(f.grants()).contains(new Grant(JOS, AccessRights.parse("read")));
                });
    }
}
