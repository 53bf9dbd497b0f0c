package io.icesync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icesync.client.IceSync;
import io.icesync.client.OutboxMessage;
import io.icesync.client.Profile;
import io.icesync.core.Account;
import io.icesync.core.Endpoint;
import io.icesync.core.Security;
import io.icesync.testkit.Peers;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.HeaderTerm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sending against real servers: the peer SMTP submission server (aiosmtpd, STARTTLS on 10587 with its
 * own certificate, AUTH, 550 for recipients starting with "reject") and Dovecot's IMAP for the Sent copy.
 * The kill test SIGKILLs the CLI at random moments while it sends, then runs it to the end: every queued
 * message was received by the SMTP server exactly once and is in Sent exactly once.
 */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class SmtpSendingIT {
    static final String USER = "jean@iwdemo.test";
    static final int IMAP_PORT = Integer.getInteger("icesync.dovecot.port", 10143);
    static final int SMTP_PORT = Integer.getInteger("icesync.smtp.port", 10587);

    @TempDir
    Path dir;

    /** The Sent copies this class made, deleted after each test: the account is shared with other interop tests. */
    @AfterEach
    void removeSentCopies() throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", IMAP_PORT, USER, "secret");
            Folder sent = store.getFolder("Sent");
            if (!sent.exists()) {
                return;
            }
            sent.open(Folder.READ_WRITE);
            try {
                for (jakarta.mail.Message m : sent.getMessages()) {
                    String[] id = m.getHeader("Message-ID");
                    if (id != null && id.length > 0 && (id[0].startsWith("<it-") || id[0].startsWith("<kill-"))) {
                        m.setFlag(jakarta.mail.Flags.Flag.DELETED, true);
                    }
                }
            } finally {
                sent.close(true);
            }
        }
    }

    @Test
    void aQueuedMessageReachesThePeerOnceAndDovecotsSentOnceAndARejectedRecipientIsNamed() throws Exception {
        String run = Long.toString(System.nanoTime());
        Profile p = Profile.of(new Account(USER, USER, new Endpoint("127.0.0.1", IMAP_PORT, Security.PLAIN)));
        p = p.withServices(p.services().withSmtp(new Endpoint("127.0.0.1", SMTP_PORT, Security.STARTTLS)))
                .withTrustedCertificatePem(Files.readString(Peers.file("smtp", "cert.pem")));
        String ok = "<it-" + run + "@iwdemo.test>";
        String refused = "<it-refused-" + run + "@iwdemo.test>";
        try (IceSync sync = IceSync.builder().firstSync(items -> io.icesync.core.engine.FirstSyncChoice.DELETE_LOCAL)
                .create(dir, p, "secret".toCharArray())) {
            sync.send(eml(ok, "someone@example.org", "Interop " + run));
            sync.send(eml(refused, "rejected-" + run + "@example.org", "Refused " + run));
            List<OutboxMessage> waiting = sync.sendOutbox();
            assertThat(waiting).singleElement().satisfies(m -> {
                assertThat(m.messageId()).isEqualTo(refused);
                assertThat(m.reason()).contains("refused the recipient rejected-" + run + "@example.org", "550");
            });
            sync.sendOutbox();
        }
        assertThat(received(ok)).isEqualTo(1);
        assertThat(received(refused)).isZero();
        assertThat(inSent(ok)).isEqualTo(1);
    }

    @Test
    void killedAtRandomMomentsWhileSendingThenRerunEveryMessageGoesExactlyOnce() throws Exception {
        Path jar = Paths.get("target", "icesync.jar").toAbsolutePath();
        assertThat(jar).exists();
        String run = Long.toString(System.nanoTime());
        Path profile = dir.resolve("p");
        Path pem = Files.copy(Peers.file("smtp", "cert.pem"), dir.resolve("smtp.pem"));
        assertThat(CliKillIT.run(jar, 60, "profile", "create", "--dir", profile.toString(), "--email", USER, "--imap",
                "127.0.0.1:" + IMAP_PORT, "--security", "plain", "--user", USER, "--password-env", "ICESYNC_KILL_PASSWORD",
                "--smtp", "127.0.0.1:" + SMTP_PORT, "--smtp-security", "starttls", "--trust-cert", pem.toString()))
                .isZero();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = "<kill-" + run + "-" + i + "@iwdemo.test>";
            ids.add(id);
            Path f = Files.write(dir.resolve(i + ".eml"), eml(id, "someone" + i + "@example.org", "Kill " + i));
            assertThat(CliKillIT.run(jar, 60, "send", "--dir", profile.toString(), f.toString())).isZero();
        }
        long seed = Long.getLong("icesync.kill.seed", System.nanoTime());
        Random rnd = new Random(seed);
        int killed = 0;
        for (int i = 0; i < 6; i++) {
            Process p = CliKillIT.start(jar, "sync", "--dir", profile.toString(), "--once", "-q");
            if (!p.waitFor(300 + rnd.nextInt(1500), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                killed++;
            }
        }
        assertThat(killed).as("kills that landed during a run (seed %d)", seed).isPositive();
        assertThat(CliKillIT.run(jar, 300, "sync", "--dir", profile.toString(), "--once", "-q")).isZero();

        for (String id : ids) {
            assertThat(received(id)).as("%s received by the SMTP server (seed %d)", id, seed).isEqualTo(1);
            assertThat(inSent(id)).as("%s in Sent (seed %d)", id, seed).isEqualTo(1);
        }
        try (var files = Files.list(profile.resolve("mail/Outbox/new"))) {
            assertThat(files.filter(f -> !f.getFileName().toString().startsWith("."))).isEmpty();
        }
    }

    static byte[] eml(String id, String to, String subject) {
        return ("Message-ID: " + id + "\r\nFrom: Jean <" + USER + ">\r\nTo: " + to + "\r\nBcc: hidden@example.org\r\n"
                + "Subject: " + subject + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nHello.\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** How many times the peer SMTP server logged accepting this Message-ID. */
    static long received(String id) throws Exception {
        Path log = Peers.file("smtp", "received", "log.jsonl");
        if (!Files.exists(log)) {
            return 0;
        }
        ObjectMapper m = new ObjectMapper();
        long n = 0;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            JsonNode e = m.readTree(line);
            if (id.equals(e.path("message_id").asText())) {
                n++;
            }
        }
        return n;
    }

    /** How many messages of Dovecot's Sent carry this Message-ID. */
    static int inSent(String id) throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", IMAP_PORT, USER, "secret");
            Folder sent = store.getFolder("Sent");
            sent.open(Folder.READ_ONLY);
            try {
                return sent.search(new HeaderTerm("Message-ID", id)).length;
            } finally {
                sent.close(false);
            }
        }
    }
}
