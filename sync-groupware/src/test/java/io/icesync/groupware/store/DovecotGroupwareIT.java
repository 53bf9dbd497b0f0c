package io.icesync.groupware.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Endpoint;
import io.icesync.core.Folder;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.Security;
import io.icesync.core.engine.SyncEngine;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.ConflictPolicy;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.LocalStores;
import io.icesync.core.store.StateStores;
import io.icesync.imap.ImapRemoteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two IceSync clients of one Dovecot account (METADATA on, from ../shared/peers) share a calendar and
 * an address book: folders typed through the Kolab folder-type entry, edits both ways, a conflict
 * under each policy, deletions, and never a second copy of an object.
 */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class DovecotGroupwareIT {
    static final int PORT = Integer.getInteger("icesync.dovecot.port", 10143);
    static final String USER = "jean@iwdemo.test";

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final FolderPath calendar = FolderPath.of("Calendar-" + suffix);
    final FolderPath contacts = FolderPath.of("Contacts-" + suffix);

    @TempDir
    Path tmp;

    /** One client: its own profile folder and state, the same server account. */
    final class Client {
        final Path dir;
        final SyncStateStore state;
        ConflictPolicy policy = ConflictPolicy.SERVER_WINS;

        Client(String name) {
            dir = tmp.resolve(name);
            state = StateStores.sqlite(dir.resolve("state.db"));
        }

        SyncReport sync() {
            try (ImapRemoteStore remote = remote();
                 GroupwareLocalStore local = new GroupwareLocalStore(LocalStores.maildir(dir.resolve("mail")),
                         new VdirLocalStore(dir.resolve("groupware")))) {
                SyncSettings s = SyncSettings.builder().delayBetweenItems(Duration.ofMillis(1)).conflictPolicy(policy).build();
                SyncReport r = SyncEngine.builder().remote(remote).local(local).state(state).settings(() -> s).build()
                        .syncOnce();
                assertThat(r.ok()).as(r.toString()).isTrue();
                return r;
            }
        }

        Path file(FolderPath folder, String name) {
            return dir.resolve("groupware").resolve(folder.names().get(0)).resolve(name);
        }

        String read(FolderPath folder, String name) throws IOException {
            return Files.readString(file(folder, name));
        }

        void edit(FolderPath folder, String name, String from, String to) throws IOException {
            Path f = file(folder, name);
            Files.writeString(f, Files.readString(f).replace(from, to));
        }

        long count(FolderPath folder) throws IOException {
            try (var s = Files.list(dir.resolve("groupware").resolve(folder.names().get(0)))) {
                return s.filter(p -> !p.getFileName().toString().startsWith(".")).count();
            }
        }
    }

    static ImapRemoteStore remote() {
        return ImapRemoteStore.builder().endpoint(new Endpoint("127.0.0.1", PORT, Security.PLAIN)).login(USER)
                .password("secret".toCharArray()).build();
    }

    @AfterEach
    void removeFolders() {
        try (ImapRemoteStore r = remote()) {
            r.connect();
            for (FolderPath p : new FolderPath[] {calendar, contacts}) {
                if (r.folders().stream().anyMatch(f -> f.path().equals(p))) {
                    r.deleteFolder(p);
                }
            }
        }
    }

    /** A's folders and first objects, created locally, reach the server typed, and B gets them. */
    private Client[] twoClientsSharing() throws IOException {
        Client a = new Client("a");
        Client b = new Client("b");
        a.sync();
        Path cal = a.dir.resolve("groupware").resolve(calendar.names().get(0));
        Path book = a.dir.resolve("groupware").resolve(contacts.names().get(0));
        Files.createDirectories(cal);
        Files.createDirectories(book);
        Files.writeString(cal.resolve("e1.ics"), GroupwareSyncTest.event("e1-" + suffix, "Project review"));
        Files.writeString(cal.resolve("e2.ics"), GroupwareSyncTest.event("e2-" + suffix, "Team lunch"));
        Files.writeString(book.resolve("c1.vcf"), GroupwareSyncTest.card("c1-" + suffix, "Anna Martin"));
        a.sync();
        b.sync();
        return new Client[] {a, b};
    }

    @Test
    void foldersAreTypedOnTheServerAndObjectsReachTheOtherClient() throws IOException {
        Client[] c = twoClientsSharing();
        try (ImapRemoteStore r = remote()) {
            r.connect();
            assertThat(r.folders()).filteredOn(f -> f.path().equals(calendar)).extracting(Folder::kind)
                    .containsExactly(FolderKind.EVENTS);
            assertThat(r.folders()).filteredOn(f -> f.path().equals(contacts)).extracting(Folder::kind)
                    .containsExactly(FolderKind.CONTACTS);
        }
        assertThat(c[1].read(calendar, "e1-" + suffix + ".ics")).contains("SUMMARY:Project review",
                "X-OTHER-CLIENT-COLOR:teal", "DTSTART;TZID=Europe/Paris:20261102T090000");
        assertThat(c[1].read(contacts, "c1-" + suffix + ".vcf")).contains("FN:Anna Martin", "X-ICEWARP-CUSTOM:kept");
    }

    @Test
    void editsAndDeletionsTravelBothWaysWithOneCopyEach() throws IOException {
        Client[] c = twoClientsSharing();
        Client a = c[0];
        Client b = c[1];
        b.edit(calendar, "e1-" + suffix + ".ics", "SUMMARY:Project review", "SUMMARY:Project review (moved)");
        Files.delete(b.file(contacts, "c1-" + suffix + ".vcf"));
        b.sync();
        a.sync();

        assertThat(a.read(calendar, "e1.ics")).contains("SUMMARY:Project review (moved)");
        assertThat(a.count(calendar)).isEqualTo(2);
        assertThat(a.count(contacts)).isZero();
        assertThat(a.sync().changedAnything()).isFalse();
        assertThat(b.sync().changedAnything()).isFalse();
    }

    @Test
    void anEventEditedByBothClientsEndsAsEachPolicySays() throws IOException {
        Client[] c = twoClientsSharing();
        Client a = c[0];
        Client b = c[1];
        a.edit(calendar, "e2.ics", "SUMMARY:Team lunch", "SUMMARY:Team lunch (A)");
        b.edit(calendar, "e2-" + suffix + ".ics", "SUMMARY:Team lunch", "SUMMARY:Team lunch (B)");
        b.sync();
        a.policy = ConflictPolicy.SERVER_WINS;
        a.sync();
        assertThat(a.read(calendar, "e2.ics")).contains("SUMMARY:Team lunch (B)");

        a.edit(calendar, "e2.ics", "SUMMARY:Team lunch (B)", "SUMMARY:Team lunch (A2)");
        b.edit(calendar, "e2-" + suffix + ".ics", "SUMMARY:Team lunch (B)", "SUMMARY:Team lunch (B2)");
        b.sync();
        a.policy = ConflictPolicy.CLIENT_WINS;
        a.sync();
        b.sync();
        assertThat(a.read(calendar, "e2.ics")).contains("SUMMARY:Team lunch (A2)");
        assertThat(b.read(calendar, "e2-" + suffix + ".ics")).contains("SUMMARY:Team lunch (A2)");
        assertThat(a.count(calendar)).isEqualTo(2);
        assertThat(b.count(calendar)).isEqualTo(2);
    }

    /**
     * Categories with spaces and accents (which Dovecot refuses in URL-quoted form) reach the server as
     * keywords it accepts, and a tag removed by the other client's keyword change leaves the object.
     */
    @Test
    void categoriesTravelAsKeywordsDovecotAccepts() throws IOException {
        Client[] c = twoClientsSharing();
        Client a = c[0];
        Client b = c[1];
        a.edit(contacts, "c1.vcf", "END:VCARD", "CATEGORIES:Famille,Projet été\r\nEND:VCARD");
        a.sync();
        b.sync();
        assertThat(b.read(contacts, "c1-" + suffix + ".vcf")).contains("CATEGORIES:Famille,Projet été");
        try (ImapRemoteStore r = remote()) {
            r.connect();
            var items = r.changes(contacts, null, false).items();
            assertThat(items).hasSize(1);
            assertThat(items.get(0).flags().keywords()).contains("Famille", "Projet&ACAA6Q-t&AOk-");
            r.setFlags(contacts, java.util.Map.of(items.get(0).uid(),
                    items.get(0).flags().withoutKeyword("Projet&ACAA6Q-t&AOk-")));
        }
        a.sync();
        b.sync();
        assertThat(a.read(contacts, "c1.vcf")).contains("CATEGORIES:Famille\r\n").doesNotContain("Projet");
        assertThat(b.read(contacts, "c1-" + suffix + ".vcf")).contains("CATEGORIES:Famille\r\n").doesNotContain("Projet");
        assertThat(a.sync().changedAnything()).isFalse();
        assertThat(b.sync().changedAnything()).isFalse();
    }
}
