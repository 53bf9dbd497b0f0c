package io.icesync.examples;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;

/**
 * A shared Dovecot account's INBOX as a test uses it over IMAP (Angus Mail): messages of its own, tagged
 * in their Message-ID, put in and taken out again, the other tests' mail left alone.
 */
final class DovecotInbox {
    private final String user;
    private final int port;
    private int othersAtStart;

    DovecotInbox(String user, int port) {
        this.user = user;
        this.port = port;
    }

    /** Appends {@code n} messages whose Message-ID holds {@code tag}; returns their Message-IDs. */
    List<String> fill(String tag, int n) throws MessagingException {
        Random rnd = new Random(tag.hashCode());
        List<String> ids = new ArrayList<>();
        try (Store store = connect()) {
            Folder inbox = store.getFolder("INBOX");
            othersAtStart = inbox.getMessageCount();
            List<Message> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String id = "<pop3-" + tag + "-" + i + "@iwdemo.test>";
                ids.add(id);
                batch.add(new MimeMessage(null, new ByteArrayInputStream(
                        KillCampaignIT.mail(id, "POP3 " + i, 2_000 + rnd.nextInt(30_000), rnd))));
            }
            inbox.appendMessages(batch.toArray(Message[]::new));
        }
        return ids;
    }

    /** How many messages the INBOX held before {@link #fill}. */
    int othersAtStart() {
        return othersAtStart;
    }

    /** How many messages of the INBOX carry {@code tag} in their Message-ID. */
    int count(String tag) throws MessagingException {
        return tagged(tag, false);
    }

    /** Deletes the messages carrying {@code tag}. */
    void removeTagged(String tag) throws MessagingException {
        tagged(tag, true);
    }

    private int tagged(String tag, boolean delete) throws MessagingException {
        try (Store store = connect()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(delete ? Folder.READ_WRITE : Folder.READ_ONLY);
            int n = 0;
            try {
                for (Message m : inbox.getMessages()) {
                    String[] id = m.getHeader("Message-ID");
                    if (id != null && id.length > 0 && id[0].contains("-" + tag + "-")) {
                        n++;
                        if (delete) {
                            m.setFlag(Flags.Flag.DELETED, true);
                        }
                    }
                }
            } finally {
                inbox.close(delete);
            }
            return n;
        }
    }

    private Store connect() throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", port, user, "secret");
        return store;
    }
}
