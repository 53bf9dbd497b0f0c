package io.icesync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * One profile made by {@code icesync profile create} for an account on three real servers (mail on
 * Dovecot, calendar and address book on Radicale, documents on nginx WebDAV) syncs all of it with
 * {@code icesync sync --once}, both ways: what the servers hold reaches mail/, groupware/ and
 * documents/, changes made on either side of each kind reach the other side at the next run, and a
 * third run changes nothing. Each side is read as the user's other clients would read it.
 */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class OneProfileIT {
    static final long BIG = 20L * 1024 * 1024;

    @TempDir
    Path tmp;

    ThreePeers peers;
    Path dir;
    final Random rnd = new Random(11);

    @BeforeEach
    void peers() {
        peers = new ThreePeers(tmp);
        dir = tmp.resolve("profile");
    }

    @AfterEach
    void cleanUp() throws Exception {
        peers.close();
    }

    String sync() {
        StringWriter out = new StringWriter();
        if (ThreePeers.cli(out, "sync", "--dir", dir.toString(), "--once") != 0) {
            StringWriter status = new StringWriter();
            ThreePeers.cli(status, "status", "--dir", dir.toString(), "--events", "0");
            throw new AssertionError("icesync sync --once failed:\n" + out + "\nicesync status:\n" + status);
        }
        return out.toString();
    }

    @Test
    void mailGroupwareAndDocumentsSyncBothWaysThenNothingChanges() throws Exception {
        // The servers, as the user's other clients filled them.
        Map<String, List<String>> mail = new TreeMap<>();
        for (String folder : List.of("", "Sub")) {
            List<byte[]> msgs = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < (folder.isEmpty() ? 12 : 5); i++) {
                String id = "<onep-" + peers.tag + "-" + folder + i + "@iwdemo.test>";
                ids.add(id);
                msgs.add(ThreePeers.mail(id, "Message " + folder + i, rnd));
            }
            peers.appendMail(folder, msgs);
            mail.put(folder, ids);
        }
        Map<String, Map<String, List<String>>> objects = new TreeMap<>();
        for (String c : List.of(peers.calendar, peers.addressBook)) {
            Map<String, List<String>> objs = new TreeMap<>();
            for (int i = 0; i < 6; i++) {
                String uid = (c.equals(peers.calendar) ? "e-" : "c-") + peers.tag + "-" + i;
                peers.putObject(c, uid, ThreePeers.object(c.equals(peers.addressBook), uid, "v1", rnd));
                objs.put(uid, List.of("v1"));
            }
            objects.put(c, objs);
        }
        Map<String, String> docs = new TreeMap<>();
        for (String name : List.of("notes.txt", "café é.txt", "Müller ü.txt", "日本/日本 メモ.txt")) {
            byte[] b = ("document " + name + "\n").repeat(50).getBytes(StandardCharsets.UTF_8);
            peers.putDocument(name, b);
            docs.put(name, ThreePeers.sha256(b));
        }
        Path big = ThreePeers.randomFile(tmp.resolve("big.bin"), BIG, rnd);
        peers.putDocument("Grands fichiers/vidéo 20 MB.bin", big);
        docs.put("Grands fichiers/vidéo 20 MB.bin", ThreePeers.sha256(big));

        peers.createProfile(dir);
        sync();

        Path mailDir = dir.resolve("mail").resolve(peers.mailRoot);
        Path documents = dir.resolve("documents").resolve("Files");
        assertThat(sorted(CliKillIT.localTree(mailDir))).as("mail/ after the first sync").isEqualTo(sorted(mail));
        for (String c : objects.keySet()) {
            assertThat(KillCampaignIT.localMarkers(dir.resolve("groupware").resolve(c))).as("groupware/%s", c)
                    .isEqualTo(objects.get(c));
        }
        assertThat(ThreePeers.localFiles(documents)).as("documents/ after the first sync").isEqualTo(docs);
        assertThat(Files.size(documents.resolve("Grands fichiers/vidéo 20 MB.bin"))).isEqualTo(BIG);

        // Changes on both sides, of every kind.
        String localId = "<onep-" + peers.tag + "-local@iwdemo.test>";
        Files.write(mailDir.resolve("new").resolve("1765000000.M1P1.onep"), ThreePeers.mail(localId, "Written here", rnd));
        mail.get("").add(localId);
        String flaggedId = mail.get("").get(3);
        flagLocally(mailDir, flaggedId);
        String serverId = "<onep-" + peers.tag + "-server@iwdemo.test>";
        peers.appendMail("Sub", List.of(ThreePeers.mail(serverId, "Sent to the server", rnd)));
        mail.get("Sub").add(serverId);

        String localEvent = "e-" + peers.tag + "-local";
        Files.writeString(dir.resolve("groupware").resolve(peers.calendar).resolve(localEvent + ".ics"),
                ThreePeers.object(false, localEvent, "local-new", rnd));
        objects.get(peers.calendar).put(localEvent, List.of("local-new"));
        String localCard = "c-" + peers.tag + "-local";
        Files.writeString(dir.resolve("groupware").resolve(peers.addressBook).resolve(localCard + ".vcf"),
                ThreePeers.object(true, localCard, "local-new", rnd));
        objects.get(peers.addressBook).put(localCard, List.of("local-new"));
        String editedEvent = "e-" + peers.tag + "-2";
        peers.putObject(peers.calendar, editedEvent, ThreePeers.object(false, editedEvent, "server-edit", rnd));
        objects.get(peers.calendar).put(editedEvent, List.of("server-edit"));

        byte[] newHere = "écrit ici\n".getBytes(StandardCharsets.UTF_8);
        Files.write(documents.resolve("nouveau résumé.txt"), newHere);
        docs.put("nouveau résumé.txt", ThreePeers.sha256(newHere));
        byte[] changedThere = "changed on the server\n".getBytes(StandardCharsets.UTF_8);
        peers.putDocument("café é.txt", changedThere);
        docs.put("café é.txt", ThreePeers.sha256(changedThere));

        sync();

        assertThat(sorted(peers.serverMail())).as("Dovecot after the second sync").isEqualTo(sorted(mail));
        assertThat(sorted(CliKillIT.localTree(mailDir))).as("mail/ after the second sync").isEqualTo(sorted(mail));
        assertThat(peers.flaggedOnServer("", flaggedId)).as("the flag set in mail/ on Dovecot").isTrue();
        for (String c : objects.keySet()) {
            assertThat(peers.serverObjects(c)).as("Radicale's %s after the second sync", c).isEqualTo(objects.get(c));
            assertThat(KillCampaignIT.localMarkers(dir.resolve("groupware").resolve(c))).as("groupware/%s", c)
                    .isEqualTo(objects.get(c));
        }
        assertThat(peers.serverDocuments()).as("nginx after the second sync").isEqualTo(docs);
        assertThat(ThreePeers.localFiles(documents)).as("documents/ after the second sync").isEqualTo(docs);

        // A third run finds nothing to do on either side.
        Map<String, String> localBefore = ThreePeers.localFiles(dir.resolve("mail").resolve(peers.mailRoot));
        localBefore.putAll(ThreePeers.localFiles(dir.resolve("groupware")));
        String third = sync();
        assertThat(third).contains("0 downloaded, 0 uploaded, 0 flag changes, 0 deleted, 0 moved, 0 failed");
        Map<String, String> localAfter = ThreePeers.localFiles(dir.resolve("mail").resolve(peers.mailRoot));
        localAfter.putAll(ThreePeers.localFiles(dir.resolve("groupware")));
        assertThat(localAfter).as("mail/ and groupware/ after a third run").isEqualTo(localBefore);
        assertThat(ThreePeers.localFiles(documents)).isEqualTo(docs);
        assertThat(sorted(peers.serverMail())).isEqualTo(sorted(mail));
        for (String c : objects.keySet()) {
            assertThat(peers.serverObjects(c)).isEqualTo(objects.get(c));
        }
        assertThat(peers.serverDocuments()).isEqualTo(docs);
    }

    /** Adds F to the Maildir flags of the file holding this message, as a mail reader flagging it. */
    static void flagLocally(Path maildir, String messageId) throws Exception {
        try (Stream<Path> s = Files.list(maildir.resolve("cur"))) {
            for (Path f : s.toList()) {
                if (Files.readString(f, StandardCharsets.ISO_8859_1).contains("Message-ID: " + messageId + "\r\n")) {
                    String name = f.getFileName().toString();
                    int info = name.indexOf(":2,");
                    String base = info < 0 ? name : name.substring(0, info);
                    String flags = info < 0 ? "" : name.substring(info + 3);
                    char[] letters = (flags + "F").toCharArray();
                    java.util.Arrays.sort(letters);
                    Files.move(f, f.resolveSibling(base + ":2," + new String(letters)));
                    return;
                }
            }
        }
        throw new AssertionError("no file of " + messageId + " in " + maildir.resolve("cur"));
    }

    static Map<String, List<String>> sorted(Map<String, List<String>> tree) {
        Map<String, List<String>> out = new TreeMap<>();
        tree.forEach((k, v) -> {
            List<String> l = new ArrayList<>(v);
            Collections.sort(l);
            out.put(k, l);
        });
        return out;
    }
}
