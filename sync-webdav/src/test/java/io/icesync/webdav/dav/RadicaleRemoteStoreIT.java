package io.icesync.webdav.dav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.AuthenticationException;
import io.icesync.core.Flags;
import io.icesync.core.Folder;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.FetchMode;
import io.icesync.core.spi.ItemSink;
import io.icesync.core.spi.RemoteChanges;
import io.icesync.core.spi.RemoteItem;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DavRemoteStore} against Radicale 3 (../shared/peers/radicale-up.sh): a calendar and an
 * address book of their own per run, objects added, listed, downloaded, edited here and by another
 * client, deleted, and the numbering kept across a reopen.
 */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class RadicaleRemoteStoreIT {
    static final String USER = "jean@iwdemo.test";

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final FolderPath calendar = FolderPath.of("Agenda " + suffix);
    final FolderPath contacts = FolderPath.of("Carnet " + suffix);

    @TempDir
    Path tmp;

    final RadicalePeer other = new RadicalePeer(USER);

    DavRemoteStore open() {
        return RadicalePeer.store(USER, tmp.resolve("dav-state.json"));
    }

    @AfterEach
    void cleanUp() {
        try (other) {
            other.deleteCollectionNamed(calendar.name());
            other.deleteCollectionNamed(contacts.name());
        }
    }

    static long append(DavRemoteStore store, FolderPath folder, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return store.append(folder, Flags.NONE, null, b.length, () -> new ByteArrayInputStream(b));
    }

    /** uid -> content, and the uids reported as failed. */
    static Map<Long, String> fetch(DavRemoteStore store, FolderPath folder, List<RemoteItem> items, List<Long> failed) {
        Map<Long, String> out = new LinkedHashMap<>();
        store.fetch(folder, items, FetchMode.FULL, new ItemSink() {
            @Override
            public void accept(RemoteItem item, boolean partial, InputStream content) throws java.io.IOException {
                out.put(item.uid(), new String(content.readAllBytes(), StandardCharsets.UTF_8));
            }

            @Override
            public void failed(long uid, Exception cause) {
                failed.add(uid);
            }
        });
        return out;
    }

    static List<Long> uids(RemoteChanges c) {
        return c.items().stream().map(RemoteItem::uid).toList();
    }

    @Test
    void calendarsAndAddressBooksAreFoldersWhoseObjectsAreItems() {
        try (DavRemoteStore store = open()) {
            assertThat(store.connect().capabilities()).contains("CALDAV", "CARDDAV");
            store.createFolder(calendar, FolderKind.EVENTS);
            store.createFolder(contacts, FolderKind.CONTACTS);

            assertThat(store.folders()).contains(new Folder(calendar, FolderKind.EVENTS, io.icesync.core.SpecialUse.NONE,
                    io.icesync.core.Rights.ALL), new Folder(contacts, FolderKind.CONTACTS, io.icesync.core.SpecialUse.NONE,
                    io.icesync.core.Rights.ALL));

            long e1 = append(store, calendar, RadicalePeer.event("e1", "Weekly meeting"));
            long c1 = append(store, contacts, RadicalePeer.card("c1", "Anna Martin"));

            assertThat(other.names(other.collection(calendar.name()))).containsExactly("e1.ics");
            assertThat(other.names(other.collection(contacts.name()))).containsExactly("c1.vcf");
            RemoteChanges cal = store.changes(calendar, null, false);
            assertThat(uids(cal)).containsExactly(e1);
            assertThat(uids(store.changes(contacts, null, false))).containsExactly(c1);

            List<Long> failed = new ArrayList<>();
            Map<Long, String> got = fetch(store, calendar, cal.items(), failed);
            assertThat(failed).isEmpty();
            assertThat(got.get(e1)).contains("SUMMARY:Weekly meeting").contains("UID:e1");
            assertThat(cal.items().get(0).size()).isEqualTo(got.get(e1).getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void anEditElsewhereIsANewItemAndTheOldOneIsGone() {
        try (DavRemoteStore store = open()) {
            store.createFolder(calendar, FolderKind.EVENTS);
            long e1 = append(store, calendar, RadicalePeer.event("e1", "Weekly meeting"));
            RemoteChanges before = store.changes(calendar, null, false);
            String col = other.collection(calendar.name());

            other.write(col + "e1.ics", RadicalePeer.event("e1", "Weekly meeting (room 2)"), "text/calendar");

            List<Long> failed = new ArrayList<>();
            assertThat(fetch(store, calendar, before.items(), failed)).isEmpty();
            assertThat(failed).containsExactly(e1);

            RemoteChanges after = store.changes(calendar, before.cursor(), false);
            assertThat(uids(after)).hasSize(1).doesNotContain(e1);
            assertThat(after.cursor().uidValidity()).isEqualTo(before.cursor().uidValidity());
            assertThat(after.cursor()).isNotEqualTo(before.cursor());
            assertThat(fetch(store, calendar, after.items(), failed).values())
                    .singleElement().asString().contains("SUMMARY:Weekly meeting (room 2)");

            assertThat(store.changes(calendar, after.cursor(), false).cursor()).isEqualTo(after.cursor());
        }
    }

    @Test
    void anEditHereReplacesTheObjectInPlaceUnderANewUid() {
        try (DavRemoteStore store = open()) {
            store.createFolder(contacts, FolderKind.CONTACTS);
            long c1 = append(store, contacts, RadicalePeer.card("c1", "Anna Martin"));

            long c1b = append(store, contacts, RadicalePeer.card("c1", "Anna Martin-Durand"));
            store.delete(contacts, List.of(c1));

            assertThat(c1b).isNotEqualTo(c1);
            String col = other.collection(contacts.name());
            assertThat(other.names(col)).containsExactly("c1.vcf");
            assertThat(other.read(col + "c1.vcf")).contains("FN:Anna Martin-Durand");
            assertThat(uids(store.changes(contacts, null, false))).containsExactly(c1b);
        }
    }

    @Test
    void objectsOfOtherClientsAreListedAndDeletionsGoBothWays() {
        try (DavRemoteStore store = open()) {
            store.createFolder(calendar, FolderKind.EVENTS);
            String col = other.collection(calendar.name());
            other.write(col + "from-phone.ics", RadicalePeer.event("phone-1", "Dentist"), "text/calendar");
            other.write(col + "other.ics", RadicalePeer.event("phone-2", "Lunch"), "text/calendar");

            RemoteChanges listed = store.changes(calendar, null, false);
            assertThat(listed.items()).hasSize(2);
            Map<Long, String> got = fetch(store, calendar, listed.items(), new ArrayList<>());
            long dentist = got.entrySet().stream().filter(e -> e.getValue().contains("Dentist")).findFirst().orElseThrow().getKey();
            long lunch = got.entrySet().stream().filter(e -> e.getValue().contains("Lunch")).findFirst().orElseThrow().getKey();

            store.delete(calendar, List.of(dentist));
            other.delete(col + "other.ics");

            assertThat(other.names(col)).isEmpty();
            assertThat(store.changes(calendar, listed.cursor(), false).items()).isEmpty();
            store.delete(calendar, List.of(lunch)); // already gone: not an error
        }
    }

    @Test
    void theNumberingSurvivesAReopen() throws Exception {
        RemoteChanges first;
        try (DavRemoteStore store = open()) {
            store.createFolder(calendar, FolderKind.EVENTS);
            append(store, calendar, RadicalePeer.event("e1", "Weekly meeting"));
            append(store, calendar, RadicalePeer.event("e2", "Review"));
            first = store.changes(calendar, null, false);
        }
        assertThat(Files.readString(tmp.resolve("dav-state.json"))).doesNotContain(RadicalePeer.PASSWORD);

        try (DavRemoteStore store = open()) {
            RemoteChanges again = store.changes(calendar, first.cursor(), false);

            assertThat(again.cursor()).isEqualTo(first.cursor());
            assertThat(uids(again)).isEqualTo(uids(first));
            long e3 = append(store, calendar, RadicalePeer.event("e3", "Retro"));
            assertThat(e3).isGreaterThan(uids(first).stream().mapToLong(Long::longValue).max().orElseThrow());
        }
    }

    @Test
    void foldersAreRenamedAndDeleted() {
        FolderPath renamed = FolderPath.of("Agenda renamed " + suffix);
        try (DavRemoteStore store = open()) {
            store.createFolder(calendar, FolderKind.EVENTS);
            long before = store.status(calendar).uidValidity();

            store.renameFolder(calendar, renamed);

            assertThat(store.folders()).extracting(Folder::path).contains(renamed).doesNotContain(calendar);
            assertThat(store.status(renamed).uidValidity()).isEqualTo(before);
            store.deleteFolder(renamed);
            assertThat(store.folders()).extracting(Folder::path).doesNotContain(renamed);
            assertThat(other.hasCollection(renamed.name())).isFalse();
        }
    }

    @Test
    void mailFoldersAndNestedFoldersAreRefused() {
        try (DavRemoteStore store = open()) {
            assertThatThrownBy(() -> store.createFolder(FolderPath.of("Inbox " + suffix), FolderKind.MAIL))
                    .isInstanceOf(DavUnsupportedException.class);
            assertThatThrownBy(() -> store.createFolder(FolderPath.of("A", "B"), FolderKind.EVENTS))
                    .isInstanceOf(DavUnsupportedException.class);
        }
    }

    @Test
    void aWrongPasswordIsAnAuthenticationErrorThatDoesNotShowThePassword() {
        String wrong = "not-the-password-" + suffix;
        try (DavRemoteStore store = DavRemoteStore.builder(RadicalePeer.SERVER).credentials(USER, wrong.toCharArray())
                .state(tmp.resolve("other.json")).build()) {
            assertThatThrownBy(store::connect).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining(USER).hasMessageNotContaining(wrong);
        }
    }
}
