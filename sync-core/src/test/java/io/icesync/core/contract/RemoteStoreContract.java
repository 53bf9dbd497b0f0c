package io.icesync.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.Folder;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.SpecialUse;
import io.icesync.core.spi.FetchMode;
import io.icesync.core.spi.ItemSink;
import io.icesync.core.spi.RemoteChanges;
import io.icesync.core.spi.RemoteCursor;
import io.icesync.core.spi.RemoteItem;
import io.icesync.core.spi.RemoteStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RemoteStore} must do, written once and run against each server (Dovecot, the
 * testkit, a custom connector). Each test works below its own top folder, removed afterwards, so
 * the suite can run again and again on one account.
 */
public abstract class RemoteStoreContract {
    protected RemoteStore store;
    protected RemoteStore other;
    protected FolderPath top;

    /** A new store, connected to the test account. */
    protected abstract RemoteStore newStore();

    @BeforeEach
    void openStores() {
        store = newStore();
        other = newStore();
        store.connect();
        other.connect();
        top = FolderPath.of("icesync-" + UUID.randomUUID().toString().substring(0, 8));
        store.createFolder(top, FolderKind.MAIL);
    }

    @AfterEach
    void removeTestFolders() {
        try {
            List<Folder> mine = store.folders().stream().filter(f -> f.path().startsWith(top)).collect(Collectors.toList());
            mine.sort((a, b) -> b.path().depth() - a.path().depth());
            for (Folder f : mine) {
                store.deleteFolder(f.path());
            }
        } finally {
            store.close();
            other.close();
        }
    }

