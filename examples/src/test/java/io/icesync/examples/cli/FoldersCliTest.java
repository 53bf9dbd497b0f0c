package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icesync.client.IceSync;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** icesync folders kind|names as a user runs them, then a sync from a server without METADATA that obeys them. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret", without = "METADATA")
class FoldersCliTest {
    static final String KINDS = "the kinds are mail, contacts, events, tasks, notes, journal, documents";

    @TempDir
    Path tmp;

    final CliRun cli = new CliRun();

    List<String> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .sorted().toList();
        }
    }

    @Test
    void aKindAndANameSetOnTheCommandLineDecideWhereTheNextSyncPutsAFolder(IceWarpServer server) throws Exception {
        var a = server.account("jean@iwdemo.test");
        a.create("Adressen").appendObject(Messages.card("c1", "Anna Martin"));
        a.create("Agenda").appendObject(Messages.event("e1", "Weekly meeting"));
        a.create("Contacts").appendObject(Messages.card("c2", "Bruno Keller"));
        a.create("Kunden").appendObject(Messages.card("c3", "Chloé Petit"));
        Path dir = cli.profile(server, tmp);
        String d = dir.toString();

        assertThat(cli.run("folders", "kind", "--dir", d)).isZero();
        assertThat(cli.out.toString()).contains("no folder is given a kind");
        assertThat(cli.run("folders", "kind", "Adressen", "contacts", "--dir", d)).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("Adressen: contacts from the next sync");
        assertThat(cli.run("folders", "kind", "Projets/Réunions", "EVENTS", "--dir", d)).isZero();
        assertThat(cli.run("folders", "kind", "--dir", d)).isZero();
        assertThat(cli.out.toString()).contains("Adressen          contacts", "Projets/Réunions  events");
        assertThat(cli.run("folders", "kind", "--dir", d, "--json")).isZero();
        JsonNode j = new ObjectMapper().readTree(cli.out.toString());
        assertThat(j.get("folderKinds")).hasSize(2);
        assertThat(j.at("/folderKinds/0/folder").asText()).isEqualTo("Adressen");
        assertThat(j.at("/folderKinds/0/kind").asText()).isEqualTo("CONTACTS");
        assertThat(j.at("/folderKinds/0/syncedAs").isNull()).isTrue();
        assertThat(cli.run("folders", "kind", "Projets/Réunions", "--clear", "--dir", d)).isZero();
        assertThat(cli.out.toString()).contains("Projets/Réunions: no kind set");
        assertThat(cli.run("folders", "names", "--add", "agenda=events", "--dir", d)).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("this profile's folder names", "agenda", "Contacts", "(from the next sync)");

        assertThat(cli.run("sync", "--dir", d, "--once")).as(cli.err.toString()).isZero();

        assertThat(files(dir.resolve("groupware/Adressen"))).containsExactly("c1.vcf");
        assertThat(files(dir.resolve("groupware/Agenda"))).containsExactly("e1.ics");
        assertThat(files(dir.resolve("groupware/Contacts"))).as("--add kept IceWarp's names").containsExactly("c2.vcf");
        assertThat(files(dir.resolve("mail/Kunden"))).hasSize(1);
        assertThat(files(dir.resolve("mail/Adressen"))).isEmpty();
        assertThat(Files.readString(dir.resolve(IceSync.PROFILE_FILE))).contains("\"Adressen\" : \"CONTACTS\"",
                "\"agenda\" : \"EVENTS\"").doesNotContain("Réunions");

        assertThat(cli.run("folders", "kind", "Kunden", "contacts", "--dir", d)).isZero();
        assertThat(cli.err.toString()).contains("warning: Kunden was synced as mail, in " + dir.resolve("mail")
                + ": the next sync moves it to " + dir.resolve("groupware") + " as contacts");
        assertThat(cli.run("folders", "kind", "Kunden", "--dir", d, "--json")).isZero();
        assertThat(new ObjectMapper().readTree(cli.out.toString()).at("/folderKinds/0/syncedAs").asText()).isEqualTo("MAIL");
    }

    @Test
    void aFolderLeftUnsyncedIsShownBySyncAndStatusUntilGivenTheKindMail(IceWarpServer server) throws Exception {
        server.account("jean@iwdemo.test").create("Documents").append(Messages.simple("<d1@iwdemo.test>", "Offer"));
        Path dir = cli.profile(server, tmp);
        String d = dir.toString();

        assertThat(cli.run("sync", "--dir", d, "--once", "-q")).as("no failure").isZero();
        assertThat(cli.err.toString()).contains("Documents: not synced: it is a documents folder",
                "to sync it: if it holds mail, give it the kind mail");
        assertThat(cli.run("status", "--dir", d)).isZero();
        assertThat(cli.out.toString()).contains("1 folder not synced", "not synced  Documents: not synced: ",
                "WARNING folder Documents not synchronised");
        assertThat(cli.run("status", "--dir", d, "--json")).isZero();
        JsonNode u = new ObjectMapper().readTree(cli.out.toString()).at("/lastCycle/notSynced/0");
        assertThat(u.get("folder").asText()).isEqualTo("Documents");
        assertThat(u.get("kind").asText()).isEqualTo("documents");
        assertThat(u.get("state").asText()).isEqualTo("not synced");
        assertThat(u.get("reason").asText()).contains("stay on the server");
        assertThat(u.get("remedy").asText()).contains("icesync folders kind PATH mail");
        assertThat(files(dir.resolve("mail/Documents"))).isEmpty();

        assertThat(cli.run("folders", "kind", "Documents", "mail", "--dir", d)).isZero();
        assertThat(cli.run("sync", "--dir", d, "--once")).isZero();
        assertThat(cli.err.toString()).doesNotContain("not synced");
        assertThat(files(dir.resolve("mail/Documents"))).hasSize(1);
        assertThat(cli.run("status", "--dir", d, "--json")).isZero();
        assertThat(new ObjectMapper().readTree(cli.out.toString()).at("/lastCycle/notSynced")).isEmpty();
        assertThat(server.account("jean@iwdemo.test").mailbox("Documents").size()).isEqualTo(1);
    }

    @Test
    void everywhereAppliesIceWarpsNamesOnAServerThatIsNotIceWarp() throws Exception {
        try (IceWarpServer plain = IceWarpServer.builder().account("jean@iwdemo.test", "secret").without("METADATA")
                .without("X-ICEWARP-SERVER").start()) {
            var a = plain.account("jean@iwdemo.test");
            a.create("Contacts").appendObject(Messages.card("c1", "Anna Martin"));
            a.create("Notes").append(Messages.simple("<n1@iwdemo.test>", "Shopping list"));
            Path dir = cli.profile(plain, tmp);
            String d = dir.toString();
            assertThat(cli.run("folders", "names", "--dir", d)).isZero();
            assertThat(cli.out.toString()).contains("IceWarp servers without METADATA only");

            assertThat(cli.run("sync", "--dir", d, "--once")).isZero();
            assertThat(files(dir.resolve("mail/Contacts"))).as("not IceWarp: the name says nothing").hasSize(1);
            assertThat(files(dir.resolve("mail/Notes"))).hasSize(1);
            assertThat(files(dir.resolve("groupware"))).isEmpty();

            assertThat(cli.run("folders", "names", "--everywhere", "--dir", d)).as(cli.err.toString()).isZero();
            assertThat(cli.out.toString()).contains("any server without METADATA", "Contacts    contacts");
            assertThat(cli.run("sync", "--dir", d, "--once")).as(cli.err.toString()).isZero();
            assertThat(files(dir.resolve("groupware/Contacts"))).containsExactly("c1.vcf");
            assertThat(files(dir.resolve("mail/Contacts"))).isEmpty();
        }
    }

    @Test
    void theNameListIsShownReplacedEditedAndClearedBack(IceWarpServer server) throws Exception {
        String d = cli.profile(server, tmp).toString();

        assertThat(cli.run("folders", "names", "--dir", d)).isZero();
        assertThat(cli.out.toString()).contains("IceWarp's folder names", "Calendrier  events", "Contacts    contacts");
        assertThat(cli.run("folders", "names", "--dir", d, "--json")).isZero();
        JsonNode j = new ObjectMapper().readTree(cli.out.toString());
        assertThat(j.get("iceWarpDefaults").asBoolean()).isTrue();
        assertThat(j.at("/folderNames/Tâches").asText()).isEqualTo("TASKS");

        assertThat(cli.run("folders", "names", "--set", "Agenda=events", "--set", "Kontakte=Contacts", "--dir", d)).isZero();
        assertThat(cli.out.toString()).contains("Agenda    events", "Kontakte  contacts").doesNotContain("Calendrier");
        assertThat(cli.run("folders", "names", "--add", "KONTAKTE=tasks", "--remove", "agenda", "--dir", d)).isZero();
        assertThat(cli.run("folders", "names", "--dir", d, "--json")).isZero();
        j = new ObjectMapper().readTree(cli.out.toString());
        assertThat(j.get("iceWarpDefaults").asBoolean()).isFalse();
        assertThat(j.get("folderNames").size()).isEqualTo(1);
        assertThat(j.at("/folderNames/KONTAKTE").asText()).as("the name as typed last").isEqualTo("TASKS");

        assertThat(cli.run("folders", "names", "--set", "Nothing=mail", "--remove", "Nothing", "--dir", d)).isEqualTo(2);
        assertThat(cli.run("folders", "names", "--clear", "--dir", d)).isZero();
        assertThat(cli.out.toString()).contains("IceWarp's folder names");
        assertThat(Files.readString(Path.of(d, IceSync.PROFILE_FILE))).doesNotContain("folderNames");
    }

    @Test
    void badArgumentsSayWhatIsWrongAndLeaveTheProfileAsItWas(IceWarpServer server) throws Exception {
        Path dir = cli.profile(server, tmp);
        String d = dir.toString();
        String before = Files.readString(dir.resolve(IceSync.PROFILE_FILE));

        assertThat(cli.run("folders", "kind", "Adressen", "contact", "--dir", d)).isEqualTo(2);
        assertThat(cli.err.toString()).contains("icesync: \"contact\" is not a folder kind; " + KINDS);
        assertThat(cli.run("folders", "kind", "", "contacts", "--dir", d)).isEqualTo(2);
        assertThat(cli.err.toString()).contains("the root is not a folder");
        assertThat(cli.run("folders", "kind", "a//b", "contacts", "--dir", d)).isEqualTo(2);
        assertThat(cli.err.toString()).contains("bad folder path \"a//b\": a folder name may not be empty");
        assertThat(cli.run("folders", "kind", "INBOX", "contacts", "--dir", d)).isEqualTo(2);
        assertThat(cli.err.toString()).contains("folderKinds: \"INBOX\": INBOX always holds mail, not contacts");
        assertThat(cli.run("folders", "kind", "Adressen", "--clear", "--dir", d)).isEqualTo(2);
        assertThat(cli.err.toString()).contains("Adressen has no kind set");
        assertThat(cli.run("folders", "kind", "Adressen", "contacts", "--clear", "--dir", d)).isEqualTo(2);
        assertThat(cli.run("folders", "kind", "Adressen", "contacts", "--json", "--dir", d)).isEqualTo(2);
        assertThat(cli.run("folders", "names", "--set", "Agenda", "--dir", d)).isEqualTo(2);
        assertThat(cli.run("folders", "names", "--add", "Agenda=event", "--dir", d)).isEqualTo(2);
        assertThat(cli.err.toString()).contains("Agenda=event: \"event\" is not a folder kind; " + KINDS);
        assertThat(cli.run("folders", "names", "--set", "Agenda=events", "--set", "AGENDA=tasks", "--dir", d)).isEqualTo(2);
        assertThat(cli.err.toString()).contains("differ only in case");
        assertThat(cli.run("folders", "names", "--remove", "Nowhere", "--dir", d)).isEqualTo(2);
        assertThat(cli.err.toString()).contains("\"Nowhere\" is not in the list");
        assertThat(cli.run("folders", "names", "--clear", "--add", "a=mail", "--dir", d)).isEqualTo(2);
        assertThat(Files.readString(dir.resolve(IceSync.PROFILE_FILE))).isEqualTo(before);

        assertThat(cli.run("folders", "kind", "--dir", tmp.resolve("none").toString())).isEqualTo(4);
        assertThat(cli.err.toString()).contains("no profile in");
        Files.writeString(dir.resolve(IceSync.PROFILE_FILE), before.replace("\"settings\"",
                "\"folderKinds\" : { \"Adressen\" : \"CONTACT\" },\n  \"settings\""));
        assertThat(cli.run("folders", "names", "--dir", d)).isEqualTo(4);
        assertThat(cli.err.toString()).contains("profile.json: folderKinds: \"Adressen\": expected one of mail, contacts");
    }

    @Test
    void aChangeWaitsForNoSyncButFailsWhileOneHasTheProfileOpen(IceWarpServer server) throws Exception {
        Path dir = cli.profile(server, tmp);
        try (IceSync running = IceSync.open(dir)) {
            assertThat(cli.run("folders", "kind", "Adressen", "contacts", "--dir", dir.toString())).isEqualTo(4);
            assertThat(cli.err.toString()).contains("in use by another IceSync");
            assertThat(cli.run("folders", "kind", "--dir", dir.toString())).as("listing needs no lock").isZero();
        }
        assertThat(cli.run("folders", "kind", "Adressen", "contacts", "--dir", dir.toString())).isZero();
    }

    @Test
    void theHelpListsTheFoldersCommand() {
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.out.toString()).contains("folders");
    }
}
