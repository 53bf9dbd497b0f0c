package io.icesync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Endpoint;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.Security;
import io.icesync.core.spi.RemoteItem;
import io.icesync.imap.ImapRemoteStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** PITFALL 8: a 200 MB message goes down and up with the CLI, run by its launcher, held to a 64 MB heap. */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class LargeMessageIT {
    static final String USER = "josephine@iwdemo.test";
    static final int PORT = Integer.getInteger("icesync.dovecot.port", 10143);
    static final long SIZE = 200L * 1024 * 1024;

    @TempDir
    Path dir;

    /** A message of {@code size} bytes: a header, then base64-looking lines made on the fly. */
    static InputStream bigMessage(String messageId, long size) {
        byte[] header = ("Message-ID: " + messageId + "\r\nSubject: big\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] line = ("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            long pos;

            @Override
            public int read() {
                if (pos >= size) {
                    return -1;
                }
                long p = pos++;
                return p < header.length ? header[(int) p] : line[(int) ((p - header.length) % line.length)];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - pos);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) read();
                }
                return n;
            }
        };
    }

    private static ImapRemoteStore josephine() {
        return ImapRemoteStore.builder().endpoint(new Endpoint("127.0.0.1", PORT, Security.PLAIN)).login(USER)
                .password("secret".toCharArray()).build();
    }

    /**
     * Runs the CLI as users do, through the {@code icesync} launcher at the repository's root (its JVM
     * options: small start heap, class archive), on this test's JDK, with the heap capped at 64 MB on top.
     */
    private int cli(Path jar, String... args) throws Exception {
        Path launcher = jar.getParent().getParent().getParent().resolve("icesync");
        List<String> cmd = new ArrayList<>(List.of("bash", launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("cli.log").toFile());
        pb.environment().put("ICESYNC_BIG_PASSWORD", "secret");
        pb.environment().put("ICESYNC_JAVA", Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().put("ICESYNC_JAVA_OPTS", "-Xmx64m");
        Process p = pb.start();
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    @Test
    void twoHundredMegabytesEachWayUnderA64MegabyteHeap() throws Exception {
        Path jar = Paths.get("target", "icesync.jar").toAbsolutePath();
        FolderPath big = FolderPath.of("Big-" + UUID.randomUUID().toString().substring(0, 8));
        try (ImapRemoteStore server = josephine()) {
            server.createFolder(big, FolderKind.MAIL);
            server.append(big, Flags.NONE, null, SIZE, () -> bigMessage("<down@icesync.test>", SIZE));
            Path profile = dir.resolve("profile");
            assertThat(cli(jar, "profile", "create", "--dir", profile.toString(), "--email", USER, "--imap",
                    "127.0.0.1:" + PORT, "--security", "plain", "--password-env", "ICESYNC_BIG_PASSWORD")).isZero();

            assertThat(cli(jar, "sync", "--dir", profile.toString(), "--once", "-q")).as(log()).isZero();
            Path local = profile.resolve("mail").resolve(big.name()).resolve("cur");
            assertThat(sizes(local)).containsExactly(SIZE);

            Path mine = Files.createDirectories(profile.resolve("mail").resolve(big.name()).resolve("new"))
                    .resolve("1790000000.big.localhost");
            try (InputStream in = bigMessage("<up@icesync.test>", SIZE); OutputStream out = Files.newOutputStream(mine)) {
                in.transferTo(out);
            }
            assertThat(cli(jar, "sync", "--dir", profile.toString(), "--once", "-q")).as(log()).isZero();
            assertThat(server.changes(big, null, true).items()).extracting(RemoteItem::messageId, RemoteItem::size)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("<down@icesync.test>", SIZE),
                            org.assertj.core.groups.Tuple.tuple("<up@icesync.test>", SIZE));
        } finally {
            try (ImapRemoteStore server = josephine()) {
                server.deleteFolder(big);
            }
        }
    }

    private String log() throws IOException {
        return Files.exists(dir.resolve("cli.log")) ? Files.readString(dir.resolve("cli.log")) : "";
    }

    private static List<Long> sizes(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.toFile().length()).toList();
        }
    }
}
