package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.client.internal.ProfileJson;
import io.icesync.core.Account;
import io.icesync.core.Endpoint;
import io.icesync.core.FolderPath;
import io.icesync.core.Security;
import io.icesync.core.settings.ConflictPolicy;
import io.icesync.core.settings.FolderSelection;
import io.icesync.core.settings.SyncSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    void aMissingFileSaysSo() {
        assertThatThrownBy(() -> ProfileJson.read(dir.resolve("profile.json")))
                .isInstanceOf(InvalidProfileException.class).hasMessageContaining("missing");
    }
}
