package io.icesync.examples.demo;

import io.icesync.client.Attachment;
import io.icesync.client.Attachments;
import io.icesync.client.IceSync;
import io.icesync.client.Profile;
import io.icesync.client.Services;
import io.icesync.core.Account;
import io.icesync.core.Endpoint;
import io.icesync.core.Security;
import io.icesync.core.engine.FolderReport;
import io.icesync.core.engine.SyncCounters;
import io.icesync.core.engine.SyncListener;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.SyncSettings;
import io.icesync.testkit.WebDavFiles;
import jakarta.mail.Store;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The demo: seed a server, sync, change both sides, sync again, check both trees are the same. */
public final class Demo {
    private final PrintWriter out;
    private final boolean terminal;

    public Demo(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Returns the exit code: 0 when the two trees end identical. */
    public int run(Path dir, int messages) throws Exception {
        Path profile = dir != null ? dir : Files.createTempDirectory("icesync-demo-");
        if (Files.exists(profile.resolve(IceSync.PROFILE_FILE))) {
            out.println("icesync demo: " + profile + " already holds a profile; give an empty or new --dir");
            return 2;
        }
        long t0 = System.nanoTime();
        try (DemoServer server = new DemoServer()) {
            long startMs = (System.nanoTime() - t0) / 1_000_000;
            int seeded = server.seed(messages, 42);
            int objects = DemoGroupware.seed(server.server.account(DemoServer.USER));
            WebDavFiles files = server.server.webdav().files(DemoServer.USER);
            int documents = DemoDocuments.seed(files);
            server.server.account(DemoServer.USER).mailbox("INBOX")
                    .append(server.server.webdav().smartAttachMessage(DemoServer.USER, DemoDocuments.ATTACHED));
            out.println("IceSync test server (IceWarp-like) started in " + startMs + " ms on 127.0.0.1:" + server.port
                    + ", account " + DemoServer.USER
                    + ": " + seeded + " messages in " + DemoServer.FOLDERS.size() + " folders, " + objects
                    + " events and contacts in Calendar and Contacts, " + documents + " documents over WebDAV,"
                    + " a message whose attachment SmartAttach replaced by a link");
            Profile p = new Profile(new Account(DemoServer.USER, DemoServer.USER,
                    new Endpoint("127.0.0.1", server.port, Security.PLAIN)), SyncSettings.defaults(),
                    server.server.certificatePem()).withServices(Services.NONE.withDocuments(server.server.webdav().url())
                    .withSmartAttach(server.server.webdav().url()));
            try (IceSync sync = IceSync.create(profile, p, DemoServer.PASSWORD.toCharArray())) {
                out.println("Profile folder: " + profile);
                out.println();
                out.println("1. First sync");
                print(sync(sync));
                byte[] attached = files.get(DemoDocuments.ATTACHED).orElseThrow();
                boolean fetched = fetchAttachments(sync, attached);

                out.println();
                out.println("2. Changes on both sides");
                DemoChanges.onServer(server, out);
                DemoGroupware.onServer(server.server.account(DemoServer.USER), out);
                DemoChanges.locally(profile.resolve(IceSync.MAIL_DIR), out);
                DemoGroupware.locally(profile.resolve(IceSync.GROUPWARE_DIR), out);
                DemoDocuments.onServer(files, out);
                DemoDocuments.locally(profile.resolve(IceSync.DOCUMENTS_DIR), out);

                out.println();
                out.println("3. Second sync");
                print(sync(sync));

                out.println();
                out.println("4. Resync with nothing changed");
                SyncReport idle = sync(sync);
                out.println("   " + idle.summary());

                out.println();
                try (Store s = server.client()) {
                    Map<String, List<String>> remote = DemoCompare.server(s);
                    remote.keySet().removeAll(List.of("Calendar", "Contacts")); // compared as objects below
                    Map<String, List<String>> local = DemoCompare.local(profile.resolve(IceSync.MAIL_DIR));
                    int total = remote.values().stream().mapToInt(List::size).sum();
                    Map<String, String> serverObjects = DemoGroupware.server(server.server.account(DemoServer.USER));
                    Map<String, String> localObjects = DemoGroupware.local(profile.resolve(IceSync.GROUPWARE_DIR));
                    Map<String, String> serverDocs = DemoDocuments.server(files);
                    Map<String, String> localDocs = DemoDocuments.local(profile.resolve(IceSync.DOCUMENTS_DIR));
                    if (remote.equals(local) && serverObjects.equals(localObjects) && serverDocs.equals(localDocs)
                            && fetched && !idle.changedAnything()) {
                        out.println("Server and local tree are identical: " + remote.size() + " folders, " + total
                                + " messages, same read and flagged state; " + serverObjects.size()
                                + " events and contacts, same versions: " + serverObjects.values() + "; "
                                + serverDocs.size() + " documents, same content: " + serverDocs.keySet());
                        out.println("Events and contacts are files: ls '" + profile.resolve(IceSync.GROUPWARE_DIR)
                                + "' (khal and khard read this layout)");
                        out.println("Documents are plain files: ls '" + profile.resolve(IceSync.DOCUMENTS_DIR)
                                .resolve(DemoDocuments.ROOT) + "'");
                        out.println("Attachments too: ls -R '" + profile.resolve(Attachments.DIR) + "' (icesync attachments"
                                + " list --dir '" + profile + "')");
                        out.println("Look at the Maildir tree with any mail reader, e.g.: mutt -f '"
                                + profile.resolve(IceSync.MAIL_DIR).resolve("INBOX") + "'");
                        return 0;
                    }
                    out.println("The trees differ:");
                    out.println("   server: " + remote + " " + serverObjects);
                    out.println("   local:  " + local + " " + localObjects);
                    out.println("   server documents: " + serverDocs.keySet() + ", local: " + localDocs.keySet());
                    return 1;
                }
            }
        }
    }

    /** Lists the attachment links the first sync recorded, fetches them, and checks the SmartAttach file arrived whole. */
    private boolean fetchAttachments(IceSync sync, byte[] expected) throws java.io.IOException {
        List<Attachment> links = sync.attachments().list();
        for (Attachment a : links) {
            out.println("   attachment link: " + a.fileName() + " (" + a.size() + " bytes) in " + a.folder() + ", \""
                    + a.title() + "\"");
        }
        boolean whole = false;
        for (Attachment a : sync.attachments().fetchAll(null)) {
            if (a.state() == Attachment.State.FETCHED) {
                out.println("   fetched " + a.fileName() + " into " + a.file());
                whole |= java.util.Arrays.equals(Files.readAllBytes(a.file()), expected);
            } else {
                out.println("   could not fetch " + a.fileName() + ": " + a.error());
            }
        }
        return whole;
    }

    private SyncReport sync(IceSync sync) {
        SyncListener bar = new SyncListener() {
            @Override
            public void onCounters(SyncCounters c) {
                if (terminal) {
                    out.print("\r   " + c + "   ");
                    out.flush();
                }
            }
        };
        sync.addListener(bar);
        try {
            return sync.syncOnce();
        } finally {
            sync.removeListener(bar);
            if (terminal) {
                out.print("\r" + " ".repeat(90) + "\r");
            }
        }
    }

    private void print(SyncReport r) {
        for (String c : r.structureChanges()) {
            out.println("   folder " + c);
        }
        for (FolderReport f : r.folders()) {
            if (f.changedAnything() || f.failed() > 0 || f.error() != null) {
                out.println("   " + f.folder() + ": " + describe(f));
            }
        }
        out.println("   " + r.summary());
    }

    private static String describe(FolderReport f) {
        if (f.error() != null) {
            return "failed: " + f.error();
        }
        StringBuilder b = new StringBuilder();
        add(b, f.downloaded(), "downloaded");
        add(b, f.uploaded(), "uploaded");
        add(b, f.flagsToServer(), "flag changes sent");
        add(b, f.flagsToLocal(), "flag changes received");
        add(b, f.deletedOnServer(), "deleted on the server");
        add(b, f.deletedLocally(), "deleted locally");
        add(b, f.movedOnServer(), "moved on the server");
        add(b, f.failed(), "failed");
        return b.toString();
    }

    private static void add(StringBuilder b, int n, String what) {
        if (n > 0) {
            b.append(b.length() == 0 ? "" : ", ").append(n).append(' ').append(what);
        }
    }
}
