package io.icesync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Endpoint;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.Security;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.store.LocalStores;
import io.icesync.imap.ImapRemoteStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of a revoked share as a user meets it, on Dovecot: josephine shares a folder with jean
 * read-only, jean subscribes and writes many messages into his copy that cannot go up, josephine
 * revokes; the CLI is killed with SIGKILL at random moments of the syncs that keep those messages aside
 * and upload them, then run to the end. Each message must then be in jean's kept-aside folder exactly
 * once, locally and on the server, and the copy of the share gone. What it made is deleted at the end.
 */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class ShareKillIT {
    static final String JEAN = "jean@iwdemo.test";
    static final String JOSEPHINE = "josephine@iwdemo.test";
    static final int MESSAGES = Integer.getInteger("icesync.kill.shared", 600);

    @TempDir
    Path dir;

    static ImapRemoteStore imap(String user) {
        return ImapRemoteStore.builder().endpoint(new Endpoint("127.0.0.1", CliKillIT.PORT, Security.PLAIN))
                .login(user).password("secret".toCharArray()).build();
    }

    @Test
    void killedWhileKeepingARevokedSharesItemsAsideThenRerunKeepsEachOnce() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        FolderPath own = FolderPath.of("share-kill-" + id);
        FolderPath share = FolderPath.of("shared", JOSEPHINE, own.name());
        FolderPath aside = FolderPath.of("Kept aside", "josephine@iwdemo_test", own.name());
        try (ImapRemoteStore jos = imap(JOSEPHINE)) {
            jos.connect();
            jos.createFolder(own, FolderKind.MAIL);
            byte[] m = ("Message-ID: <kill-first-" + id + "@iwdemo.test>\r\nSubject: first\r\n\r\nhello\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            jos.append(own, Flags.NONE, Instant.now(), m.length, () -> new ByteArrayInputStream(m));
            jos.setAccess(own, JEAN, "lrs");
        }
        List<String> written = new ArrayList<>();
        try {
            Path jar = Paths.get("target", "icesync.jar").toAbsolutePath();
            assertThat(jar).exists();
            CliKillIT.run(jar, 30, "profile", "create", "--dir", dir.toString(), "--email", JEAN, "--imap",
                    "127.0.0.1:" + CliKillIT.PORT, "--security", "plain", "--user", JEAN, "--password-env",
                    "ICESYNC_KILL_PASSWORD");
            assertThat(CliKillIT.run(jar, 60, "shared", "subscribe", "--dir", dir.toString(), share.join('/'))).isZero();
            assertThat(CliKillIT.run(jar, 300, "sync", "--dir", dir.toString(), "--once", "-q")).isZero();
            try (LocalStore mail = LocalStores.maildir(dir.resolve("mail"))) {
                for (int i = 0; i < MESSAGES; i++) {
                    String mid = "<kill-" + i + "-" + id + "@iwdemo.test>";
                    written.add(mid);
                    byte[] m = ("Message-ID: " + mid + "\r\nSubject: written " + i + "\r\n\r\nbody " + i + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII);
                    mail.add(share, Flags.NONE, 0, new ByteArrayInputStream(m));
                }
                mail.flush();
            }
            try (ImapRemoteStore jos = imap(JOSEPHINE)) {
                jos.connect();
                jos.removeAccess(own, JEAN);
            }

            long seed = Long.getLong("icesync.kill.seed", System.nanoTime());
            Random rnd = new Random(seed);
            int killed = 0;
            for (int i = 0; i < 6; i++) {
                Process p = CliKillIT.start(jar, "sync", "--dir", dir.toString(), "--once", "-q");
                if (!p.waitFor(300 + rnd.nextInt(2500), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly().waitFor();
                    killed++;
                }
            }
            assertThat(killed).as("kills that landed during a sync (seed %d)", seed).isPositive();
            assertThat(CliKillIT.run(jar, 600, "sync", "--dir", dir.toString(), "--once", "-q")).isZero();
            assertThat(CliKillIT.run(jar, 600, "sync", "--dir", dir.toString(), "--once", "-q")).isZero();

            List<String> want = new ArrayList<>(written);
            java.util.Collections.sort(want);
            var local = CliKillIT.localTree(dir.resolve("mail"));
            assertThat(local).as("the copy of the share is gone (seed %d)", seed).doesNotContainKey(share.join('/'));
            assertThat(local.get(aside.join('/'))).as("kept aside locally, each once (seed %d)", seed).isEqualTo(want);
            try (ImapRemoteStore jean = imap(JEAN)) {
                jean.connect();
                for (String mid : List.of(want.get(0), want.get(want.size() / 2), want.get(want.size() - 1))) {
                    assertThat(jean.findByMessageId(aside, mid)).as("on the server once: %s", mid).hasSize(1);
                }
                List<String> onServer = jean.changes(aside, null, true).items().stream()
                        .map(io.icesync.core.spi.RemoteItem::messageId).sorted().toList();
                assertThat(onServer).as("on the server, each once (seed %d)", seed).isEqualTo(want);
            }
        } finally {
            try (ImapRemoteStore jos = imap(JOSEPHINE)) {
                jos.connect();
                jos.deleteFolder(own);
            }
            try (ImapRemoteStore jean = imap(JEAN)) {
                jean.connect();
                for (FolderPath f = aside; !f.isRoot(); f = f.parent()) {
                    try {
                        jean.deleteFolder(f);
                    } catch (RuntimeException e) {
                        break;
                    }
                }
            }
        }
    }
}
