package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code icesync fleet} says about bad arguments, before any database is reached. */
class FleetCliTest {
    final CliRun cli = new CliRun();

    @TempDir
    Path tmp;

    @Test
    void aDatabaseUrlThatIsNotPostgresqlIsAUsageErrorNamingIt() {
        assertThat(cli.run("fleet", "list", "--db", "jdbc:mysql://db/icesync", "--db-user", "icesync")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("jdbc:postgresql:").contains("jdbc:mysql://db/icesync");
    }

    @Test
    void serveNeedsTheSharedRoot() {
        assertThat(cli.run("fleet", "serve", "--db", "jdbc:postgresql://127.0.0.1:1/icesync", "--db-user", "icesync"))
                .isEqualTo(2);
        assertThat(cli.err.toString()).contains("--root");
    }

    @Test
    void addWithAnUnsetPasswordVariableWritesNothing() {
        assertThat(cli.run("fleet", "add", "--db", "jdbc:postgresql://127.0.0.1:1/icesync", "--db-user", "icesync",
                "--root", tmp.toString(), "--email", "jean@iwdemo.test", "--imap", "127.0.0.1:143", "--security",
                "starttls", "--password-env", "ICESYNC_FLEET_TEST_UNSET")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("ICESYNC_FLEET_TEST_UNSET").contains("not set");
        assertThat(Files.exists(tmp.resolve("jean@iwdemo.test"))).isFalse();
    }

    @Test
    void anAddressThatWouldLeaveTheRootIsRefusedBeforeAnyFileIsWritten() {
        assertThat(cli.run("fleet", "add", "--db", "jdbc:postgresql://127.0.0.1:1/icesync", "--db-user", "icesync",
                "--root", tmp.toString(), "--email", "../evil@x.test", "--imap", "127.0.0.1:143", "--security",
                "starttls", "--password-stdin")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("cannot be a fleet account");
        assertThat(tmp.getParent().resolve("evil@x.test")).doesNotExist();
    }
}
