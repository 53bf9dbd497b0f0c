package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code icesync share ...} and {@code icesync shared ...}, as jean and josephine type them. */
@IceWarpTest(accounts = {"jean@iwdemo.test:secret", "josephine@iwdemo.test:secret"})
class ShareCliTest {
    static final String JEAN = "jean@iwdemo.test";
    static final String JOSEPHINE = "josephine@iwdemo.test";

    @TempDir
    Path tmp;

    final CliRun cli = new CliRun();

    Path profile(IceWarpServer server, String who) throws IOException {
        Path pem = tmp.resolve("server.pem");
        Files.writeString(pem, server.certificatePem());
        Path dir = tmp.resolve(who.substring(0, who.indexOf('@')));
        assertThat(cli.run("profile", "create", "--dir", dir.toString(), "--email", who, "--imap",
                "127.0.0.1:" + server.imaps().port(), "--security", "ssl", "--trust-cert", pem.toString(),
                "--password-stdin")).as(cli.err.toString()).isZero();
        return dir;
    }

    @Test
    void jeanSharesAFolderJosephineListsSubscribesAndCannotShareItOn(IceWarpServer server) throws Exception {
        server.account(JEAN).create("Projects").append(Messages.simple("<p1@iwdemo.test>", "Plan"));
        Path jean = profile(server, JEAN);
        Path jos = profile(server, JOSEPHINE);

        assertThat(cli.run("share", "grant", "--dir", jean.toString(), "Projects", JOSEPHINE, "read"))
                .as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("josephine@iwdemo.test may now read (read)");
        assertThat(cli.run("share", "list", "--dir", jean.toString(), "Projects", "--json")).as(cli.err.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(cli.out.toString());
        assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(doc.get("grants")).anySatisfy(g -> {
            assertThat(g.get("grantee").asText()).isEqualTo(JOSEPHINE);
            assertThat(g.get("preset").asText()).isEqualTo("read");
            assertThat(g.get("letters").asText()).isEqualTo("lrs");
            assertThat(g.get("rights").get(0).asText()).isEqualTo("read");
        });

        assertThat(cli.run("shared", "list", "--dir", jos.toString())).as(cli.err.toString()).isZero();
        String line = cli.out.toString().lines().filter(l -> l.contains("Projects")).findFirst().orElseThrow();
        assertThat(line).isEqualTo("~jean@iwdemo.test/Projects\tjean@iwdemo.test\tread\toffered");
        String path = line.substring(0, line.indexOf('\t'));
        assertThat(cli.run("shared", "subscribe", "--dir", jos.toString(), path)).as(cli.err.toString()).isZero();
        assertThat(cli.run("sync", "--dir", jos.toString(), "--once")).as(cli.err.toString()).isZero();
        assertThat(cli.run("shared", "list", "--dir", jos.toString(), "--json")).isZero();
        JsonNode shared = new ObjectMapper().readTree(cli.out.toString()).get("shared");
        assertThat(shared).singleElement().satisfies(s -> {
            assertThat(s.get("folder").asText()).isEqualTo(path);
            assertThat(s.get("status").asText()).isEqualTo("subscribed");
        });
        assertThat(cli.run("status", "--dir", jos.toString())).isZero();
        assertThat(cli.out.toString()).contains("shared with you: 1 folders")
                .contains("~jean@iwdemo.test/Projects  from jean@iwdemo.test, read, subscribed");

        assertThat(cli.run("share", "grant", "--dir", jos.toString(), path, JEAN, "all")).isEqualTo(ExitCodes.SERVER);
        assertThat(cli.err.toString()).contains("'~jean@iwdemo.test/Projects'").contains("'a' (administer)");

        assertThat(cli.run("share", "revoke", "--dir", jean.toString(), "Projects", JOSEPHINE)).isZero();
        assertThat(server.account(JEAN).mailbox("Projects").acl()).doesNotContainKey(JOSEPHINE);
    }

    @Test
    void theWholeAccountInheritanceAndBadArguments(IceWarpServer server) throws Exception {
        server.account(JEAN).create("Projects/2027");
        Path jean = profile(server, JEAN);
        assertThat(cli.run("share", "grant", "--dir", jean.toString(), "/", "anyone", "lr")).as(cli.err.toString()).isZero();
        assertThat(server.account(JEAN).mailbox("Projects/2027").acl()).containsEntry("anyone", "lr");
        assertThat(cli.run("share", "list", "--dir", jean.toString(), "/")).isZero();
        assertThat(cli.out.toString()).contains("anyone\tlr\t");
        assertThat(cli.run("share", "revoke", "--dir", jean.toString(), "/", "everyone")).isZero();
        assertThat(server.account(JEAN).mailbox("INBOX").acl()).doesNotContainKey("anyone");

        assertThat(cli.run("share", "grant", "--dir", jean.toString(), "Projects", JOSEPHINE, "read-write")).isZero();
        assertThat(cli.run("share", "inherit", "--dir", jean.toString(), "Projects/2027")).as(cli.err.toString()).isZero();
        assertThat(server.account(JEAN).mailbox("Projects/2027").acl()).containsKey(JOSEPHINE);
        assertThat(cli.run("share", "list", "--dir", jean.toString(), "Projects/2027")).isZero();
        assertThat(cli.out.toString()).contains("follows the rights of its parent");
        assertThat(cli.run("share", "grant", "--dir", jean.toString(), "Projects/2027", JOSEPHINE, "read"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("cancel the inheritance");
        assertThat(cli.run("share", "inherit", "--dir", jean.toString(), "Projects/2027", "--cancel")).isZero();
        assertThat(cli.run("share", "grant", "--dir", jean.toString(), "Projects/2027", JOSEPHINE, "read")).isZero();

        assertThat(cli.run("share", "grant", "--dir", jean.toString(), "Projects", JOSEPHINE, "read only"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("'read only'").contains("preset");
        assertThat(cli.run("shared", "subscribe", "--dir", jean.toString(), "~nobody@iwdemo.test/X"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("no folder '~nobody@iwdemo.test/X' is shared with you");
    }

    @Test
    void statusShowsAGrantMadeElsewhereOnceTheListsAreReadAgain(IceWarpServer server) throws Exception {
        server.account(JEAN).create("Projects").append(Messages.simple("<p1@iwdemo.test>", "Plan"));
        Path jean = profile(server, JEAN);
        assertThat(cli.run("sync", "--dir", jean.toString(), "--once")).as(cli.err.toString()).isZero();

        server.account(JEAN).mailbox("Projects").grant(JOSEPHINE, "lrs");
        assertThat(cli.run("sync", "--dir", jean.toString(), "--once")).as(cli.err.toString()).isZero();
        assertThat(cli.run("status", "--dir", jean.toString())).isZero();
        assertThat(cli.out.toString()).as("inside accessListIntervalMinutes").doesNotContain(JOSEPHINE);

        assertThat(cli.run("shared", "list", "--dir", jean.toString())).as(cli.err.toString()).isZero();
        assertThat(cli.run("status", "--dir", jean.toString())).isZero();
        assertThat(cli.out.toString()).as("read again on an explicit refresh")
                .contains("Projects  yours: full, " + JOSEPHINE + ": read");

        assertThat(cli.run("settings", "set", "--dir", jean.toString(), "accessListIntervalMinutes", "0"))
                .as(cli.err.toString()).isZero();
        server.account(JEAN).mailbox("Projects").grant(JOSEPHINE, "");
        assertThat(cli.run("sync", "--dir", jean.toString(), "--once")).as(cli.err.toString()).isZero();
        assertThat(cli.run("status", "--dir", jean.toString())).isZero();
        assertThat(cli.out.toString()).as("read at every sync with 0").doesNotContain(JOSEPHINE + ": read")
                .contains("who may use 'Projects' changed on the server");
    }
}
