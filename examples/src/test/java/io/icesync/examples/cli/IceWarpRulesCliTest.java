package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.rules.RulesJson;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.TestIceWarpApi;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rules and responder commands through the test server's /icewarpapi/, as a user runs them. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class IceWarpRulesCliTest {
    @TempDir
    Path tmp;

    final CliRun cli = new CliRun();
    final StringWriter out = cli.out;
    final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    private Path profile(IceWarpServer server) throws Exception {
        return cli.profile(server, tmp);
    }

    @Test
    void pushListPullAndALockedResponder(IceWarpServer server) throws Exception {
        Path dir = profile(server);
        String api = server.icewarpApiUrl().toString();
        Path rules = Path.of("..", "docs", "rules-example.json");
        assertThat(run("rules", "push", "--dir", dir.toString(), "--api", api, "--file", rules.toString()))
                .as(err.toString()).isEqualTo(ExitCodes.PARTIAL);
        assertThat(out.toString()).contains("rules pushed; the server's language could not hold:",
                "Every condition kind (disabled): IceWarp's reject has no reason text");

        assertThat(run("rules", "list", "--dir", dir.toString(), "--api", api)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("1. [on]  Invoices from partners", "2. [off] Every condition kind",
                "auto-responder: again_after_days");

        assertThat(run("rules", "pull", "--dir", dir.toString(), "--api", api)).isZero();
        assertThat(RulesJson.read(out.toString(), "pulled").responder())
                .isEqualTo(RulesJson.read(Files.readString(rules), "example").responder());

        server.icewarpApi().right("jean@iwdemo.test", "A_Responder", TestIceWarpApi.Right.FORCED_READ);
        assertThat(run("responder", "show", "--dir", dir.toString(), "--api", api)).isZero();
        assertThat(out.toString()).contains("(locked by the administrator)");
        String before = server.icewarpApi().property("jean@iwdemo.test", "A_Responder").orElseThrow();
        assertThat(run("responder", "set", "--dir", dir.toString(), "--api", api, "--mode", "off"))
                .isEqualTo(ExitCodes.SERVER);
        assertThat(err.toString()).contains("responder is locked", "administrator");
        assertThat(server.icewarpApi().property("jean@iwdemo.test", "A_Responder")).contains(before);
    }

    @Test
    void withoutAnAddressTheCommandSaysWhichStoresItTried(IceWarpServer server) throws Exception {
        Path dir = profile(server);
        // Nothing answers on 127.0.0.1:443 or :4190 here, so both automatic choices fail.
        int code = run("rules", "list", "--dir", dir.toString());
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("no rule store answers", "icewarpapi", "4190");
    }
}
