package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** icesync gal search over a profile whose groupware folders hold contacts, as a user runs it. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class GalCliTest {
    @TempDir
    Path tmp;

    final CliRun cli = new CliRun();
    final StringWriter out = cli.out;
    final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    /** A profile whose groupware store holds the user's contacts, a public directory and Anne's shared contacts. */
    private Path profileWithContacts(IceWarpServer server) throws Exception {
        Path dir = cli.profile(server, tmp);
        Path groupware = dir.resolve("groupware");
        Path own = folder(groupware.resolve("Contacts"), "CONTACTS");
        card(own.resolve("zoe.vcf"), "VERSION:3.0", "N:Martin;Zoé;;;", "FN:Zoé Martin", "EMAIL:zoe.martin@iwdemo.test",
                "EMAIL:zoe@perso.fr");
        card(own.resolve("bernard.vcf"), "VERSION:2.1", "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Bernard Lef=C3=A8vre",
                "EMAIL;INTERNET:bernard@iwdemo.test");
        Path directory = folder(groupware.resolve("Public Folders").resolve("Annuaire"), "CONTACTS");
        card(directory.resolve("josephine.vcf"), "VERSION:4.0", "FN:Joséphine Roux", "N:Roux;Joséphine;;;",
                "EMAIL:josephine.roux@iwdemo.test");
        Path annes = folder(groupware.resolve("~anne@iwdemo.test").resolve("Contacts"), "CONTACTS");
        card(annes.resolve("jerome.vcf"), "VERSION:3.0", "FN:Jérôme Blanc", "EMAIL:jerome.blanc@example.fr");
        Path calendar = folder(groupware.resolve("Calendar"), "EVENTS");
        Files.writeString(calendar.resolve("e1.ics"), "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
        return dir;
    }

    private static Path folder(Path dir, String kind) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(".icesync-folder"), "id=g-" + dir.getFileName() + "\nkind=" + kind + "\n");
        return dir;
    }

    private static void card(Path file, String... lines) throws Exception {
        Files.writeString(file, "BEGIN:VCARD\r\n" + String.join("\r\n", lines) + "\r\nEND:VCARD\r\n");
    }

    @Test
    void findsContactsByTheStartOfANameWithoutCaringForAccents(IceWarpServer server) throws Exception {
        Path dir = profileWithContacts(server);

        assertThat(run("gal", "search", "je", "--dir", dir.toString())).as(err.toString()).isZero();

        assertThat(out.toString().lines()).containsExactly(
                "Jérôme Blanc  jerome.blanc@example.fr  ~anne@iwdemo.test/Contacts (anne@iwdemo.test)");
        assertThat(run("gal", "search", "LEFEV", "--dir", dir.toString())).isZero();
        assertThat(out.toString().lines()).containsExactly("Bernard Lefèvre  bernard@iwdemo.test  Contacts");
    }

    @Test
    void listsEverythingInTheChosenOrder(IceWarpServer server) throws Exception {
        Path dir = profileWithContacts(server);

        assertThat(run("gal", "search", "", "--dir", dir.toString())).as(err.toString()).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "Bernard Lefèvre  bernard@iwdemo.test  Contacts",
                "Zoé Martin  zoe.martin@iwdemo.test, zoe@perso.fr  Contacts",
                "Joséphine Roux  josephine.roux@iwdemo.test  Public Folders/Annuaire",
                "Jérôme Blanc  jerome.blanc@example.fr  ~anne@iwdemo.test/Contacts (anne@iwdemo.test)");

        assertThat(run("gal", "search", "", "--dir", dir.toString(), "--order", "native")).isZero();
        assertThat(out.toString().lines()).extracting(l -> l.substring(0, l.indexOf("  "))).containsExactly(
                "Bernard Lefèvre", "Jérôme Blanc", "Joséphine Roux", "Zoé Martin");

        assertThat(run("gal", "search", "", "--dir", dir.toString(), "--order", "NAME")).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "Joséphine Roux  josephine.roux@iwdemo.test  Annuaire",
                "Jérôme Blanc  jerome.blanc@example.fr  Contacts (anne@iwdemo.test)",
                "Bernard Lefèvre  bernard@iwdemo.test  Contacts",
                "Zoé Martin  zoe.martin@iwdemo.test, zoe@perso.fr  Contacts");
    }

    @Test
    void printsJson(IceWarpServer server) throws Exception {
        Path dir = profileWithContacts(server);

        assertThat(run("gal", "search", "zoe", "--dir", dir.toString(), "--json")).as(err.toString()).isZero();

        JsonNode entries = new ObjectMapper().readTree(out.toString()).get("entries");
        assertThat(entries).hasSize(1);
        JsonNode zoe = entries.get(0);
        assertThat(zoe.get("name").asText()).isEqualTo("Zoé Martin");
        assertThat(zoe.get("emails")).extracting(JsonNode::asText).containsExactly("zoe.martin@iwdemo.test", "zoe@perso.fr");
        assertThat(zoe.get("folder").asText()).isEqualTo("Contacts");
        assertThat(zoe.get("shared").asBoolean()).isFalse();
        assertThat(zoe.get("owner").isNull()).isTrue();
    }

    @Test
    void sayingNothingMatchesIsNotAnError(IceWarpServer server) throws Exception {
        Path dir = profileWithContacts(server);

        assertThat(run("gal", "search", "xavier", "--dir", dir.toString())).isZero();

        assertThat(out.toString()).isEqualToIgnoringNewLines("no entry matches 'xavier' among 4");
    }

    @Test
    void aBrokenCardIsReportedAndTheOthersAreStillFound(IceWarpServer server) throws Exception {
        Path dir = profileWithContacts(server);
        Files.writeString(dir.resolve("groupware").resolve("Contacts").resolve("broken.vcf"), "BEGIN:VCARD\r\nFN:Half\r\n");

        assertThat(run("gal", "search", "", "--dir", dir.toString())).isZero();

        assertThat(err.toString()).contains("warning", "broken.vcf");
        assertThat(out.toString().lines()).hasSize(4);
    }

    @Test
    void anUnknownOrderIsAUsageError(IceWarpServer server) throws Exception {
        Path dir = profileWithContacts(server);

        assertThat(run("gal", "search", "a", "--dir", dir.toString(), "--order", "alphabetical")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("--order", "alphabetical");
    }

    @Test
    void aFolderThatIsNotAProfileExitsWith4() throws Exception {
        Path notAProfile = Files.createDirectories(tmp.resolve("empty"));

        assertThat(run("gal", "search", "a", "--dir", notAProfile.toString())).isEqualTo(ExitCodes.PROFILE);

        assertThat(err.toString()).contains("not a usable profile folder");
    }
}