    protected static byte[] message(String messageId, String body) {
        return ("Message-ID: " + messageId + "\r\nFrom: Jean <jean@iwdemo.test>\r\nSubject: =?UTF-8?Q?R=C3=A9union?=\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + body + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    protected long add(RemoteStore s, FolderPath f, byte[] content, Flags flags) {
        long uid = s.append(f, flags, null, content.length, () -> new ByteArrayInputStream(content));
        return uid > 0 ? uid : s.findByMessageId(f, messageIdOf(content)).get(0);
    }

    private static String messageIdOf(byte[] content) {
        String s = new String(content, StandardCharsets.ISO_8859_1);
        return s.substring("Message-ID: ".length(), s.indexOf("\r\n"));
    }

    protected Map<Long, byte[]> download(FolderPath f, List<RemoteItem> items, FetchMode mode, List<Boolean> partials) {
        Map<Long, byte[]> out = new LinkedHashMap<>();
        store.fetch(f, items, mode, new ItemSink() {
            @Override
            public void accept(RemoteItem item, boolean partial, InputStream content) throws IOException {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                content.transferTo(b);
                out.put(item.uid(), b.toByteArray());
                partials.add(partial);
            }
        });
        return out;
    }

    private List<FolderPath> paths() {
        return store.folders().stream().map(Folder::path).toList();
    }

    @Test
    void inboxIsListedAsInbox() {
        assertThat(store.folders()).filteredOn(f -> f.path().equals(FolderPath.of("INBOX")))
                .singleElement().extracting(Folder::specialUse).isEqualTo(SpecialUse.INBOX);
    }

    @Test
    void foldersAreCreatedRenamedMovedAndDeletedWithAnyName() {
        FolderPath ete = top.child("Projets").child("Été 2026");
        FolderPath societe = top.child("Clients").child("Société Générale & Fils");
        store.createFolder(top.child("Projets"), FolderKind.MAIL);
        store.createFolder(ete, FolderKind.MAIL);
        store.createFolder(top.child("Clients"), FolderKind.MAIL);
        store.createFolder(societe, FolderKind.MAIL);
        assertThat(other.folders()).extracting(Folder::path).contains(ete, societe);

        FolderPath renamed = top.child("Clients").child("Société Générale 2027");
        store.renameFolder(societe, renamed);
        FolderPath moved = top.child("Archives 2025");
        store.renameFolder(top.child("Projets"), moved);
        assertThat(other.folders()).extracting(Folder::path)
                .contains(renamed, moved, moved.child("Été 2026")).doesNotContain(societe, ete);

        store.deleteFolder(renamed);
        assertThat(paths()).doesNotContain(renamed).contains(top.child("Clients"));
    }

    @Test
    void aParentCreatedImplicitlyCanBeCreatedAsARealFolderLater() {
        FolderPath parent = top.child("Implicit");
        FolderPath child = parent.child("Child");
        store.createFolder(child, FolderKind.MAIL);
        store.createFolder(parent, FolderKind.MAIL);
        assertThat(paths()).contains(parent, child);
        add(store, parent, message("<in-parent@icesync.test>", "p"), Flags.NONE);
        assertThat(store.changes(parent, null, true).items()).extracting(RemoteItem::messageId)
                .containsExactly("<in-parent@icesync.test>");
    }

    @Test
    void itemsRoundTripByteForByteWithFlagsAndKeywords() {
        FolderPath f = top.child("Items");
        store.createFolder(f, FolderKind.MAIL);
        byte[] small = message("<small@icesync.test>", "Réunion à 10 h, café ☕");
        StringBuilder big = new StringBuilder();
        while (big.length() < 5_500_000) {
            big.append("ligne de texte assez longue pour remplir un gros message 0123456789\r\n");
        }
        byte[] large = message("<large@icesync.test>", big.toString());
        Flags flags = Flags.of(Flag.SEEN, Flag.FLAGGED).withKeyword("$label1").withKeyword("Projet_X");
        long a = add(store, f, small, flags);
        long b = add(store, f, large, Flags.NONE.withKeyword(Flags.COMPLETED));

        RemoteChanges all = store.changes(f, null, true);
        assertThat(all.complete()).isTrue();
        Map<Long, RemoteItem> byUid = all.items().stream().collect(Collectors.toMap(RemoteItem::uid, r -> r));
        assertThat(byUid.get(a).flags()).isEqualTo(flags);
        assertThat(byUid.get(a).size()).isEqualTo(small.length);
        assertThat(byUid.get(a).messageId()).isEqualTo("<small@icesync.test>");
        assertThat(byUid.get(b).flags()).isEqualTo(Flags.NONE.withKeyword(Flags.COMPLETED));

        List<Boolean> partials = new ArrayList<>();
        Map<Long, byte[]> got = download(f, all.items(), FetchMode.FULL, partials);
        assertThat(got.get(a)).isEqualTo(small);
        assertThat(Arrays.equals(got.get(b), large)).as("5.5 MB item, byte for byte").isTrue();
        assertThat(partials).containsOnly(false);
        assertThat(store.changes(f, null, false).items()).filteredOn(r -> r.uid() == b).singleElement()
                .extracting(RemoteItem::flags).as("downloading does not set \\Seen")
                .isEqualTo(Flags.NONE.withKeyword(Flags.COMPLETED));
    }

    @Test
    void headersOnlyDownloadsTheHeader() {
        FolderPath f = top.child("Headers");
        store.createFolder(f, FolderKind.MAIL);
        byte[] m = message("<h@icesync.test>", "the body is not wanted");
        add(store, f, m, Flags.NONE);
        List<Boolean> partials = new ArrayList<>();
        byte[] got = download(f, store.changes(f, null, false).items(), FetchMode.HEADERS, partials).values()
                .iterator().next();
        String s = new String(got, StandardCharsets.UTF_8);
        assertThat(s).contains("Message-ID: <h@icesync.test>").doesNotContain("the body is not wanted");
        assertThat(partials).containsExactly(true);
    }

    @Test
    void changesSinceACursorReportFlagsNewItemsAndExpunges() {
        FolderPath f = top.child("Delta");
        store.createFolder(f, FolderKind.MAIL);
        long a = add(store, f, message("<a@icesync.test>", "a"), Flags.NONE);
        long c = add(store, f, message("<c@icesync.test>", "c"), Flags.NONE);
        add(store, f, message("<d@icesync.test>", "d"), Flags.NONE);
        RemoteCursor cursor = store.changes(f, null, false).cursor();

        other.setFlags(f, Map.of(a, Flags.of(Flag.SEEN).withKeyword("Work")));
        long b = add(other, f, message("<b@icesync.test>", "b"), Flags.NONE);
        other.delete(f, List.of(c));

        RemoteChanges delta = store.changes(f, cursor, false);
        Map<Long, RemoteItem> items = delta.items().stream().collect(Collectors.toMap(RemoteItem::uid, r -> r));
        assertThat(items).containsKeys(a, b);
        assertThat(items.get(a).flags()).isEqualTo(Flags.of(Flag.SEEN).withKeyword("Work"));
        if (delta.complete()) {
            assertThat(items).doesNotContainKey(c);
        } else {
            boolean vanished = Arrays.stream(delta.vanished()).anyMatch(u -> u == c);
            boolean absent = delta.existingUids() != null && Arrays.stream(delta.existingUids()).noneMatch(u -> u == c);
            assertThat(vanished || absent).as("the expunged item is reported gone").isTrue();
        }
        assertThat(delta.cursor().uidValidity()).isEqualTo(cursor.uidValidity());

        RemoteChanges nothing = store.changes(f, delta.cursor(), false);
        if (!nothing.complete()) {
            assertThat(nothing.items()).isEmpty();
            assertThat(nothing.vanished()).isEmpty();
        }
        assertThat(store.status(f).uidNext()).isEqualTo(delta.cursor().uidNext());
    }

    @Test
    void moveKeepsContentAndSaysWhereItWent() {
        FolderPath from = top.child("From");
        FolderPath to = top.child("To");
        store.createFolder(from, FolderKind.MAIL);
        store.createFolder(to, FolderKind.MAIL);
        long a = add(store, from, message("<m1@icesync.test>", "one"), Flags.of(Flag.SEEN));
        long b = add(store, from, message("<m2@icesync.test>", "two"), Flags.NONE);

        Map<Long, Long> map = store.move(from, List.of(a, b), to);

        assertThat(store.changes(from, null, false).items()).isEmpty();
        List<RemoteItem> there = store.changes(to, null, true).items();
        assertThat(there).extracting(RemoteItem::messageId).containsExactlyInAnyOrder("<m1@icesync.test>", "<m2@icesync.test>");
        if (!map.isEmpty()) {
            assertThat(map).containsOnlyKeys(a, b);
            assertThat(there).extracting(RemoteItem::uid).containsExactlyInAnyOrderElementsOf(map.values());
        }
        assertThat(store.findByMessageId(to, "<m1@icesync.test>")).hasSize(1);
    }

    @Test
    void severalItemsDeletedAfterAnIncrementalListingAreGoneAndTheRestStays() {
        FolderPath f = top.child("Vanish");
        store.createFolder(f, FolderKind.MAIL);
        List<Long> uids = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            uids.add(add(store, f, message("<v" + i + "@icesync.test>", "v" + i), Flags.NONE));
        }
        RemoteCursor cursor = store.changes(f, null, false).cursor();
        long late = add(other, f, message("<late@icesync.test>", "late"), Flags.NONE);
        assertThat(store.changes(f, cursor, false).items()).extracting(RemoteItem::uid).contains(late);

        store.delete(f, uids.subList(0, 3));

        assertThat(store.changes(f, null, false).items()).extracting(RemoteItem::uid)
                .containsExactlyInAnyOrder(uids.get(3), late);
    }

