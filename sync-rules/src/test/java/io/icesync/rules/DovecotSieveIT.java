package io.icesync.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.AuthenticationException;
import io.icesync.core.Endpoint;
import io.icesync.core.ProtocolException;
import io.icesync.core.Security;
import io.icesync.core.UntrustedCertificateException;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.core.tls.CapturingTrust;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules written by IceSync, pushed by ManageSieve to Dovecot, really act at delivery (dovecot-lda):
 * the message lands in the folder the rule names with its flags, and the auto-responder answers
 * once per sender.
 */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class DovecotSieveIT {
    static final Path PEERS = io.icesync.testkit.Peers.file("dovecot");
    static final String USER = "josephine@iwdemo.test";
    static final Endpoint SIEVE = new Endpoint("127.0.0.1", 14190, Security.STARTTLS);

    @TempDir
    Path tmp;

    static CertificateTrust trust() throws Exception {
        return CertificateTrust.inMemory(CapturingTrust.parsePem(Files.readString(PEERS.resolve("cert.pem"))).get(0));
    }

    @Test
    void aPushedRuleFilesAndFlagsAndTheResponderAnswersOncePerSender() throws Exception {
        String folder = "Factures-" + UUID.randomUUID().toString().substring(0, 6);
        RuleSet rules = RuleSet.empty()
                .add(new Rule("Invoices", true, new Condition.Header(Condition.Field.SUBJECT, StringTest.contains("facture")),
                        List.of(new Action.SetFlags(List.of("\\Flagged", "$facture")), new Action.MoveTo(folder))))
                .withResponder(new AutoResponder(AutoResponder.Mode.ONCE_PER_SENDER, 0, LocalDate.now().minusDays(1),
                        LocalDate.now().plusDays(1), List.of("*@noreply.example"), true, null, "Absent: %%Subject%%",
                        "Je suis absente."));
        try (SieveRulesProvider p = SieveRulesProvider.connect(SIEVE, USER, "secret".toCharArray(), trust())) {
            RulesProvider.PushReport report = p.push(rules);
            assertThat(report.unsupported()).anySatisfy(u -> assertThat(u).contains("once per sender"));
            assertThat(p.pull()).isEqualTo(rules);
            assertThat(p.script()).contains("fileinto \"" + folder + "\"", "addflag [\"\\\\Flagged\", \"$facture\"]",
                    "vacation :days 365");
        }

        // dovecot-lda runs the "sendmail" of the vacation action as the mail user, not as us.
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path outbox = Files.createDirectories(tmp.resolve("outbox"));
        Files.setPosixFilePermissions(outbox, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path sendmail = tmp.resolve("sendmail");
        Files.writeString(sendmail, "#!/bin/sh\ncat > \"" + outbox + "/$(date +%s%N).eml\"\n");
        Files.setPosixFilePermissions(sendmail, PosixFilePermissions.fromString("rwxr-xr-x"));
        String id = UUID.randomUUID().toString().substring(0, 8);
        // Vacation remembers whom it answered: a sender of this run only.
        String renee = "renee+" + id + "@partner.example";
        deliver(sendmail, renee, "Facture 42 " + id);
        deliver(sendmail, renee, "Facture 43 " + id);
        deliver(sendmail, "robot@noreply.example", "Facture 44 " + id);

        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", 10143, USER, "secret");
        try {
            Folder f = store.getFolder(folder);
            f.open(Folder.READ_WRITE);
            assertThat(f.getMessages()).hasSize(3).allSatisfy(m -> {
                assertThat(m.isSet(Flags.Flag.FLAGGED)).isTrue();
                assertThat(m.getFlags().contains("$facture")).isTrue();
            });
            f.close(true);
            f.delete(false);
        } finally {
            store.close();
        }
        List<String> replies;
        try (Stream<Path> s = Files.list(outbox)) {
            replies = s.map(x -> {
                try {
                    return Files.readString(x, StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(replies).as("one answer for two messages of one sender, none to the no-reply list").singleElement()
                .satisfies(r -> assertThat(r).contains(renee, "Absent: Facture 42", "Je suis absente."));
    }

    @Test
    void theScriptForEveryConditionAndActionKindIsValidSieveForDovecot() throws Exception {
        RuleSet every = RulesJson.read(Files.readString(Path.of("..", "docs", "rules-example.json")), "example")
                .enable(1, true);
        try (SieveRulesProvider p = SieveRulesProvider.connect(SIEVE, USER, "secret".toCharArray(), trust())) {
            RulesProvider.PushReport report = p.push(every);
            assertThat(report.unsupported()).anySatisfy(u -> assertThat(u).contains("inDnsbl"))
                    .anySatisfy(u -> assertThat(u).contains("quarantine"))
                    .anySatisfy(u -> assertThat(u).contains("xmpp:"));
            assertThat(p.pull()).isEqualTo(every);
            p.push(RuleSet.empty());
        }
    }

    @Test
    void aWrongPasswordAnUntrustedServerAndABadScriptAreTypedErrors() throws Exception {
        assertThatThrownBy(() -> SieveRulesProvider.connect(SIEVE, USER, "nope".toCharArray(), trust()))
                .isInstanceOf(AuthenticationException.class).hasMessageNotContaining("nope");
        assertThatThrownBy(() -> SieveRulesProvider.connect(SIEVE, USER, "secret".toCharArray(), CertificateTrust.inMemory()))
                .isInstanceOf(UntrustedCertificateException.class);
        try (ManageSieve s = ManageSieve.open(SIEVE, USER, "secret".toCharArray(), trust(), java.time.Duration.ofSeconds(5))) {
            assertThat(s.capabilities()).containsKey("SIEVE");
            assertThatThrownBy(() -> s.putScript("broken", "if header :frobnicate \"x\" { keep; }"))
                    .isInstanceOf(ProtocolException.class).hasMessageContaining("broken");
        }
    }

    private void deliver(Path sendmail, String from, String subject) throws Exception {
        String msg = "From: " + from + "\r\nTo: " + USER + "\r\nSubject: " + subject + "\r\nMessage-ID: <"
                + UUID.randomUUID() + "@x>\r\n\r\nBonjour\r\n";
        Process p = new ProcessBuilder("/usr/lib/dovecot/dovecot-lda", "-c", PEERS.resolve("dovecot.conf").toString(),
                "-o", "lda_mailbox_autocreate=yes", "-o", "sendmail_path=" + sendmail, "-d", USER, "-f", from)
                .redirectErrorStream(true).start();
        p.getOutputStream().write(msg.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
    }
}
