package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.rules.RulesJson;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.TestIceWarpApi;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rules and responder commands through the test server's /icewarpapi/, as a user runs them. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class IceWarpRulesCliTest {
    @TempDir
    Path tmp;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int run(String... args) {
        InputStream stdin = System.in;
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        try {
            System.setIn(new ByteArrayInputStream("secret\n".getBytes(StandardCharsets.UTF_8)));
            return new IceSyncCli().execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        } finally {
            System.setIn(stdin);
        }
    }

    private Path profile(IceWarpServer server) throws Exception {
        Path pem = tmp.resolve("server.pem");
        Files.writeString(pem, server.certificatePem());
        Path dir = tmp.resolve("p");
        assertThat(run("profile", "create", "--dir", dir.toString(), "--email", "jean@iwdemo.test", "--imap",
                "127.0.0.1:" + server.imaps().port(), "--security", "ssl", "--trust-cert", pem.toString(),
                "--password-stdin")).as(err.toString()).isZero();
        return dir;
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