    @Test
    void deleteRemovesExactlyTheGivenItems() {
        FolderPath f = top.child("Delete");
        store.createFolder(f, FolderKind.MAIL);
        long mine = add(store, f, message("<mine@icesync.test>", "x"), Flags.NONE);
        long theirs = add(store, f, message("<theirs@icesync.test>", "y"), Flags.NONE);
        other.setFlags(f, Map.of(theirs, Flags.of(Flag.DELETED)));

        store.delete(f, List.of(mine));

        assertThat(other.changes(f, null, false).items()).singleElement().satisfies(r -> {
            assertThat(r.uid()).isEqualTo(theirs);
            assertThat(r.flags().has(Flag.DELETED)).isTrue();
        });
    }

    @Test
    void severalItemsDeletedOrMovedInOneCallAfterAListingLeaveExactlyTheRest() {
        FolderPath f = top.child("Several");
        FolderPath to = top.child("Elsewhere");
        store.createFolder(f, FolderKind.MAIL);
        store.createFolder(to, FolderKind.MAIL);
        List<Long> uids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            uids.add(add(store, f, message("<s" + i + "@icesync.test>", "s" + i), Flags.NONE));
        }
        // Listed from a cursor first, as a sync does: a QRESYNC server then reports removals as VANISHED uid sets.
        store.changes(f, store.changes(f, null, false).cursor(), false);

        store.delete(f, List.of(uids.get(0), uids.get(2), uids.get(3)));
        store.move(f, List.of(uids.get(4), uids.get(5)), to);

        assertThat(store.changes(f, null, false).items()).extracting(RemoteItem::uid).containsExactly(uids.get(1));
        assertThat(store.findByMessageId(f, "<s1@icesync.test>")).containsExactly(uids.get(1));
        assertThat(store.changes(to, null, true).items()).extracting(RemoteItem::messageId)
                .containsExactlyInAnyOrder("<s4@icesync.test>", "<s5@icesync.test>");
    }

    @Test
    void aRecreatedFolderComesBackWithANewUidValidityAndAFullListing() {
        FolderPath f = top.child("Validity");
        store.createFolder(f, FolderKind.MAIL);
        add(store, f, message("<v@icesync.test>", "v"), Flags.NONE);
        RemoteCursor before = store.changes(f, null, false).cursor();
        other.deleteFolder(f);
        other.createFolder(f, FolderKind.MAIL);
        add(other, f, message("<v@icesync.test>", "v"), Flags.NONE);

        RemoteChanges after = store.changes(f, before, true);

        assertThat(after.cursor().uidValidity()).isNotEqualTo(before.uidValidity());
        assertThat(after.complete()).isTrue();
        assertThat(after.items()).extracting(RemoteItem::messageId).containsExactly("<v@icesync.test>");
    }

    @Test
    void findByMessageIdFindsOnlyThatMessage() {
        FolderPath f = top.child("Find");
        store.createFolder(f, FolderKind.MAIL);
        long a = add(store, f, message("<find-me@icesync.test>", "x"), Flags.NONE);
        add(store, f, message("<not-me@icesync.test>", "y"), Flags.NONE);
        assertThat(store.findByMessageId(f, "<find-me@icesync.test>")).containsExactly(a);
        assertThat(store.findByMessageId(f, "<nowhere@icesync.test>")).isEmpty();
    }
}
