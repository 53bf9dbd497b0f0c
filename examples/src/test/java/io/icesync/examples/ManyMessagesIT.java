package io.icesync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.Messages;
import io.icesync.testkit.TestAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PITFALL 9: a 100,000-message account synced by the CLI held to a 64 MB heap, then resynced after
 * changes on the server: the heap does not grow with the mailbox.
 */
class ManyMessagesIT {
    static final int MESSAGES = 100_000;
    static final String USER = "jean@iwdemo.test";

    @TempDir
    Path dir;

    @Test
    void aHundredThousandMessagesUnderA64MegabyteHeap() throws Exception {
        try (IceWarpServer server = IceWarpServer.start(USER, "secret")) {
            TestAccount a = server.account(USER);
            String[] folders = {"INBOX", "Archive/2024", "Archive/2025", "Listes/dev"};
            for (int i = 0; i < MESSAGES; i++) {
                String f = folders[i % folders.length];
                a.create(f).append(Messages.simple("<m" + i + "@iwdemo.test>", "Message " + i),
                        i % 3 == 0 ? new String[] {"\\Seen"} : new String[0]);
            }
            Path profile = dir.resolve("profile");
            assertThat(cli("profile", "create", "--dir", profile.toString(), "--email", USER, "--imap",
                    "127.0.0.1:" + server.imap().port(), "--security", "plain", "--password-env", "ICESYNC_PW")).isZero();
            assertThat(cli("sync", "--dir", profile.toString(), "--once", "-q")).as(log()).isZero();
            assertThat(countFiles(profile.resolve("mail"))).isEqualTo(MESSAGES);

            a.mailbox("INBOX").expunge(1, 2, 3);
            a.mailbox("Listes/dev").append(Messages.simple("<late@iwdemo.test>", "late"));
            assertThat(cli("sync", "--dir", profile.toString(), "--once", "-q")).as(log()).isZero();
            assertThat(countFiles(profile.resolve("mail"))).isEqualTo(MESSAGES - 3 + 1);
        }
    }

    private int cli(String... args) throws Exception {
        Path jar = Paths.get("target", "icesync.jar").toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("cli.log").toFile());
        pb.environment().put("ICESYNC_PW", "secret");
        Process p = pb.start();
        assertThat(p.waitFor(900, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    private String log() throws IOException {
        return Files.exists(dir.resolve("cli.log")) ? Files.readString(dir.resolve("cli.log")) : "";
    }

    private static long countFiles(Path mail) throws IOException {
        try (Stream<Path> s = Files.walk(mail)) {
            return s.filter(p -> {
                String parent = p.getParent().getFileName().toString();
                return Files.isRegularFile(p) && (parent.equals("cur") || parent.equals("new"));
            }).count();
        }
    }
}
