package io.icesync.groupware.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.LocalItem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vdir as files a user and other programs see, and as a store the engine relies on after a crash. */
class VdirLocalStoreTest {
    static final FolderPath CAL = FolderPath.of("Calendar");

    @TempDir
    Path root;

    static ByteArrayInputStream message(String uid, String summary) {
        return new ByteArrayInputStream(GroupwareSyncTest.message("text/calendar", uid,
                GroupwareSyncTest.event(uid, summary)));
    }

    List<String> visibleFiles() throws IOException {
        try (Stream<Path> s = Files.list(root.resolve("Calendar"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void anAddedObjectIsSeenByTheStoreAtOnceAndByOtherProgramsAfterTheFlush() throws IOException {
        VdirLocalStore store = new VdirLocalStore(root);
        store.createFolder(CAL, FolderKind.EVENTS);
        String id = store.add(CAL, Flags.of(Flag.SEEN), 42, message("e1", "Lunch"));

        assertThat(id).endsWith("/e1.ics");
        assertThat(store.items(CAL)).extracting(LocalItem::id, LocalItem::key, LocalItem::uidHint)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id, "e1", 42L));
        assertThat(visibleFiles()).isEmpty();

        store.flush();

        assertThat(visibleFiles()).containsExactly("e1.ics");
        assertThat(Files.readString(root.resolve("Calendar/e1.ics"))).contains("SUMMARY:Lunch");
        try (InputStream in = store.open(CAL, id)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("Content-Type: text/calendar");
        }
    }

    @Test
    void aFileAnotherProgramWroteIsSeenForImapAndFlaglessForCalDav() throws IOException {
        try (VdirLocalStore imap = new VdirLocalStore(root.resolve("imap"));
             VdirLocalStore dav = new VdirLocalStore(root.resolve("dav"), f -> new RawItemCodec())) {
            for (VdirLocalStore store : List.of(imap, dav)) {
                store.createFolder(CAL, FolderKind.EVENTS);
            }
            String event = GroupwareSyncTest.event("e1", "Written by khal");
            Files.writeString(root.resolve("imap/Calendar/e1.ics"), event);
            Files.writeString(root.resolve("dav/Calendar/e1.ics"), event);

            // As the servers list their copies once uploaded: the sync then has no flag to change.
            assertThat(imap.items(CAL)).extracting(LocalItem::flags).containsExactly(Flags.of(Flag.SEEN));
            assertThat(dav.items(CAL)).extracting(LocalItem::flags).containsExactly(Flags.NONE);
        }
    }

    @Test
    void objectsAddedByAProcessKilledBeforeTheFlushNeverAppear() throws IOException {
        VdirLocalStore killed = new VdirLocalStore(root);
        killed.createFolder(CAL, FolderKind.EVENTS);
        killed.add(CAL, Flags.NONE, 7, message("e1", "Lunch"));
        // no flush: the process dies here

        VdirLocalStore next = new VdirLocalStore(root);
        assertThat(next.items(CAL)).isEmpty();
        try (Stream<Path> s = Files.list(root.resolve("Calendar"))) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".new-"));
        }
    }

    @Test
    void aFlushedObjectKeepsItsUidHintAndFlagsForTheNextProcess() {
        VdirLocalStore first = new VdirLocalStore(root);
        first.createFolder(CAL, FolderKind.EVENTS);
        first.add(CAL, Flags.of(Flag.FLAGGED), 9, message("e1", "Lunch"));
        first.flush();

        LocalItem i = new VdirLocalStore(root).items(CAL).get(0);
        assertThat(i.uidHint()).isEqualTo(9);
        assertThat(i.flags()).isEqualTo(Flags.of(Flag.FLAGGED));
        assertThat(i.version()).isNotBlank();
    }

    @Test
    void theSameFileNameInTwoFoldersGivesTwoIds() throws IOException {
        VdirLocalStore store = new VdirLocalStore(root);
        store.createFolder(FolderPath.of("Contacts"), FolderKind.CONTACTS);
        store.createFolder(FolderPath.of("Shared"), FolderKind.CONTACTS);
        String card = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:c1\r\nFN:Anna\r\nEND:VCARD\r\n";
        Files.writeString(root.resolve("Contacts/c1.vcf"), card);
        Files.writeString(root.resolve("Shared/c1.vcf"), card);

        String a = store.items(FolderPath.of("Contacts")).get(0).id();
        String b = store.items(FolderPath.of("Shared")).get(0).id();

        assertThat(a).isNotEqualTo(b);
        store.delete(FolderPath.of("Shared"), b);
        assertThat(Files.exists(root.resolve("Contacts/c1.vcf"))).isTrue();
        assertThat(Files.exists(root.resolve("Shared/c1.vcf"))).isFalse();
    }

    @Test
    void aReorderedFileKeepsItsVersionAndAChangedOneDoesNot() throws IOException {
        VdirLocalStore store = new VdirLocalStore(root);
        store.createFolder(FolderPath.of("Contacts"), FolderKind.CONTACTS);
        Path f = root.resolve("Contacts/c1.vcf");
        Files.writeString(f, "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:c1\r\nFN:Anna\r\nEMAIL:a@x.test\r\nEND:VCARD\r\n");
        String v1 = store.items(FolderPath.of("Contacts")).get(0).version();
        Files.writeString(f, "BEGIN:VCARD\nVERSION:3.0\nEMAIL:a@x.test\nFN:Anna\nUID:c1\nEND:VCARD\n");
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        String v2 = store.items(FolderPath.of("Contacts")).get(0).version();
        Files.writeString(f, "BEGIN:VCARD\nVERSION:3.0\nEMAIL:a@x.test\nFN:Anna B\nUID:c1\nEND:VCARD\n");
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 10000));
        String v3 = store.items(FolderPath.of("Contacts")).get(0).version();

        assertThat(v2).isEqualTo(v1);
        assertThat(v3).isNotEqualTo(v1);
    }

    @Test
    void aFolderCaughtHalfDeletedNeverComesBack() throws Exception {
        VdirLocalStore v = new VdirLocalStore(root);
        v.createFolder(CAL, FolderKind.EVENTS);
        v.add(CAL, Flags.NONE, 1, message("e1", "Lunch"));
        v.flush();
        // A kill during the delete leaves the renamed directory, hidden, whole.
        Files.move(root.resolve("Calendar"), root.resolve(".icesync-deleted-x"));

        VdirLocalStore again = new VdirLocalStore(root);

        assertThat(again.folders()).isEmpty();
        assertThat(Files.exists(root.resolve(".icesync-deleted-x"))).isFalse();
    }
}
