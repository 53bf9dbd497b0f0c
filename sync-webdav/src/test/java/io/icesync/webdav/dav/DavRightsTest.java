package io.icesync.webdav.dav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.Flags;
import io.icesync.core.Folder;
import io.icesync.core.FolderPath;
import io.icesync.core.Rights;
import io.icesync.core.spi.RemoteItem;
import io.icesync.webdav.DavForbiddenException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Folder rights from current-user-privilege-set, and a refused write as a typed error naming the folder. */
class DavRightsTest extends MiniCalDavFixture {
    static final FolderPath WORK = FolderPath.of("Work");

    Map<FolderPath, Rights> rights() {
        try (DavRemoteStore store = open()) {
            return store.folders().stream().collect(Collectors.toMap(Folder::path, Folder::rights));
        }
    }

    @Test
    void aServerWithoutThePrivilegeSetKeepsAllRights() {
        assertThat(rights()).containsOnlyKeys(WORK, FolderPath.of("Todo"), FolderPath.of("Work (2)"))
                .allSatisfy((p, r) -> assertThat(r).as(p.toString()).isEqualTo(Rights.ALL));
    }

    @Test
    void eachCollectionGetsTheRightsOfItsPrivileges() {
        server.privileges.put("/dav/u/", List.of("read"));
        server.privileges.put(MiniCalDavServer.CAL, List.of("read", "read-current-user-privilege-set"));
        server.privileges.put(MiniCalDavServer.TASKS, List.of("read", "bind"));
        server.privileges.put(MiniCalDavServer.BOOK, List.of("read", "write"));

        Map<FolderPath, Rights> r = rights();

        assertThat(r.get(WORK).letters()).isEqualTo("lrs");
        assertThat(r.get(WORK).canWriteItems()).isFalse();
        assertThat(r.get(FolderPath.of("Todo")).letters()).isEqualTo("lrsi");
        // The home gives no unbind: the address book may be filled and emptied, not deleted.
        assertThat(r.get(FolderPath.of("Work (2)")).letters()).isEqualTo("lrswite");
        assertThat(server.count("PROPFIND", "/dav/u/", "1")).isEqualTo(1);
    }

    @Test
    void allOnCollectionAndHomeIsAllRights() {
        server.privileges.put("/dav/u/", List.of("all", "read", "write"));
        server.privileges.put(MiniCalDavServer.CAL, List.of("all", "read", "write", "write-content", "bind", "unbind"));

        Map<FolderPath, Rights> r = rights();

        assertThat(r.get(WORK)).isEqualTo(Rights.ALL);
        assertThat(r.get(FolderPath.of("Todo"))).isEqualTo(Rights.ALL);
    }

    @Test
    void anEmptyPrivilegeSetIsNoRightsNotAMissingOne() {
        server.privileges.put(MiniCalDavServer.TASKS, List.of());

        Map<FolderPath, Rights> r = rights();

        assertThat(r.get(FolderPath.of("Todo"))).isEqualTo(Rights.NONE);
        assertThat(r.get(WORK)).isEqualTo(Rights.ALL);
    }

    @Test
    void aRefusedUploadOrChangeIsAReadOnlyErrorNamingTheFolder() {
        server.put(MiniCalDavServer.CAL + "e1.ics", RadicalePeer.event("e1", "Original"));
        server.readOnly.add(MiniCalDavServer.CAL);
        try (DavRemoteStore store = open()) {
            store.changes(WORK, null, false);

            assertThatThrownBy(() -> append(store, RadicalePeer.event("e2", "New")))
                    .isInstanceOfSatisfying(DavReadOnlyException.class, e -> {
                        assertThat(e.folder()).isEqualTo(WORK);
                        assertThat(e.status()).isEqualTo(403);
                        assertThat(e.url()).endsWith(MiniCalDavServer.CAL + "e2.ics");
                    })
                    .hasMessageContaining("add an item in 'Work'").hasMessageContaining("read-only");
            assertThatThrownBy(() -> append(store, RadicalePeer.event("e1", "Changed")))
                    .isInstanceOf(DavReadOnlyException.class).hasMessageContaining("change an item in 'Work'");
        }
        assertThat(new String(server.resources.get(MiniCalDavServer.CAL + "e1.ics"), StandardCharsets.UTF_8))
                .contains("SUMMARY:Original");
    }

    @Test
    void aRefusedDeletionIsAReadOnlyErrorNamingTheFolder() {
        server.put(MiniCalDavServer.CAL + "e1.ics", RadicalePeer.event("e1", "Original"));
        server.readOnly.add(MiniCalDavServer.CAL);
        try (DavRemoteStore store = open()) {
            long uid = store.changes(WORK, null, false).items().stream().map(RemoteItem::uid).findFirst().orElseThrow();

            assertThatThrownBy(() -> store.delete(WORK, List.of(uid)))
                    .isInstanceOfSatisfying(DavReadOnlyException.class, e -> assertThat(e.folder()).isEqualTo(WORK))
                    .hasMessageContaining("delete an item in 'Work'");
            // The item is still known: the next cycle does not take it for deleted on the server.
            assertThat(store.changes(WORK, null, false).items()).extracting(RemoteItem::uid).containsExactly(uid);
        }
        assertThat(server.resources).containsKey(MiniCalDavServer.CAL + "e1.ics");
    }

    @Test
    void aRefusalForTheObjectNamesItsRuleAndIsNotTakenForReadOnly() {
        server.readOnly.add(MiniCalDavServer.CAL);
        server.refusal = "<C:valid-calendar-data/>";
        try (DavRemoteStore store = open()) {
            assertThatThrownBy(() -> append(store, RadicalePeer.event("e2", "New")))
                    .isInstanceOf(DavForbiddenException.class).isNotInstanceOf(DavReadOnlyException.class)
                    .hasMessageContaining("add an item in 'Work'").hasMessageContaining("valid-calendar-data")
                    .hasMessageNotContaining("read-only");
        }
        server.refusal = "";
        try (DavRemoteStore store = open()) {
            // A 403 that says nothing is taken for a refusal of the account.
            assertThatThrownBy(() -> append(store, RadicalePeer.event("e2", "New"))).isInstanceOf(DavReadOnlyException.class);
        }
    }

    static long append(DavRemoteStore store, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return store.append(WORK, Flags.NONE, null, b.length, () -> new ByteArrayInputStream(b));
    }
}
