package io.icesync.examples.demo;

import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.TestAccount;
import io.icesync.testkit.TestMailbox;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Random;

/**
 * IceSync's embedded IceWarp-like test server on a free loopback port, seeded with a few hundred
 * messages in nested folders with non-ASCII names, flags and keywords, for the demo.
 */
final class DemoServer implements AutoCloseable {
    static final String USER = "jean@iwdemo.test";
    static final String PASSWORD = "demo-password";
    static final List<String> FOLDERS = List.of("INBOX", "Archive", "Archive/2025", "Projets", "Projets/Été 2026",
            "Clients", "Clients/Société Générale", "Newsletters");
    private static final String[] WORDS = ("réunion projet facture client livraison planning serveur synchronisation "
            + "calendrier contact tâche note rappel budget équipe rapport version sécurité certificat dossier").split(" ");

    final IceWarpServer server;
    final int port;

    DemoServer() {
        server = IceWarpServer.builder().account(USER, PASSWORD).start();
        port = server.imap().port();
    }

    /** Another mail client on the same account: how the demo makes changes on the server side. */
    Store client() throws MessagingException {
        Store s = Session.getInstance(new Properties()).getStore("imap");
        s.connect("127.0.0.1", port, USER, PASSWORD);
        return s;
    }

    /** Deterministic content: the same seed gives the same mailbox. Seeded straight into the server's model. */
    int seed(int messages, long seed) throws MessagingException, IOException {
        Random rnd = new Random(seed);
        TestAccount account = server.account(USER);
        Session session = Session.getInstance(new Properties());
        int total = 0;
        int inbox = messages / 3;
        int others = FOLDERS.size() - 1;
        for (int k = 0; k < FOLDERS.size(); k++) {
            String f = FOLDERS.get(k);
            TestMailbox box = account.create(f);
            // A third in INBOX, the rest spread over the other folders: exactly the number asked for.
            int n = k == 0 ? inbox : (messages - inbox) / others + (k - 1 < (messages - inbox) % others ? 1 : 0);
            for (int i = 0; i < n; i++) {
                MimeMessage m = message(session, f + "-" + i, rnd);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                m.writeTo(bytes);
                List<String> flags = new ArrayList<>();
                for (Flags.Flag system : m.getFlags().getSystemFlags()) {
                    flags.add(system == Flags.Flag.SEEN ? "\\Seen" : system == Flags.Flag.FLAGGED ? "\\Flagged" : null);
                }
                flags.removeIf(x -> x == null);
                flags.addAll(List.of(m.getFlags().getUserFlags()));
                box.append(bytes.toByteArray(), flags, m.getSentDate().toInstant());
                total++;
            }
        }
        return total;
    }

    static MimeMessage message(Session session, String id, Random rnd) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("sender" + rnd.nextInt(40) + "@example.org"));
        m.setRecipients(Message.RecipientType.TO, USER);
        StringBuilder subject = new StringBuilder();
        for (int w = 0; w < 2 + rnd.nextInt(5); w++) {
            subject.append(w == 0 ? "" : " ").append(WORDS[rnd.nextInt(WORDS.length)]);
        }
        m.setSubject(subject.toString(), "UTF-8");
        StringBuilder body = new StringBuilder();
        for (int line = 0; line < 20 + rnd.nextInt(200); line++) {
            for (int w = 0; w < 12; w++) {
                body.append(WORDS[rnd.nextInt(WORDS.length)]).append(' ');
            }
            body.append("\r\n");
        }
        m.setText(body.toString(), "UTF-8");
        m.setSentDate(new Date(1_735_689_600_000L + rnd.nextInt(300_000_000) * 100L));
        m.saveChanges();
        m.setHeader("Message-ID", "<demo-" + id + "@iwdemo.test>");
        double r = rnd.nextDouble();
        if (r < 0.7) {
            m.setFlag(Flags.Flag.SEEN, true);
        }
        if (r < 0.08) {
            m.setFlag(Flags.Flag.FLAGGED, true);
        }
        if (rnd.nextInt(20) == 0) {
            m.setFlags(new Flags("$label1"), true);
        }
        if (rnd.nextInt(25) == 0) {
            m.setFlags(new Flags("Projet_X"), true);
        }
        return m;
    }

    @Override
    public void close() {
        server.close();
    }
}
