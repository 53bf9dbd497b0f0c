package io.icesync.groupware.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.KindChangeRefusedException;
import io.icesync.core.spi.LocalFolder;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.store.LocalStores;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GroupwareLocalStore#changeKind}: a folder moves between the Maildir and the vdir, one folder
 * listed at its path at every step, and a move cut short by a kill is finished by a second call.
 */
class GroupwareKindChangeTest {
    static final FolderPath CARDS = FolderPath.of("Cards");

    @TempDir
    Path dir;

    GroupwareLocalStore open() {
        return new GroupwareLocalStore(LocalStores.maildir(dir.resolve("mail")), new VdirLocalStore(dir.resolve("groupware")));
    }

    static ByteArrayInputStream vcard(String uid) {
        return new ByteArrayInputStream(GroupwareSyncTest.message("text/vcard", uid, GroupwareSyncTest.card(uid, uid)));
    }

    static LocalFolder at(LocalStore s, FolderPath p) {
        LocalFolder[] found = s.folders().stream().filter(f -> f.path().equals(p)).toArray(LocalFolder[]::new);
        assertThat(found).as("folders listed at " + p).hasSizeLessThanOrEqualTo(1);
        return found.length == 0 ? null : found[0];
    }

    @Test
    void mailToContactsAndBack() {
        try (GroupwareLocalStore s = open()) {
            String mailId = s.createFolder(CARDS, FolderKind.MAIL).id();
            s.add(CARDS, Flags.NONE, 1, vcard("c1"));
            s.flush();

            LocalFolder contacts = s.changeKind(CARDS, FolderKind.CONTACTS);

            assertThat(contacts.id()).isNotEqualTo(mailId);
            assertThat(at(s, CARDS)).isEqualTo(contacts);
            assertThat(s.items(CARDS)).isEmpty();
            assertThat(Files.exists(dir.resolve("mail/Cards"))).isFalse();

            LocalFolder mail = s.changeKind(CARDS, FolderKind.MAIL);

            assertThat(mail.id()).isNotEqualTo(contacts.id()).isNotEqualTo(mailId);
            assertThat(at(s, CARDS)).isEqualTo(mail);
            assertThat(Files.exists(dir.resolve("groupware/Cards"))).isFalse();
            assertThat(s.changeKind(CARDS, FolderKind.DOCUMENTS)).as("documents live in the Maildir too").isNull();
        }
    }

    @Test
    void eventsToTasksStayInTheVdirUnderTheirIdAndTakeTheNewKind() {
        try (GroupwareLocalStore s = open()) {
            LocalFolder events = s.createFolder(CARDS, FolderKind.EVENTS);

            assertThat(s.changeKind(CARDS, FolderKind.TASKS)).as("nothing moves").isNull();

            assertThat(at(s, CARDS)).isEqualTo(new LocalFolder(CARDS, events.id(), FolderKind.TASKS));
        }
        try (GroupwareLocalStore again = open()) {
            assertThat(at(again, CARDS).kind()).as("kept in the folder's identity").isEqualTo(FolderKind.TASKS);
        }
    }

    @Test
    void aMoveToContactsKilledHalfWayListsTheNewFolderAndIsFinishedByASecondCall() {
        String vdirId;
        try (GroupwareLocalStore s = open()) {
            s.createFolder(CARDS, FolderKind.MAIL);
            s.add(CARDS, Flags.NONE, 1, vcard("c1"));
            s.flush();
        }
        // Killed after the first step: the vdir folder made, the Maildir one still there.
        VdirLocalStore half = new VdirLocalStore(dir.resolve("groupware"));
        vdirId = half.createFolder(CARDS, FolderKind.CONTACTS).id();
        try (GroupwareLocalStore s = open()) {
            assertThat(at(s, CARDS).id()).isEqualTo(vdirId);

            LocalFolder done = s.changeKind(CARDS, FolderKind.CONTACTS);

            assertThat(done == null ? at(s, CARDS).id() : done.id()).isEqualTo(vdirId);
            assertThat(Files.exists(dir.resolve("mail/Cards"))).isFalse();
            assertThat(s.changeKind(CARDS, FolderKind.CONTACTS)).isNull();
        }
    }

    @Test
    void aMoveToMailKilledHalfWayIsFinishedByASecondCall() {
        try (GroupwareLocalStore s = open()) {
            s.createFolder(CARDS, FolderKind.CONTACTS);
            s.add(CARDS, Flags.NONE, 1, vcard("c1"));
            s.flush();
        }
        // Killed after the first step: the vdir folder gone, the Maildir one not made yet.
        new VdirLocalStore(dir.resolve("groupware")).deleteFolder(CARDS);
        try (GroupwareLocalStore s = open()) {
            assertThat(at(s, CARDS)).isNull();

            LocalFolder done = s.changeKind(CARDS, FolderKind.MAIL);

            assertThat(done).isNotNull();
            assertThat(at(s, CARDS)).isEqualTo(done);
            assertThat(s.changeKind(CARDS, FolderKind.MAIL)).isNull();
        }
    }

    @Test
    void aFolderWithSubFoldersIsRefusedUntouched() {
        try (GroupwareLocalStore s = open()) {
            String id = s.createFolder(CARDS, FolderKind.MAIL).id();
            s.createFolder(CARDS.child("Old"), FolderKind.MAIL);

            assertThatThrownBy(() -> s.changeKind(CARDS, FolderKind.CONTACTS))
                    .isInstanceOf(KindChangeRefusedException.class).hasMessageContaining("Cards/Old");
            assertThat(at(s, CARDS).id()).isEqualTo(id);
            assertThat(Files.exists(dir.resolve("groupware/Cards"))).isFalse();
        }
    }
}
