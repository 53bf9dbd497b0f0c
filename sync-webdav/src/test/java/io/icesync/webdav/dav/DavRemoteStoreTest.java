package io.icesync.webdav.dav;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flags;
import io.icesync.core.Folder;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.FetchMode;
import io.icesync.core.spi.ItemSink;
import io.icesync.core.spi.RemoteChanges;
import io.icesync.core.spi.RemoteItem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link DavRemoteStore} against {@link MiniCalDavServer}: discovery, numbering, and what is asked of the server. */
class DavRemoteStoreTest extends MiniCalDavFixture {
    static final FolderPath WORK = FolderPath.of("Work");

    static String event(String uid, String summary) {
        return RadicalePeer.event(uid, summary);
    }

    static List<Long> uids(RemoteChanges c) {
        return c.items().stream().map(RemoteItem::uid).toList();
    }

    @Test
    void collectionsFoundThroughTheWellKnownUrlAreFoldersNamedByDisplayName() {
        try (DavRemoteStore store = open()) {
            assertThat(store.folders()).extracting(Folder::path, Folder::kind).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(WORK, FolderKind.EVENTS),
                    org.assertj.core.groups.Tuple.tuple(FolderPath.of("Todo"), FolderKind.TASKS),
                    org.assertj.core.groups.Tuple.tuple(FolderPath.of("Work (2)"), FolderKind.CONTACTS));
            assertThat(store.connect().capabilities()).contains("CALDAV", "CARDDAV");
        }
        assertThat(server.count("PROPFIND", "/.well-known/caldav", null)).isEqualTo(1);
    }

    @Test
    void anUnchangedCollectionIsNotListedAgain() {
        server.put(MiniCalDavServer.CAL + "e1.ics", event("e1", "A"));
        try (DavRemoteStore store = open()) {
            RemoteChanges first = store.changes(WORK, null, false);
            RemoteChanges second = store.changes(WORK, first.cursor(), false);

            assertThat(second.cursor()).isEqualTo(first.cursor());
            assertThat(uids(second)).isEqualTo(uids(first)).hasSize(1);
        }
        assertThat(server.count("PROPFIND", MiniCalDavServer.CAL, "1")).isEqualTo(1);
    }

    @Test
    void aResourceChangedOnTheServerIsANewItemAndTheOldOneIsGone() {
        server.put(MiniCalDavServer.CAL + "e1.ics", event("e1", "A"));
        try (DavRemoteStore store = open()) {
            RemoteChanges first = store.changes(WORK, null, false);
            server.put(MiniCalDavServer.CAL + "e1.ics", event("e1", "B"));

            RemoteChanges second = store.changes(WORK, first.cursor(), false);

            assertThat(uids(second)).hasSize(1).doesNotContainAnyElementsOf(uids(first));
            assertThat(second.cursor().uidValidity()).isEqualTo(first.cursor().uidValidity());
            assertThat(second.cursor()).isNotEqualTo(first.cursor());
        }
    }

    @Test
    void theNumberingIsKeptInTheStateFileAcrossAReopen() throws IOException {
        server.put(MiniCalDavServer.CAL + "e1.ics", event("e1", "A"));
        RemoteChanges first;
        long added;
        try (DavRemoteStore store = open()) {
            first = store.changes(WORK, null, false);
            byte[] b = event("e2", "B").getBytes(StandardCharsets.UTF_8);
            added = store.append(WORK, Flags.NONE, null, b.length, () -> new ByteArrayInputStream(b));
        }
        try (DavRemoteStore store = open()) {
            RemoteChanges again = store.changes(WORK, null, false);

            assertThat(again.cursor().uidValidity()).isEqualTo(first.cursor().uidValidity());
            assertThat(uids(again)).containsExactly(uids(first).get(0), added);
        }
        assertThat(server.resources).containsKey(MiniCalDavServer.CAL + "e2.ics");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("dav.json");
        }
    }

    @Test
    void aVersionChangedSinceTheListingIsNeitherDownloadedNorDeleted() {
        server.put(MiniCalDavServer.CAL + "e1.ics", event("e1", "A"));
        try (DavRemoteStore store = open()) {
            RemoteChanges listed = store.changes(WORK, null, false);
            server.put(MiniCalDavServer.CAL + "e1.ics", event("e1", "B"));

            List<Long> failed = new ArrayList<>();
            store.fetch(WORK, listed.items(), FetchMode.FULL, new ItemSink() {
                @Override
                public void accept(RemoteItem item, boolean partial, InputStream content) {
                    throw new AssertionError("a changed version was delivered");
                }

                @Override
                public void failed(long uid, Exception cause) {
                    failed.add(uid);
                }
            });
            store.delete(WORK, uids(listed));

            assertThat(failed).isEqualTo(uids(listed));
            assertThat(new String(server.resources.get(MiniCalDavServer.CAL + "e1.ics"), StandardCharsets.UTF_8))
                    .contains("SUMMARY:B");
            assertThat(uids(store.changes(WORK, listed.cursor(), false))).hasSize(1).doesNotContainAnyElementsOf(uids(listed));
        }
    }
}
