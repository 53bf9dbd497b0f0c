package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.WebDavFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profile made of several services with the CLI: what it stores, shows, syncs and reports per service. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class ProfileServicesCliTest {
    private static final String JEAN = "jean@iwdemo.test";

    @TempDir
    Path tmp;

    final CliRun cli = new CliRun();

    private String[] create(IceWarpServer server, Path dir, String... more) throws Exception {
        Path pem = tmp.resolve("server.pem");
        Files.writeString(pem, server.certificatePem());
        String[] base = {"profile", "create", "--dir", dir.toString(), "--email", JEAN, "--imap",
                "127.0.0.1:" + server.imaps().port(), "--security", "ssl", "--trust-cert", pem.toString(),
                "--password-stdin"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void aProfileWithDocumentsSyncsThemAndStatusShowsEachService(IceWarpServer server) throws Exception {
        WebDavFiles files = server.webdav().files(JEAN);
        files.delete("");
        files.put("Rapport été.txt", "v1".getBytes(StandardCharsets.UTF_8));
        Path dir = tmp.resolve("p");
        assertThat(cli.run(create(server, dir, "--documents", server.webdav().url().toString(),
                "--smtp", "127.0.0.1:" + server.smtp().port(), "--smtp-security", "plain"))).as(cli.err.toString()).isZero();

        assertThat(cli.run("profile", "show", "--dir", dir.toString(), "--json")).as(cli.err.toString()).isZero();
        JsonNode shown = new ObjectMapper().readTree(cli.out.toString());
        assertThat(shown.at("/services/documents").asText()).isEqualTo(server.webdav().url().toString());
        assertThat(shown.at("/services/smtp/port").asInt()).isEqualTo(server.smtp().port());
        assertThat(shown.at("/services/groupware").asText()).isEqualTo("imap");

        assertThat(cli.run("sync", "--dir", dir.toString(), "--once")).as(cli.err.toString()).isZero();
        assertThat(Files.readString(dir.resolve("documents/Files/Rapport été.txt"))).isEqualTo("v1");

        assertThat(cli.run("status", "--dir", dir.toString(), "--json")).as(cli.err.toString()).isZero();
        JsonNode status = new ObjectMapper().readTree(cli.out.toString());
        assertThat(status.get("services")).extracting(n -> n.get("name").asText()).containsExactly("mail", "documents");
        JsonNode docs = status.get("services").get(1);
        assertThat(docs.get("local").asText()).isEqualTo("documents/");
        assertThat(docs.get("items").asLong()).isEqualTo(1);
        assertThat(docs.get("folders").asInt()).isEqualTo(1);
        assertThat(docs.get("server").asText()).isEqualTo(server.webdav().url().toString());

        files.put("Nouveau.txt", "n".getBytes(StandardCharsets.UTF_8));
        assertThat(cli.run("sync", "--dir", dir.toString(), "--once", "--folder", "Files")).as(cli.err.toString()).isZero();
        assertThat(dir.resolve("documents/Files/Nouveau.txt")).as("a documents folder is one --folder names").exists();

        assertThat(cli.run("status", "--dir", dir.toString())).isZero();
        assertThat(cli.out.toString()).contains("documents  documents over WebDAV from " + server.webdav().url());
    }

    @Test
    void aServiceLoginAndItsPasswordAreKeptApartFromTheAccounts(IceWarpServer server) throws Exception {
        Path dir = tmp.resolve("s");
        assertThat(cli.run(create(server, dir, "--smtp", "127.0.0.1:" + server.smtp().port(), "--login", "smtp=jean")))
                .as(cli.err.toString()).isZero();
        assertThat(cli.run("profile", "show", "--dir", dir.toString(), "--json")).isZero();
        assertThat(new ObjectMapper().readTree(cli.out.toString()).at("/services/logins/smtp").asText()).isEqualTo("jean");

        assertThat(cli.run("profile", "password", "--dir", dir.toString(), "--service", "smtp", "--password-stdin"))
                .as(cli.err.toString()).isZero();
        assertThat(Files.readString(dir.resolve("secrets.json"))).contains("#smtp");
        assertThat(cli.run("profile", "password", "--dir", dir.toString(), "--service", "ftp", "--password-stdin"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("ftp", "smtp, caldav");
        assertThat(cli.run("profile", "password", "--dir", dir.toString(), "--password-stdin")).isZero();
        assertThat(cli.out.toString()).contains("password stored for the account");
    }

    @Test
    void aBadServiceOptionIsAUsageErrorNamingIt(IceWarpServer server) throws Exception {
        assertThat(cli.run(create(server, tmp.resolve("a"), "--groupware", "exchange"))).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("groupware").contains("imap or dav").contains("exchange");
        assertThat(cli.run(create(server, tmp.resolve("b"), "--documents", "ftp://files.example.test/"))).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("documents").contains("http");
        assertThat(cli.run(create(server, tmp.resolve("c"), "--caldav", "https://jean:pw@dav.example.test/"))).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("caldav").doesNotContain("pw@");
        assertThat(cli.run(create(server, tmp.resolve("d"), "--login", "ftp=jean"))).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("ftp");
        assertThat(tmp.resolve("a/profile.json")).doesNotExist();
    }
}
