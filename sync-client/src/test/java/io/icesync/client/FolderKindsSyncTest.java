package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.Account;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.InvalidSettingException;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile's folder kinds reach the IMAP store: on a server without METADATA, a folder whose name
 * says nothing becomes groupware because of the user's override or the profile's name map, and its
 * objects land in the profile's vdir ({@code groupware/}) rather than in the Maildir.
 */
@IceWarpTest(accounts = "jean@iwdemo.test:secret", without = "METADATA")
class FolderKindsSyncTest {
    static final String JEAN = "jean@iwdemo.test";

    @TempDir
    Path dir;

    static Profile profile(IceWarpServer server) {
        return Profile.of(new Account(JEAN, JEAN, server.imap()));
    }

    /** The object and message files under {@code DIR/root/folder}, hidden files left out. */
    List<String> files(String root, String folder) throws IOException {
        Path p = dir.resolve(root).resolve(folder);
        if (!Files.isDirectory(p)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void anOverrideMakesAFolderWithAnUnknownNameContactsAndWinsOverIceWarpsNames(IceWarpServer server) throws Exception {
        var a = server.account(JEAN);
        a.create("Adressen").appendObject(Messages.card("c1", "Anna Martin"));
        a.create("Kunden").appendObject(Messages.card("c2", "Bruno Keller"));
        a.create("Contacts").appendObject(Messages.card("c3", "Chloé Petit"));
        Profile p = profile(server).withFolderKind(FolderPath.of("Adressen"), FolderKind.CONTACTS)
                .withFolderKind(FolderPath.of("Contacts"), FolderKind.MAIL);

        try (IceSync sync = IceSync.create(dir, p, "secret".toCharArray())) {
            assertThat(sync.syncOnce().ok()).isTrue();
            assertThat(sync.profile().folderKinds()).isEqualTo(p.folderKinds());
        }

        assertThat(files("groupware", "Adressen")).containsExactly("c1.vcf");
        assertThat(Files.readString(dir.resolve("groupware/Adressen/c1.vcf"))).contains("FN:Anna Martin");
        assertThat(files("mail", "Adressen")).isEmpty();
        assertThat(files("mail", "Kunden")).as("no override, no known name: mail").hasSize(1);
        assertThat(files("groupware", "Kunden")).isEmpty();
        assertThat(files("mail", "Contacts")).as("the override wins over IceWarp's name").hasSize(1);
        assertThat(files("groupware", "Contacts")).isEmpty();
        assertThat(IceSync.readProfile(dir).folderKinds()).isEqualTo(p.folderKinds());
    }

    @Test
    void aNameMapSetOnAClosedProfileReplacesIceWarpsNamesAtTheNextOpening(IceWarpServer server) throws Exception {
        var a = server.account(JEAN);
        a.create("Agenda").appendObject(Messages.event("e1", "Weekly meeting"));
        a.create("Kontakte").appendObject(Messages.card("c1", "Anna Martin"));
        a.create("Contacts").appendObject(Messages.card("c2", "Bruno Keller"));
        IceSync.create(dir, profile(server), "secret".toCharArray()).close();

        Profile saved = IceSync.updateProfile(dir, p -> p.withFolderNames(Map.of("agenda", FolderKind.EVENTS,
                "KONTAKTE", FolderKind.CONTACTS)));

        assertThat(saved.folderNames()).containsOnlyKeys("agenda", "KONTAKTE");
        assertThat(Files.readString(dir.resolve(IceSync.PROFILE_FILE))).contains("\"KONTAKTE\" : \"CONTACTS\"");
        try (IceSync sync = IceSync.open(dir)) {
            assertThat(sync.syncOnce().ok()).isTrue();
            assertThatThrownBy(() -> IceSync.updateProfile(dir, Profile::withDefaultFolderNames))
                    .isInstanceOf(IceSyncException.class).hasMessageContaining("in use by another IceSync");
        }
        assertThat(files("groupware", "Agenda")).as("names compared without case").containsExactly("e1.ics");
        assertThat(files("groupware", "Kontakte")).containsExactly("c1.vcf");
        assertThat(files("mail", "Contacts")).as("the map replaces IceWarp's names").hasSize(1);
        assertThat(files("groupware", "Contacts")).isEmpty();
    }

    @Test
    void withoutEitherIceWarpsNamesStillDecide(IceWarpServer server) throws Exception {
        server.account(JEAN).create("Contacts").appendObject(Messages.card("c1", "Anna Martin"));
        try (IceSync sync = IceSync.create(dir, profile(server), "secret".toCharArray())) {
            assertThat(sync.syncOnce().ok()).isTrue();
        }
        assertThat(files("groupware", "Contacts")).containsExactly("c1.vcf");
    }

    @Test
    void aFolderAlreadySyncedMovesToTheStoreOfItsNewKindAndBackWithTheServerUnchanged(IceWarpServer server)
            throws Exception {
        var box = server.account(JEAN).create("Adressen");
        box.appendObject(Messages.card("c1", "Anna Martin"));
        IceSync.create(dir, profile(server), "secret".toCharArray()).close();
        assertThat(IceSync.syncedKinds(dir)).as("before the first sync").isEmpty();
        try (IceSync sync = IceSync.open(dir)) {
            sync.syncOnce();
        }
        assertThat(IceSync.syncedKinds(dir)).containsEntry(FolderPath.of("Adressen"), FolderKind.MAIL)
                .containsEntry(FolderPath.of("INBOX"), FolderKind.MAIL);
        assertThat(files("mail", "Adressen")).hasSize(1);

        IceSync.updateProfile(dir, p -> p.withFolderKind(FolderPath.of("Adressen"), FolderKind.CONTACTS));
        box.appendObject(Messages.card("c2", "Bruno Keller"));
        List<Long> uids = box.messages().stream().map(m -> m.uid()).toList();
        try (IceSync sync = IceSync.open(dir)) {
            var r = sync.syncOnce();
            assertThat(r.ok()).isTrue();
            assertThat(r.structureChanges()).contains("kind changed on server, moved locally: Adressen (MAIL -> CONTACTS)");
        }

        assertThat(files("groupware", "Adressen")).containsExactly("c1.vcf", "c2.vcf");
        assertThat(files("mail", "Adressen")).as("the Maildir copy is gone").isEmpty();
        assertThat(IceSync.syncedKinds(dir)).containsEntry(FolderPath.of("Adressen"), FolderKind.CONTACTS);
        assertThat(box.messages()).extracting(m -> m.uid()).as("nothing written to the server").isEqualTo(uids);

        IceSync.updateProfile(dir, p -> p.withoutFolderKind(FolderPath.of("Adressen")));
        try (IceSync sync = IceSync.open(dir)) {
            assertThat(sync.syncOnce().ok()).isTrue();
        }

        assertThat(files("mail", "Adressen")).hasSize(2);
        assertThat(files("groupware", "Adressen")).isEmpty();
        assertThat(IceSync.syncedKinds(dir)).containsEntry(FolderPath.of("Adressen"), FolderKind.MAIL);
        assertThat(box.messages()).extracting(m -> m.uid()).isEqualTo(uids);
    }

    @Test
    void updateProfileKeepsTheAccountAndRefusesBadValuesLeavingTheFileAsItWas(IceWarpServer server) throws Exception {
        IceSync.create(dir, profile(server), "secret".toCharArray()).close();
        String before = Files.readString(dir.resolve(IceSync.PROFILE_FILE));

        assertThatThrownBy(() -> IceSync.updateProfile(dir, p -> p.withFolderKind(FolderPath.of("INBOX"), FolderKind.EVENTS)))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("folderKinds: \"INBOX\": INBOX always holds mail");
        assertThatThrownBy(() -> IceSync.updateProfile(dir, p -> new Profile(new Account("anna@iwdemo.test", "anna@iwdemo.test",
                server.imap()), p.settings(), null))).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("account: a profile folder's account cannot change");
        assertThat(Files.readString(dir.resolve(IceSync.PROFILE_FILE))).isEqualTo(before);
        assertThatThrownBy(() -> IceSync.updateProfile(dir.resolve("nowhere"), p -> p))
                .isInstanceOf(IceSyncException.class).hasMessageContaining("no profile in");
    }
}
