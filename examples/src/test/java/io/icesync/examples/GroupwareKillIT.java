package io.icesync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Endpoint;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.Security;
import io.icesync.imap.ImapRemoteStore;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of groupware as a user meets it: the CLI is killed with SIGKILL at random moments of an
 * initial sync of an address book of 1,500 contacts on Dovecot (typed through METADATA), then run again
 * to the end. The vdir must then hold each contact exactly once, and the server must not have gained a
 * copy of any of them.
 */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class GroupwareKillIT {
    static final String USER = "jean@iwdemo.test";
    static final int CONTACTS = Integer.getInteger("icesync.kill.contacts", 1500);

    @TempDir
    Path dir;

    @Test
    void killedAtRandomMomentsThenRerunGivesEachContactOnce() throws Exception {
        String name = "Contacts-kill-" + UUID.randomUUID().toString().substring(0, 8);
        try (ImapRemoteStore r = ImapRemoteStore.builder().endpoint(new Endpoint("127.0.0.1", CliKillIT.PORT, Security.PLAIN))
                .login(USER).password("secret".toCharArray()).build()) {
            r.connect();
            r.createFolder(FolderPath.of(name), FolderKind.CONTACTS);
        }
        try {
            fill(name);
            Path jar = Paths.get("target", "icesync.jar").toAbsolutePath();
            CliKillIT.run(jar, 30, "profile", "create", "--dir", dir.toString(), "--email", USER, "--imap",
                    "127.0.0.1:" + CliKillIT.PORT, "--security", "plain", "--user", USER, "--password-env",
                    "ICESYNC_KILL_PASSWORD");
            long seed = Long.getLong("icesync.kill.seed", System.nanoTime());
            Random rnd = new Random(seed);
            int killed = 0;
            for (int i = 0; i < 6; i++) {
                Process p = CliKillIT.start(jar, "sync", "--dir", dir.toString(), "--once", "-q");
                if (!p.waitFor(300 + rnd.nextInt(3000), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly().waitFor();
                    killed++;
                }
            }
            assertThat(killed).as("kills that landed during a sync (seed %d)", seed).isPositive();
            assertThat(CliKillIT.run(jar, 600, "sync", "--dir", dir.toString(), "--once", "-q")).isZero();

            Path book = dir.resolve("groupware").resolve(name);
            Set<String> uids = new HashSet<>();
            int files = 0;
            try (Stream<Path> s = Files.list(book)) {
                for (Path f : s.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                    files++;
                    String text = Files.readString(f);
                    uids.add(text.substring(text.indexOf("UID:") + 4, text.indexOf('\r', text.indexOf("UID:"))));
                }
            }
            assertThat(files).as("contact files after kills (seed %d)", seed).isEqualTo(CONTACTS);
            assertThat(uids).as("distinct contacts (seed %d)", seed).hasSize(CONTACTS);
            assertThat(serverCount(name)).as("messages on the server after kills (seed %d)", seed).isEqualTo(CONTACTS);
        } finally {
            try (ImapRemoteStore r = ImapRemoteStore.builder().endpoint(new Endpoint("127.0.0.1", CliKillIT.PORT, Security.PLAIN))
                    .login(USER).password("secret".toCharArray()).build()) {
                r.connect();
                r.deleteFolder(FolderPath.of(name));
            }
        }
    }

    private static Store store() throws Exception {
        Store s = Session.getInstance(new Properties()).getStore("imap");
        s.connect("127.0.0.1", CliKillIT.PORT, USER, "secret");
        return s;
    }

    private static void fill(String name) throws Exception {
        Session session = Session.getInstance(new Properties());
        try (Store s = store()) {
            Folder f = s.getFolder(name);
            f.open(Folder.READ_WRITE);
            for (int from = 0; from < CONTACTS; from += 250) {
                List<Message> batch = new java.util.ArrayList<>();
                for (int i = from; i < Math.min(CONTACTS, from + 250); i++) {
                    String card = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:kill-" + i + "\r\nFN:Contact " + i + "\r\nEMAIL:c" + i
                            + "@example.com\r\nNOTE:" + "x".repeat(i % 7 * 300) + "\r\nEND:VCARD\r\n";
                    String msg = "Message-ID: <kill-" + i + "@other>\r\nFrom: a@example.com\r\nSubject: Contact " + i
                            + "\r\nDate: Mon, 02 Nov 2026 08:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                            + "Content-Type: text/vcard; charset=utf-8\r\n\r\n" + card;
                    batch.add(new MimeMessage(session, new ByteArrayInputStream(msg.getBytes(StandardCharsets.UTF_8))));
                }
                f.appendMessages(batch.toArray(new Message[0]));
            }
            f.close(false);
        }
    }

    private static int serverCount(String name) throws Exception {
        try (Store s = store()) {
            Folder f = s.getFolder(name);
            f.open(Folder.READ_ONLY);
            int n = f.getMessageCount();
            f.close(false);
            return n;
        }
    }
}
