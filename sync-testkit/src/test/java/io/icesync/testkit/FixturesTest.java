package io.icesync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.FolderKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixturesTest {
    @TempDir
    Path dir;

    @Test
    void aYamlFixtureSeedsAccountsFoldersMessagesKindsAndRights() {
        MailServerModel m = new MailServerModel();
        Fixtures.seedFromClasspath(m, "io/icesync/testkit/mailbox.yaml", getClass().getClassLoader());
        TestAccount jean = m.account("jean@iwdemo.test");
        assertThat(jean.names()).contains("INBOX", "Drafts", "Sent", "Trash", "Spam", "Projets", "Projets/Été 2026", "Calendar");
        assertThat(jean.mailbox("INBOX").messages()).hasSize(2);
        TestMessage hello = jean.mailbox("INBOX").byMessageId("hello@iwdemo.test").get(0);
        assertThat(hello.flags()).containsExactlyInAnyOrder("\\Seen", "$label1");
        assertThat(new String(hello.content(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("Subject: =?UTF-8?Q?R=C3=A9union_lundi?=", "\r\n\r\nÀ lundi\r\n");
        TestMessage invoice = jean.mailbox("INBOX").byMessageId("<invoice-42@example.org>").get(0);
        assertThat(invoice.internalDate()).isEqualTo(Instant.parse("2026-02-01T08:30:00Z"));
        assertThat(invoice.flags()).containsExactly("\\Flagged");
        assertThat(jean.mailbox("Calendar").kind()).isEqualTo(FolderKind.EVENTS);
        assertThat(jean.mailbox("Calendar").rightsOf("josephine@iwdemo.test")).isEqualTo("lr");
        assertThat(m.account("josephine@iwdemo.test").names()).containsExactly("INBOX");
    }

    @Test
    void aJsonFixtureFromAFile() throws Exception {
        Files.writeString(dir.resolve("f.json"), """
                {"accounts": [{"email": "a@b.test", "password": "p", "folders": [
                  {"name": "INBOX", "messages": [{"raw": "Message-ID: <r@x>\\nSubject: raw\\n\\nbody\\n"}]}]}]}
                """);
        MailServerModel m = Fixtures.load(dir.resolve("f.json"));
        assertThat(m.account("a@b.test").mailbox("INBOX").messages()).singleElement()
                .satisfies(x -> assertThat(new String(x.content())).isEqualTo("Message-ID: <r@x>\r\nSubject: raw\r\n\r\nbody\r\n"));
    }

    @Test
    void groupwareObjectsBecomeOneMessageEachInTypedFolders() throws Exception {
        Files.writeString(dir.resolve("anna.vcf"), "BEGIN:VCARD\nVERSION:3.0\nUID:c1\nFN:Anna Martin\nEND:VCARD\n");
        Files.writeString(dir.resolve("g.yaml"), String.join("\n",
                "accounts:",
                "  - email: jean@iwdemo.test",
                "    password: secret",
                "    folders:",
                "      - name: Calendar",
                "        kind: EVENTS",
                "        messages:",
                "          - object: |",
                "              BEGIN:VCALENDAR",
                "              VERSION:2.0",
                "              BEGIN:VEVENT",
                "              UID:e1",
                "              DTSTART;TZID=Europe/Paris:20261102T090000",
                "              SUMMARY:Réunion d'équipe",
                "              END:VEVENT",
                "              END:VCALENDAR",
                "      - name: Contacts",
                "        kind: CONTACTS",
                "        messages:",
                "          - {file: anna.vcf}",
                ""));
        MailServerModel m = Fixtures.load(dir.resolve("g.yaml"));

        TestAccount jean = m.account("jean@iwdemo.test");
        String event = new String(jean.mailbox("Calendar").messages().get(0).content(), StandardCharsets.UTF_8);
        assertThat(event).contains("Content-Type: text/calendar; charset=utf-8", "UID:e1\r\n",
                "SUMMARY:Réunion d'équipe\r\n", "Subject: =?UTF-8?Q?");
        String card = new String(jean.mailbox("Contacts").messages().get(0).content(), StandardCharsets.UTF_8);
        assertThat(card).contains("Content-Type: text/vcard", "Subject: Anna Martin", "FN:Anna Martin\r\n");
        assertThat(jean.mailbox("Contacts").kind()).isEqualTo(io.icesync.core.FolderKind.CONTACTS);
    }

    @Test
    void mistakesAreReportedWithTheirPlace() throws Exception {
        Files.writeString(dir.resolve("unknown.json"), "{\"accounts\": [{\"email\": \"a@b.test\", \"password\": \"p\", \"colour\": 1}]}");
        assertThatThrownBy(() -> Fixtures.load(dir.resolve("unknown.json"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown.json").hasMessageContaining("colour").hasMessageContaining("line 1");

        Files.writeString(dir.resolve("flag.yaml"), """
                accounts:
                  - email: a@b.test
                    password: p
                    folders:
                      - name: INBOX
                        messages:
                          - {subject: x}
                          - {subject: y, flags: ["bad flag"]}
                """);
        assertThatThrownBy(() -> Fixtures.load(dir.resolve("flag.yaml")))
                .hasMessageContaining("accounts[0].folders[0].messages[1]").hasMessageContaining("bad flag");

        Files.writeString(dir.resolve("file.yaml"), """
                accounts:
                  - {email: a@b.test, password: p, folders: [{name: INBOX, messages: [{file: missing.eml}]}]}
                """);
        assertThatThrownBy(() -> Fixtures.load(dir.resolve("file.yaml"))).hasMessageContaining("missing.eml");

        Files.writeString(dir.resolve("kind.yaml"), "accounts: [{email: a@b.test, password: p, folders: [{name: X, kind: recipes}]}]");
        assertThatThrownBy(() -> Fixtures.load(dir.resolve("kind.yaml"))).hasMessageContaining("recipes");
    }
}
