package io.icesync.examples.demo;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;

/** The changes the demo makes between its two syncs: some on the server, some in the local Maildir tree. */
final class DemoChanges {
    private DemoChanges() {
    }

    /** As another mail client would: flag, add, delete, create a folder. */
    static void onServer(DemoServer server, PrintWriter out) throws MessagingException {
        try (Store s = server.client()) {
            Folder inbox = s.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            // A small seed (icesync demo --messages 5) leaves some folders empty: change what there is.
            int flagged = Math.min(3, inbox.getMessageCount());
            if (flagged > 0) {
                inbox.setFlags(inbox.getMessages(1, flagged), new Flags(Flags.Flag.FLAGGED), true);
            }
            Session session = Session.getInstance(new Properties());
            Random rnd = new Random(7);
            inbox.appendMessages(new Message[] {DemoServer.message(session, "new-1", rnd),
                DemoServer.message(session, "new-2", rnd)});
            inbox.close(false);
            out.println("   server: " + flagged + (flagged == 1 ? " message" : " messages")
                    + " flagged in INBOX, 2 new messages in INBOX");

            Folder news = s.getFolder("Newsletters");
            news.open(Folder.READ_WRITE);
            if (news.getMessageCount() > 0) {
                news.getMessage(1).setFlag(Flags.Flag.DELETED, true);
                out.println("   server: 1 message deleted in Newsletters");
            }
            news.close(true);

            Folder autumn = s.getFolder("Projets/Automne 2026");
            autumn.create(Folder.HOLDS_MESSAGES | Folder.HOLDS_FOLDERS);
            autumn.appendMessages(new Message[] {DemoServer.message(session, "automne-1", rnd)});
            out.println("   server: folder Projets/Automne 2026 created with 1 message");
        }
    }

    /** As a mail program working on the Maildir files would: move, mark read, delete, write a new folder. */
    static void locally(Path mail, PrintWriter out) throws IOException {
        Path inbox = mail.resolve("INBOX/cur");
        List<Path> files = list(inbox);
        if (!files.isEmpty()) {
            Path moved = files.get(files.size() - 1);
            Files.move(moved, mail.resolve("Archive/cur").resolve(moved.getFileName()));
            out.println("   local:  1 message moved from INBOX to Archive");
            files = files.subList(0, files.size() - 1);
        }

        for (Path p : files) {
            String name = p.getFileName().toString();
            if (name.contains(":2,") && !name.substring(name.indexOf(":2,")).contains("S")) {
                Files.move(p, p.resolveSibling(name + "S"));
                out.println("   local:  1 unread message in INBOX marked read");
                break;
            }
        }

        List<Path> clients = list(mail.resolve("Clients/Société Générale/cur"));
        if (!clients.isEmpty()) {
            Files.delete(clients.get(0));
            out.println("   local:  1 message deleted in Clients/Société Générale");
        }

        Path notes = mail.resolve("Notes locales");
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(notes.resolve(sub));
        }
        String msg = "Message-ID: <demo-local-note@iwdemo.test>\r\nFrom: jean@iwdemo.test\r\nTo: jean@iwdemo.test\r\n"
                + "Subject: =?UTF-8?Q?Id=C3=A9e_pour_la_r=C3=A9union?=\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nÉcrit hors ligne, envoyé au serveur par la synchronisation.\r\n";
        Files.write(notes.resolve("new/1790000000.demo.localhost"), msg.getBytes(StandardCharsets.UTF_8));
        out.println("   local:  folder \"Notes locales\" created with 1 new message");
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
