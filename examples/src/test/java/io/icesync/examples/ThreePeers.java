package io.icesync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.examples.cli.IceSyncCli;
import io.icesync.webdav.DavResource;
import io.icesync.webdav.Depth;
import io.icesync.webdav.Precondition;
import io.icesync.webdav.WebDavClient;
import io.icesync.webdav.dav.DavRemoteStore;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One account on the three peer servers of ../shared/peers, as one profile syncs it: mail on Dovecot,
 * a calendar and an address book on Radicale, documents on nginx WebDAV. Each test gets names of its
 * own (a mail folder tree, two collections, a WebDAV collection), selected alone in the profile, and
 * {@link #close()} removes them from the servers. The readers look at each server as another client of
 * the user would: Message-IDs and flags over IMAP, objects by UID over CalDAV/CardDAV, files by path
 * and SHA-256 over WebDAV.
 */
final class ThreePeers implements AutoCloseable {
    static final String USER = KillCampaignIT.JEAN;
    static final URI RADICALE = URI.create("http://127.0.0.1:" + Integer.getInteger("icesync.radicale.port", 15232) + "/");
    static final URI WEBDAV = KillCampaignIT.WEBDAV;

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final String mailRoot = "OneP-" + tag;
    final String calendar = "OneP Agenda " + tag;
    final String addressBook = "OneP Carnet " + tag;
    final String documents = "onep-" + tag + "/";
    private final WebDavClient home = WebDavClient.builder(RADICALE.resolve("/" + USER + "/"))
            .credentials(USER, "secret".toCharArray()).build();
    private final WebDavClient dav = WebDavClient.builder(WEBDAV).credentials(USER, "secret".toCharArray()).build();

    /** Makes the test's calendar and address book on Radicale, as another device would, and its WebDAV collection. */
    ThreePeers(Path scratch) {
        try (DavRemoteStore device = DavRemoteStore.builder(RADICALE).credentials(USER, "secret".toCharArray())
                .state(scratch.resolve("other-device-" + tag + ".json")).build()) {
            device.createFolder(FolderPath.of(calendar), FolderKind.EVENTS);
            device.createFolder(FolderPath.of(addressBook), FolderKind.CONTACTS);
        }
        dav.mkcol(documents);
    }

    // ------------------------------------------------------------------------------------- the CLI

    /** {@code icesync profile create} of the one profile, then its selection: this test's folders only. */
    String[][] profileCommands(Path dir) {
        String d = dir.toString();
        return new String[][] {
            {"profile", "create", "--dir", d, "--email", USER, "--imap", "127.0.0.1:" + CliKillIT.PORT, "--security",
                "plain", "--password-stdin", "--groupware", "dav", "--caldav", RADICALE.toString(),
                "--carddav", RADICALE.toString(), "--documents", WEBDAV.resolve(documents).toString()},
            // The account is shared with other tests: its other folders stay out.
            {"settings", "set", "--dir", d, "defaultSelection", "UNSELECTED"},
            {"settings", "set", "--dir", d, "folderSelections", "{\"" + mailRoot + "\":\"INHERIT\",\"" + calendar
                + "\":\"SELECTED\",\"" + addressBook + "\":\"SELECTED\",\"Files\":\"INHERIT\"}"},
        };
    }

    /** The CLI in this process, the password on its standard input; stdout and stderr in {@code output}. */
    static int cli(StringWriter output, String... args) {
        PrintWriter w = new PrintWriter(output, true);
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("secret\n".getBytes(StandardCharsets.UTF_8)));
            return new IceSyncCli().execute(w, w, args);
        } finally {
            System.setIn(stdin);
        }
    }

    /** Creates the profile in {@code dir} with the CLI; fails the test with what the CLI said otherwise. */
    void createProfile(Path dir) {
        for (String[] command : profileCommands(dir)) {
            StringWriter out = new StringWriter();
            assertThat(cli(out, command)).as("icesync %s: %s", String.join(" ", command), out).isZero();
        }
    }

    // -------------------------------------------------------------------------------------------- mail

    void appendMail(String folder, List<byte[]> messages) throws Exception {
        try (KillCampaignIT.Imap imap = new KillCampaignIT.Imap(USER)) {
            imap.append(folder.isEmpty() ? mailRoot : mailRoot + "/" + folder, messages);
        }
    }

    /** Folder under the test's root ("" for the root) -> sorted Message-IDs. */
    Map<String, List<String>> serverMail() throws Exception {
        try (KillCampaignIT.Imap imap = new KillCampaignIT.Imap(USER)) {
            return imap.tree(mailRoot);
        }
    }

    /** Whether the server's copy of this message in this folder is flagged. */
    boolean flaggedOnServer(String folder, String messageId) throws Exception {
        try (KillCampaignIT.Imap imap = new KillCampaignIT.Imap(USER)) {
            Folder f = imap.store.getFolder(folder.isEmpty() ? mailRoot : mailRoot + "/" + folder);
            f.open(Folder.READ_ONLY);
            try {
                for (Message m : f.getMessages()) {
                    String[] id = m.getHeader("Message-ID");
                    if (id != null && id[0].trim().equals(messageId)) {
                        return m.isSet(Flags.Flag.FLAGGED);
                    }
                }
            } finally {
                f.close(false);
            }
        }
        throw new AssertionError("no message " + messageId + " in " + folder + " on the server");
    }

    static byte[] mail(String messageId, String subject, Random rnd) {
        return KillCampaignIT.mail(messageId, subject, 1500 + rnd.nextInt(20_000), rnd);
    }

    // ----------------------------------------------------------------------------------- groupware

    /** The collection shown under this display name, relative to the home (ending with '/'). */
    String collection(String displayName) {
        for (DavResource r : home.propfind("", Depth.ONE)) {
            if (r.collection() && displayName.equals(r.displayName())) {
                return r.path();
            }
        }
        throw new AssertionError("no collection named " + displayName + " on Radicale");
    }

    /** Writes an object as another client: {@code <uid>.ics} or {@code .vcf}, replacing what that name holds. */
    void putObject(String displayName, String uid, String text) {
        boolean card = displayName.equals(addressBook);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        home.put(collection(displayName) + uid + (card ? ".vcf" : ".ics"), new ByteArrayInputStream(b), b.length,
                card ? "text/vcard" : "text/calendar", Precondition.none());
    }

    /** Object UID -> sorted markers of every resource of the collection (two for an object there twice). */
    Map<String, List<String>> serverObjects(String displayName) {
        String c = collection(displayName);
        Map<String, List<String>> out = new TreeMap<>();
        for (DavResource r : home.propfind(c, Depth.ONE)) {
            if (!r.collection()) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                home.get(r.path(), b);
                String[] um = KillCampaignIT.uidAndMarker(b.toString(StandardCharsets.UTF_8));
                out.computeIfAbsent(um[0], k -> new ArrayList<>()).add(um[1]);
            }
        }
        out.values().forEach(Collections::sort);
        return out;
    }

    static String object(boolean card, String uid, String marker, Random rnd) {
        return KillCampaignIT.object(card, uid, marker, rnd);
    }

    // ----------------------------------------------------------------------------------- documents

    void putDocument(String relative, byte[] content) {
        dav.put(documents + relative, new ByteArrayInputStream(content), content.length, "application/octet-stream",
                Precondition.none());
    }

    void putDocument(String relative, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            dav.put(documents + relative, in, Files.size(file), "application/octet-stream", Precondition.none());
        }
    }

    /** Path under the test's collection (NFC) -> SHA-256 of each file on the server. */
    Map<String, String> serverDocuments() {
        Map<String, String> out = new TreeMap<>();
        List<String> todo = new ArrayList<>(List.of(documents));
        while (!todo.isEmpty()) {
            String c = todo.remove(0);
            for (DavResource r : dav.propfind(c, Depth.ONE)) {
                if (r.path().equals(c)) {
                    continue;
                }
                if (r.collection()) {
                    todo.add(r.path().endsWith("/") ? r.path() : r.path() + "/");
                } else {
                    MessageDigest md = sha256();
                    dav.get(r.path(), new DigestOutputStream(OutputStream.nullOutputStream(), md));
                    out.put(nfc(r.path().substring(documents.length())), HexFormat.of().formatHex(md.digest()));
                }
            }
        }
        return out;
    }

    /** Relative path (NFC, '/') -> SHA-256 of each file under {@code root}, hidden files left out. */
    static Map<String, String> localFiles(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                Path rel = root.relativize(f);
                boolean hidden = false;
                for (Path part : rel) {
                    hidden |= part.toString().startsWith(".");
                }
                if (!hidden) {
                    out.put(nfc(rel.toString().replace(f.getFileSystem().getSeparator(), "/")), sha256(f));
                }
            }
        }
        return out;
    }

    static String sha256(Path f) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = Files.newInputStream(f); OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), md)) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static String sha256(byte[] b) {
        return HexFormat.of().formatHex(sha256().digest(b));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** A file of {@code size} seeded random bytes. */
    static Path randomFile(Path file, long size, Random rnd) {
        byte[] chunk = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= chunk.length) {
                rnd.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    // --------------------------------------------------------------------------------------- clean up

    /** Removes the test's folders, collections and documents from the three servers, whatever happened. */
    @Override
    public void close() throws Exception {
        List<Exception> failed = new ArrayList<>();
        try (KillCampaignIT.Imap imap = new KillCampaignIT.Imap(USER)) {
            imap.deleteTree(mailRoot);
        } catch (Exception e) {
            failed.add(e);
        }
        for (String c : List.of(calendar, addressBook)) {
            try {
                home.propfind("", Depth.ONE).stream().filter(r -> r.collection() && c.equals(r.displayName()))
                        .forEach(r -> home.delete(r.path(), null));
            } catch (RuntimeException e) {
                failed.add(e);
            }
        }
        try {
            dav.delete(documents, null);
        } catch (RuntimeException e) {
            failed.add(e);
        } finally {
            home.close();
            dav.close();
        }
        assertThat(failed).as("clean-up of %s on the peers", tag).isEmpty();
    }
}
