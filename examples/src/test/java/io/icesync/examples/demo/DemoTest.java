package io.icesync.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo, as the README's first command runs it: its report says what a user must see. */
class DemoTest {
    @TempDir
    Path dir;

    @Test
    void demoSyncsBothWaysAndEndsWithIdenticalTrees() throws Exception {
        StringWriter text = new StringWriter();
        int exit = new Demo(new PrintWriter(text, true), false).run(dir.resolve("profile"), 60);
        String out = text.toString();

        assertThat(exit).as(out).isZero();
        assertThat(out).contains("1. First sync", "folder created locally: Projets/Été 2026",
                "folder created locally: Clients/Société Générale");
        assertThat(out).contains("folder created locally: Projets/Automne 2026", "folder created on server: Notes locales",
                "Archive: 1 moved on the server", "Clients/Société Générale: 1 deleted on the server",
                "Newsletters: 1 deleted locally", "Notes locales: 1 uploaded");
        assertThat(out).containsPattern("INBOX: 2 downloaded, 1 flag changes sent, 3 flag changes received");
        assertThat(out).contains("0 downloaded, 0 uploaded, 0 flag changes, 0 deleted, 0 moved, 0 failed, 0 folder changes");
        assertThat(out).contains("Calendar: 1 downloaded, 1 uploaded, 1 flag changes received, 1 deleted locally",
                "Contacts: 1 uploaded");
        assertThat(out).contains("Server and local tree are identical", "5 events and contacts, same versions",
                "Revue de projet (14 h)", "Paul Martin-Durand", "Atelier synchronisation",
                "Déjeuner d'équipe [Équipe]");
        assertThat(out).contains("4 documents over WebDAV", "folder created locally: Files/Projets/Été 2026 (documents)",
                "5 documents, same content", "Compte rendu.txt", "Projets/Été 2026/planning.txt");
        assertThat(out).contains("attachment link: rapport-trimestriel.pdf", "fetched rapport-trimestriel.pdf into "
                + dir.resolve("profile").resolve("attachments"));
        assertThat(Files.readString(dir.resolve("profile/documents/Files/Projets/Été 2026/planning.txt")))
                .contains("août: bilan");
        assertThat(Files.readString(dir.resolve("profile/profile.json"))).doesNotContain("demo-password");
    }

    @Test
    void demoWorksWithAsFewMessagesAsTheUserAsks() throws Exception {
        for (int n : new int[] {0, 5}) {
            StringWriter text = new StringWriter();
            int exit = new Demo(new PrintWriter(text, true), false).run(dir.resolve("small-" + n), n);
            assertThat(exit).as(text.toString()).isZero();
            assertThat(text.toString()).contains(": " + n + " messages in 8 folders", "Server and local tree are identical");
        }
    }

    @Test
    void demoRefusesAFolderThatHoldsAProfile() throws Exception {
        StringWriter first = new StringWriter();
        new Demo(new PrintWriter(first, true), false).run(dir.resolve("p"), 30);
        StringWriter second = new StringWriter();
        assertThat(new Demo(new PrintWriter(second, true), false).run(dir.resolve("p"), 30)).isEqualTo(2);
        assertThat(second.toString()).contains("already holds a profile");
    }
}
