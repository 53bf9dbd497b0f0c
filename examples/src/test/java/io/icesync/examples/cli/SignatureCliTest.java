package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.client.IceSync;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.TestIceWarpApi;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** icesync signature show|pull|push and settings set syncSignature, against the test server's XML API. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class SignatureCliTest {
    static final String JEAN = "jean@iwdemo.test";

    @TempDir
    Path tmp;

    final CliRun cli = new CliRun();

    @Test
    void pullShowEditPushAndALockedSignature(IceWarpServer server) throws Exception {
        Path dir = cli.profile(server, tmp);
        IceSync.updateProfile(dir, p -> p.withServices(p.services().withXmlApi(server.icewarpApiUrl())));
        String d = dir.toString();
        server.icewarpApi().signature(JEAN, "<p>Jean Dupont<br>Ventes</p>");

        assertThat(cli.run("signature", "show", "--dir", d)).isZero();
        assertThat(cli.out.toString()).contains("no signature", "icesync signature pull");

        assertThat(cli.run("signature", "pull", "--dir", d)).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("signature pulled");
        assertThat(cli.run("signature", "show", "--dir", d)).isZero();
        assertThat(cli.out.toString()).isEqualToNormalizingNewlines("Jean Dupont\nVentes\n");
        assertThat(cli.run("signature", "show", "--dir", d, "--html")).isZero();
        assertThat(cli.out.toString()).contains("<p>Jean Dupont<br>Ventes</p>");

        Files.writeString(dir.resolve("signature.txt"), "Jean Dupont\nDirection");
        assertThat(cli.run("signature", "push", "--dir", d)).as(cli.err.toString()).isZero();
        assertThat(server.icewarpApi().signature(JEAN)).isEqualTo("<div>Jean Dupont<br>Direction</div>");

        server.icewarpApi().right(JEAN, TestIceWarpApi.SIGNATURE, TestIceWarpApi.Right.FORCED_READ);
        Files.writeString(dir.resolve("signature.html"), "<p>refused</p>");
        assertThat(cli.run("signature", "push", "--dir", d)).isEqualTo(ExitCodes.SERVER);
        assertThat(cli.err.toString()).contains("signature is locked", "administrator");
        assertThat(server.icewarpApi().signature(JEAN)).isEqualTo("<div>Jean Dupont<br>Direction</div>");

        assertThat(cli.run("settings", "set", "--dir", d, "syncSignature", "true")).as(cli.err.toString()).isZero();
        assertThat(IceSync.readProfile(dir).settings().syncSignature()).isTrue();
    }

    @Test
    void withoutAnXmlApiPullSaysWhatFailed(IceWarpServer server) throws Exception {
        Path dir = cli.profile(server, tmp);
        server.icewarpApi().enabled(false);
        IceSync.updateProfile(dir, p -> p.withServices(p.services().withXmlApi(server.icewarpApiUrl())));
        assertThat(cli.run("signature", "pull", "--dir", dir.toString())).isEqualTo(ExitCodes.SERVER);
        assertThat(cli.err.toString()).contains("icewarpapi", "404");
        assertThat(dir.resolve("signature.html")).doesNotExist();
    }
}
