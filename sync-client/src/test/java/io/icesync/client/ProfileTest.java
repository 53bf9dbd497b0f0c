package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.client.internal.ProfileJson;
import io.icesync.core.Account;
import io.icesync.core.Endpoint;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.InvalidSettingException;
import io.icesync.core.ProxyChoice;
import io.icesync.core.Security;
import io.icesync.core.settings.ConflictPolicy;
import io.icesync.core.settings.FolderSelection;
import io.icesync.core.settings.SyncSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileTest {
    static final Account JEAN = new Account("jean@iwdemo.test", "jean", new Endpoint("mail.iwdemo.test", 143, Security.STARTTLS));

    @TempDir
    Path dir;

    @Test
    void roundTripsAccountCertificateAndSettings() {
        SyncSettings s = SyncSettings.builder().conflictPolicy(ConflictPolicy.CLIENT_WINS)
                .standardInterval(Duration.ofMinutes(30)).select(FolderPath.of("INBOX"), FolderSelection.PRIORITY).build();
        Profile p = new Profile(JEAN, s, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");

        String json = p.toJson();

        assertThat(Profile.fromJson(json)).isEqualTo(p);
        assertThat(json).contains("\"email\" : \"jean@iwdemo.test\"", "\"security\" : \"starttls\"",
                "\"standardIntervalMinutes\" : 30", "\"INBOX\" : \"PRIORITY\"");
    }

    @Test
    void loginDefaultsToTheAddressAndSettingsToTheGuideDefaults() {
        Profile p = Profile.fromJson("{\"email\":\"jean@iwdemo.test\",\"imap\":{\"host\":\"h\",\"port\":993,\"security\":\"SSL\"}}");
        assertThat(p.account().login()).isEqualTo("jean@iwdemo.test");
        assertThat(p.account().imap()).isEqualTo(new Endpoint("h", 993, Security.SSL));
        assertThat(p.settings()).isEqualTo(SyncSettings.defaults());
        assertThat(p.trustedCertificatePem()).isNull();
    }

    @Test
    void aMalformedFileIsRefusedNamingTheFileAndTheField() throws Exception {
        Path file = dir.resolve("profile.json");
        String good = Profile.of(JEAN).toJson();

        expect(file, good.replace("\"port\" : 143", "\"port\" : \"143x\""), "imap.port", "expected a port number");
        expect(file, good.replace("\"starttls\"", "\"tls\""), "imap.security", "expected plain, starttls or ssl");
        expect(file, good.replace("\"login\"", "\"logon\""), "logon", "unknown field");
        expect(file, good.replace("\"standardIntervalMinutes\" : 10", "\"standardIntervalMinutes\" : 5"),
                "settings.standardIntervalMinutes", "below the minimum");
        expect(file, good.replace("\"email\" : \"jean@iwdemo.test\",", ""), "email", "missing");
        expect(file, good.substring(0, 40), "", "not valid JSON (line");
    }

    private static void expect(Path file, String text, String field, String says) throws Exception {
        Files.writeString(file, text);
        assertThatThrownBy(() -> ProfileJson.read(file))
                .isInstanceOfSatisfying(InvalidProfileException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith(file + ": " + (field.isEmpty() ? "" : field + ": ")).contains(says);
                });
    }

    @Test
    void aProxyRoundTripsAndABadOneIsRefusedNamingTheField() {
        Profile p = Profile.of(JEAN).withProxy(ProxyChoice.http("proxy.corp", 3128));
        assertThat(p.toJson()).contains("\"proxy\" : \"proxy.corp:3128\"");
        assertThat(Profile.fromJson(p.toJson())).isEqualTo(p);
        assertThat(Profile.fromJson(p.withProxy(ProxyChoice.system()).toJson()).proxy()).isEqualTo(ProxyChoice.system());
        assertThat(Profile.of(JEAN).toJson()).doesNotContain("proxy");
        assertThat(Profile.fromJson(Profile.of(JEAN).toJson()).proxy()).isEqualTo(ProxyChoice.none());
        String bad = p.toJson().replace("proxy.corp:3128", "proxy.corp");
        assertThatThrownBy(() -> Profile.fromJson(bad)).isInstanceOfSatisfying(InvalidProfileException.class,
                e -> assertThat(e.getMessage()).contains("proxy", "HOST:PORT", "proxy.corp"));
    }

    @Test
    void roundTripsFolderKindsAndFolderNames() {
        Profile p = Profile.of(JEAN).withFolderKind(FolderPath.of("Adressen"), FolderKind.CONTACTS)
                .withFolderKind(FolderPath.of("Projets", "Notes"), FolderKind.NOTES)
                .withFolderKind(FolderPath.of("Q1/Q2"), FolderKind.TASKS)
                .withFolderNames(Map.of("Agenda", FolderKind.EVENTS, "Kontakte", FolderKind.CONTACTS));

        String json = p.toJson();

        assertThat(Profile.fromJson(json)).isEqualTo(p);
        assertThat(json).contains("\"folderKinds\" : {", "\"Adressen\" : \"CONTACTS\"", "\"Projets/Notes\" : \"NOTES\"",
                "\"Q1\\\\/Q2\" : \"TASKS\"", "\"folderNames\" : {", "\"Agenda\" : \"EVENTS\"");
        assertThat(Profile.fromJson(json.replace("\"CONTACTS\"", "\"contacts\"")).folderKinds())
                .as("a kind in any case").containsEntry(FolderPath.of("Adressen"), FolderKind.CONTACTS);
    }

    @Test
    void aProfileWithoutThemLoadsWithNoOverrideAndIceWarpsNamesAndIsWrittenAsBefore() {
        String old = "{\"email\":\"jean@iwdemo.test\",\"imap\":{\"host\":\"h\",\"port\":993,\"security\":\"ssl\"},"
                + "\"settings\":{\"standardIntervalMinutes\":30}}";
        Profile p = Profile.fromJson(old);

        assertThat(p.folderKinds()).isEmpty();
        assertThat(p.folderNames()).as("null: IceWarp's default names").isNull();
        assertThat(p.toJson()).doesNotContain("folderKinds", "folderNames");
        assertThat(Profile.fromJson(old.replace("}}", "},\"folderKinds\":null,\"folderNames\":null}"))).isEqualTo(p);
    }

    @Test
    void anEmptyNameMapIsKeptApartFromIceWarpsNames() {
        Profile none = Profile.of(JEAN).withFolderNames(Map.of());
        assertThat(none.toJson()).contains("\"folderNames\" : { }");
        assertThat(Profile.fromJson(none.toJson()).folderNames()).isEmpty();
        assertThat(none.withDefaultFolderNames()).isEqualTo(Profile.of(JEAN));
    }

    @Test
    void withAndWithoutLeaveTheOriginalAndEverythingElseAlone() {
        Profile p = new Profile(JEAN, SyncSettings.builder().conflictPolicy(ConflictPolicy.CLIENT_WINS).build(), "PEM");
        Profile a = p.withFolderKind(FolderPath.of("Adressen"), FolderKind.CONTACTS);
        Profile b = a.withFolderKind(FolderPath.of("Adressen"), FolderKind.EVENTS).withFolderKind(FolderPath.of("X"), FolderKind.MAIL);

        assertThat(p.folderKinds()).isEmpty();
        assertThat(a.folderKinds()).containsExactly(Map.entry(FolderPath.of("Adressen"), FolderKind.CONTACTS));
        assertThat(b.folderKinds()).containsOnly(Map.entry(FolderPath.of("Adressen"), FolderKind.EVENTS),
                Map.entry(FolderPath.of("X"), FolderKind.MAIL));
        assertThat(b.withoutFolderKind(FolderPath.of("X")).withoutFolderKind(FolderPath.of("Adressen"))).isEqualTo(p);
        assertThat(b.withoutFolderKind(FolderPath.of("never set"))).isEqualTo(b);
        assertThat(b.settings()).isEqualTo(p.settings());
        assertThat(b.trustedCertificatePem()).isEqualTo("PEM");
        assertThat(b.withSettings(SyncSettings.defaults()).withTrustedCertificatePem(null).folderKinds()).isEqualTo(b.folderKinds());
        assertThatThrownBy(() -> b.folderKinds().clear()).isInstanceOf(UnsupportedOperationException.class);
        Map<String, FolderKind> names = new HashMap<>(Map.of("Agenda", FolderKind.EVENTS));
        Profile n = p.withFolderNames(names);
        names.put("Kontakte", FolderKind.CONTACTS);
        assertThat(n.folderNames()).as("a copy").containsOnlyKeys("Agenda");
    }

    @Test
    void badKindsAndNamesAreRefusedNamingTheFieldAndTheValue() {
        Profile p = Profile.of(JEAN);
        refused(() -> p.withFolderKind(FolderPath.root(), FolderKind.CONTACTS), "folderKinds", "the root is not a folder");
        refused(() -> p.withFolderKind(null, FolderKind.CONTACTS), "folderKinds", "expected a folder path, got nothing");
        refused(() -> p.withFolderKind(FolderPath.of("Adressen"), null), "folderKinds",
                "\"Adressen\": no kind given; the kinds are mail, contacts, events, tasks, notes, journal, documents");
        refused(() -> p.withFolderKind(FolderPath.of("inbox"), FolderKind.CONTACTS), "folderKinds",
                "\"inbox\": INBOX always holds mail, not contacts");
        assertThat(p.withFolderKind(FolderPath.of("INBOX", "Kontakte"), FolderKind.CONTACTS).folderKinds()).hasSize(1);
        refused(() -> p.withFolderNames(Map.of("Agenda", FolderKind.EVENTS, "AGENDA", FolderKind.TASKS)), "folderNames",
                "differ only in case");
        refused(() -> p.withFolderNames(Map.of(" ", FolderKind.EVENTS)), "folderNames", "expected a folder name, got \" \"");
        Map<String, FolderKind> noKind = new HashMap<>();
        noKind.put("Agenda", null);
        refused(() -> p.withFolderNames(noKind), "folderNames", "\"Agenda\": no kind given");
    }

    private static void refused(Runnable r, String setting, String says) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(InvalidSettingException.class, e -> {
            assertThat(e.setting()).isEqualTo(setting);
            assertThat(e.getMessage()).startsWith(setting + ": ").contains(says);
        });
    }

    @Test
    void badKindsAndNamesInTheFileAreRefusedNamingTheFileTheFieldAndTheValue() throws Exception {
        Path file = dir.resolve("profile.json");
        String good = Profile.of(JEAN).withFolderKind(FolderPath.of("Adressen"), FolderKind.CONTACTS)
                .withFolderNames(Map.of("Agenda", FolderKind.EVENTS)).toJson();

        expect(file, good.replace("\"CONTACTS\"", "\"CONTACT\""), "folderKinds",
                "\"Adressen\": expected one of mail, contacts, events, tasks, notes, journal, documents, got \"CONTACT\"");
        expect(file, good.replace("\"CONTACTS\"", "3"), "folderKinds", "\"Adressen\": expected one of mail, contacts");
        expect(file, good.replace("\"Adressen\"", "\"\""), "folderKinds", "got \"\" (the root is not a folder)");
        expect(file, good.replace("\"Adressen\"", "\"Projets//Notes\""), "folderKinds",
                "bad folder path \"Projets//Notes\": a folder name may not be empty");
        expect(file, good.replace("\"Adressen\"", "\"a\\\\x\""), "folderKinds", "a backslash must be followed by / or \\");
        expect(file, good.replace("\"Adressen\"", "\"INBOX\""), "folderKinds", "\"INBOX\": INBOX always holds mail");
        expect(file, good.replace("\"EVENTS\"", "\"agenda\""), "folderNames",
                "\"Agenda\": expected one of mail, contacts, events, tasks, notes, journal, documents, got \"agenda\"");
        expect(file, good.replace("\"Agenda\" : \"EVENTS\"", "\"Agenda\" : \"EVENTS\", \"agenda\" : \"TASKS\""), "folderNames",
                "\"Agenda\" and \"agenda\" differ only in case");
        expect(file, good.replaceAll("\"folderNames\" : \\{[^}]*}", "\"folderNames\" : [ \"Agenda\" ]"), "folderNames",
                "expected an object of folder name -> kind, got [\"Agenda\"]");
        expect(file, good.replace("\"folderKinds\"", "\"folderKind\""), "folderKind", "unknown field");
    }

    @Test
    void aMissingFileSaysSo() {
        assertThatThrownBy(() -> ProfileJson.read(dir.resolve("profile.json")))
                .isInstanceOf(InvalidProfileException.class).hasMessageContaining("missing");
    }
}
