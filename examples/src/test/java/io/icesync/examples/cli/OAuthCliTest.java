package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code profile create --oauth} and the token the CLI takes from ICESYNC_TOKEN_COMMAND, as a user runs them. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class OAuthCliTest {
    static final String JEAN = "jean@iwdemo.test";

    @TempDir
    Path tmp;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return new IceSyncCli().execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    Path create(IceWarpServer server, String... extra) {
        Path dir = tmp.resolve("jean");
        String[] base = {"profile", "create", "--dir", dir.toString(), "--email", JEAN, "--imap",
                server.imap().host() + ":" + server.imap().port(), "--security", "plain", "--oauth"};
        String[] args = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
        assertThat(run(args)).as(err.toString()).isEqualTo(ExitCodes.OK);
        return dir;
    }

    @Test
    void anOauthProfileSyncsWithTheTokenItsCommandPrintsAndStoresNoPassword(IceWarpServer server) throws Exception {
        server.account(JEAN).mailbox("INBOX").append(Messages.simple("<cli-token@iwdemo.test>", "Token mail"));
        Path dir = create(server, "--token-mechanism", "OAUTHBEARER");
        assertThat(Files.readString(dir.resolve("profile.json"))).contains("\"auth\" : \"oauth\"", "OAUTHBEARER");
        assertThat(dir.resolve("secrets.json")).doesNotExist();
        assertThat(run("profile", "show", "--dir", dir.toString())).isZero();
        assertThat(out.toString()).contains("mail login:   OAuth tokens (OAUTHBEARER");

        String token = server.model().issueToken(JEAN);
        CliProcess.Result r = CliProcess.start(Map.of("ICESYNC_TOKEN_COMMAND", "echo " + token),
                "sync", "--dir", dir.toString(), "--once").await(60);

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out() + r.err()).doesNotContain(token);
        try (Stream<Path> files = Files.walk(dir.resolve("mail"))) {
            assertThat(files.filter(Files::isRegularFile).map(OAuthCliTest::read))
                    .anyMatch(t -> t.contains("Subject: Token mail"));
        }
    }

    @Test
    void aRefusedTokenIsALoginErrorAskedTwiceAndNeverPrinted(IceWarpServer server) throws Exception {
        Path dir = create(server);
        Path asks = tmp.resolve("asks.txt");
        String command = "echo \"$ICESYNC_TOKEN_REFRESH\" >> " + asks + "; echo revoked-token-77";
        CliProcess.Result r = CliProcess.start(Map.of("ICESYNC_TOKEN_COMMAND", command),
                "sync", "--dir", dir.toString(), "--once").await(60);

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.SERVER);
        assertThat(r.err()).contains("refused the login of '" + JEAN + "'");
        assertThat(r.out() + r.err()).doesNotContain("revoked-token");
        assertThat(Files.readAllLines(asks)).as("the cached token, then one fresh one").containsExactly("0", "1");
    }

    @Test
    void aMailPropertyIceSyncOwnsIsRefusedByName(IceWarpServer server) {
        int exit = run("profile", "create", "--dir", tmp.resolve("x").toString(), "--email", JEAN, "--imap",
                server.imap().host() + ":" + server.imap().port(), "--security", "plain", "--oauth",
                "--mail-property", "mail.imap.ssl.trust=*");
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("'mail.imap.ssl.trust' cannot be set");
        assertThat(tmp.resolve("x").resolve("profile.json")).doesNotExist();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
