package io.icesync.examples.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Random;

/**
 * An IMAP server in this process on a free loopback port (GreenMail), seeded with a few hundred
 * messages in nested folders with non-ASCII names, flags and keywords, for the demo. It speaks
 * plain IMAP4rev1 (no CONDSTORE, no UIDPLUS), so the demo also shows IceSync's fallback paths.
 */
final class DemoServer implements AutoCloseable {
    static final String USER = "jean@iwdemo.test";
    static final String PASSWORD = "demo-password";
    static final List<String> FOLDERS = List.of("INBOX", "Archive", "Archive.2025", "Projets", "Projets.Été 2026",
            "Clients", "Clients.Société Générale", "Newsletters");
    private static final String[] WORDS = ("réunion projet facture client livraison planning serveur synchronisation "
            + "calendrier contact tâche note rappel budget équipe rapport version sécurité certificat dossier").split(" ");

    private final GreenMail mail;
    final int port;

    DemoServer() {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
        mail.start();
        mail.setUser(USER, USER, PASSWORD);
        port = mail.getImap().getPort();
    }

    /** Another mail client on the same account: how the demo makes changes on the server side. */
    Store client() throws MessagingException {
        Store s = Session.getInstance(new Properties()).getStore("imap");
        s.connect("127.0.0.1", port, USER, PASSWORD);
        return s;
    }

    /** Deterministic content: the same seed gives the same mailbox. */
    int seed(int messages, long seed) throws MessagingException {
        Random rnd = new Random(seed);
        try (Store s = client()) {
            for (String f : FOLDERS) {
                Folder folder = s.getFolder(f);
                if (!folder.exists()) {
                    folder.create(Folder.HOLDS_MESSAGES | Folder.HOLDS_FOLDERS);
                }
            }
            Session session = Session.getInstance(new Properties());
            for (String f : FOLDERS) {
                Folder folder = s.getFolder(f);
                folder.open(Folder.READ_WRITE);
                List<Message> batch = new ArrayList<>();
                int n = f.equals("INBOX") ? messages / 3 : messages * 2 / 3 / (FOLDERS.size() - 1);
                for (int i = 0; i < n; i++) {
                    batch.add(message(session, f + "-" + i, rnd));
                }
                folder.appendMessages(batch.toArray(new Message[0]));
                folder.close(false);
            }
            return count(s);
        }
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

    static int count(Store s) throws MessagingException {
        int n = 0;
        for (Folder f : s.getDefaultFolder().list("*")) {
            if ((f.getType() & Folder.HOLDS_MESSAGES) != 0) {
                n += f.getMessageCount();
            }
        }
        return n;
    }

    @Override
    public void close() {
        mail.stop();
    }
}
