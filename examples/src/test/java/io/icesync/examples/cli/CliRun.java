package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.testkit.IceWarpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs icesync commands as a user types them, the password "secret" on standard input, and keeps what they print. */
final class CliRun {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Runs one command with fresh output buffers; returns its exit code. */
    int run(String... args) {
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

    /** A profile for jean@iwdemo.test on the test server's IMAPS, its certificate trusted, in {@code tmp/p}. */
    Path profile(IceWarpServer server, Path tmp) throws IOException {
        Path pem = tmp.resolve("server.pem");
        Files.writeString(pem, server.certificatePem());
        Path dir = tmp.resolve("p");
        assertThat(run("profile", "create", "--dir", dir.toString(), "--email", "jean@iwdemo.test", "--imap",
                "127.0.0.1:" + server.imaps().port(), "--security", "ssl", "--trust-cert", pem.toString(),
                "--password-stdin")).as(err.toString()).isZero();
        return dir;
    }
}
