package io.icesync.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Endpoint;
import io.icesync.core.Security;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.core.tls.CapturingTrust;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.HeaderTerm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The dry run and Dovecot agree, message by message: one rule file (each rule sets a keyword named
 * after it) is pushed over ManageSieve, messages are delivered through dovecot-lda, and the keywords
 * each message got are the rules the dry run says match it.
 */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class DovecotRulesAgreementIT {
    static final Path PEERS = io.icesync.testkit.Peers.file("dovecot");
    static final String USER = "jean@iwdemo.test";
    static final Endpoint SIEVE = new Endpoint("127.0.0.1", 14190, Security.STARTTLS);
    static final String PDF = "Content-Type: application/pdf; name=facture-42.pdf\r\n"
            + "Content-Disposition: attachment; filename=facture-42.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n";
    static final String JPG = "Content-Type: image/jpeg; name=photo.JPG\r\nContent-Transfer-Encoding: base64\r\n\r\n/9j/\r\n";

    /** Headers and, when parts are given, a multipart/mixed body; a text body otherwise. */
    static String message(String headers, String text, String... parts) {
        if (parts.length == 0) {
            return headers + "\r\n" + text + "\r\n";
        }
        StringBuilder b = new StringBuilder(headers).append("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b1\r\n\r\n")
                .append("--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n").append(text).append("\r\n");
        for (String p : parts) {
            b.append("--b1\r\n").append(p);
        }
        return b.append("--b1--\r\n").toString();
    }

    static Map<String, String> corpus() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("invoice", message("From: =?UTF-8?Q?Ren=C3=A9e_Dupont?= <renee@partner.example>\r\nTo: jean@iwdemo.test\r\n"
                + "Subject: Facture INV-2024 42\r\n", "Bonjour, voici la facture.", PDF));
        m.put("newsletter", message("From: billing@partner.example\r\nTo: team@iwdemo.test\r\nReply-To: support@partner.example\r\n"
                + "Subject: Re: newsletter of May\r\n", "Nothing urgent."));
        m.put("display name only", message("From: Partner Example <x@other.example>\r\nTo: TEAM@iwdemo.test\r\n"
                + "Cc: Team <TEAM@iwdemo.test>\r\nReply-To: support@other.example\r\nSubject: INV-20245 is not INV-2024\r\n",
                "urgent: call me"));
        m.put("photo", message("From: boss@iwdemo.test\r\nTo: jean@iwdemo.test\r\nSubject: Re:photo\r\n", "a photo", JPG));
        m.put("plain", message("From: someone@elsewhere.example\r\nTo: jean@iwdemo.test\r\nCc: team@iwdemo.test, x@y.example\r\n"
                + "Subject: (INV-1234)\r\n", "hello"));
        return m;
    }

    static CertificateTrust trust() throws Exception {
        return CertificateTrust.inMemory(CapturingTrust.parsePem(Files.readString(PEERS.resolve("cert.pem"))).get(0));
    }

    @Test
    void theDryRunAndDovecotAgreeMessageByMessage() throws Exception {
        String json = new String(DovecotRulesAgreementIT.class.getResourceAsStream("/agreement-rules.json").readAllBytes(),
                StandardCharsets.UTF_8);
        RuleSet rules = RulesJson.read(json, "agreement-rules.json");
        try (SieveRulesProvider p = SieveRulesProvider.connect(SIEVE, USER, "secret".toCharArray(), trust())) {
            RulesProvider.PushReport report = p.push(rules);
            assertThat(report.unsupported()).as("every rule of the file can be written for Dovecot")
                    .allSatisfy(u -> assertThat(u).contains("the list's values of the time of the push"));
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, TreeSet<String>> predicted = new LinkedHashMap<>();
        Map<String, String> ids = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> e : corpus().entrySet()) {
                String id = "<" + run + "-" + ids.size() + "@agreement.test>";
                ids.put(e.getKey(), id);
                byte[] msg = ("Message-ID: " + id + "\r\n" + e.getValue()).getBytes(StandardCharsets.UTF_8);
                TreeSet<String> names = new TreeSet<>();
                DryRun.run(rules, msg, DeliveryContext.to(USER)).matched().forEach(x -> names.add(x.rule()));
                predicted.put(e.getKey(), names);
                deliver(msg);
            }
        } finally {
            try (SieveRulesProvider p = SieveRulesProvider.connect(SIEVE, USER, "secret".toCharArray(), trust())) {
                p.push(RuleSet.empty());
            }
        }

        Map<String, TreeSet<String>> delivered = new LinkedHashMap<>();
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", 10143, USER, "secret");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            for (Map.Entry<String, String> e : ids.entrySet()) {
                Message[] found = inbox.search(new HeaderTerm("Message-ID", e.getValue()));
                assertThat(found).as(e.getKey()).hasSize(1);
                delivered.put(e.getKey(), new TreeSet<>(Arrays.stream(found[0].getFlags().getUserFlags())
                        .filter(f -> f.startsWith("$r")).toList()));
                found[0].setFlag(jakarta.mail.Flags.Flag.DELETED, true);
            }
            inbox.close(true);
        } finally {
            store.close();
        }
        assertThat(delivered).isEqualTo(predicted);
        // What both must say: an address test on the address, a POSIX-written regex, lists, attachments.
        assertThat(predicted.get("invoice")).contains("$r01", "$r03", "$r04", "$r05", "$r06");
        assertThat(predicted.get("display name only")).contains("$r02", "$r08").doesNotContain("$r01", "$r11");
        assertThat(predicted.get("photo")).contains("$r05", "$r12").doesNotContain("$r06", "$r10");
        assertThat(predicted.get("plain")).contains("$r03", "$r08", "$r10");
        // The corpus reaches every rule at least once, and not every rule everywhere.
        List<String> hit = new ArrayList<>();
        predicted.values().forEach(hit::addAll);
        assertThat(new TreeSet<>(hit)).hasSize(rules.rules().size());
        assertThat(predicted.values()).allSatisfy(s -> assertThat(s).hasSizeLessThan(rules.rules().size()));
    }

    private static void deliver(byte[] msg) throws Exception {
        Process p = new ProcessBuilder("/usr/lib/dovecot/dovecot-lda", "-c", PEERS.resolve("dovecot.conf").toString(),
                "-d", USER, "-f", "sender@agreement.test").redirectErrorStream(true).start();
        p.getOutputStream().write(msg);
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
    }
}
