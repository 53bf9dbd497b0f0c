package io.icesync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.examples.cli.IceSyncCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first sync of one profile of the three peer servers (see {@link OneProfileIT}), run by the CLI in
 * a process of its own and killed with SIGKILL at random moments, then run to the end: each side must
 * then hold every message, event, contact and document exactly once. The servers hold mail, a calendar,
 * an address book and documents (one of 20 MB); the profile folder already holds mail and documents,
 * uploaded by that first sync ({@code --first-sync upload_local}), so a kill can also leave a copy
 * twice on a server. {@code -Dicesync.kill.profile.count=N} kills (6), {@code -Dicesync.kill.seed=N}
 * replays; the figures go where {@link KillCampaignIT}'s go, which runs this kind with its own count.
 */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class OneProfileKillIT {
    static final int KILLS = Integer.getInteger("icesync.kill.profile.count", 6);

    @TempDir
    Path tmp;

    @Test
    void killedAtRandomMomentsOfTheFirstSyncThenRunToTheEndEverythingIsOnceOnEachSide() throws Exception {
        campaign(tmp, KillCampaignIT.seed("profile"), KILLS).report();
    }

    /** Rounds of a new profile and new server data until {@code kills} kills landed. */
    static KillCampaignIT.Figures campaign(Path tmp, long seed, int kills) throws Exception {
        Random rnd = new Random(seed);
        KillCampaignIT.Figures fig = new KillCampaignIT.Figures("profile", seed);
        fig.wanted = kills;
        do {
            Path dir = tmp.resolve("profile-" + fig.rounds++);
            try (ThreePeers peers = new ThreePeers(tmp)) {
                round(fig, peers, dir, rnd, Math.min(4, kills - fig.kills));
            }
        } while (fig.kills < kills);
        return fig;
    }

    private static void round(KillCampaignIT.Figures fig, ThreePeers peers, Path dir, Random rnd, int budget)
            throws Exception {
        // The servers: mail in two folders, 30 events, 30 contacts, documents with non-ASCII names and 20 MB.
        Map<String, List<String>> mail = new TreeMap<>();
        for (String folder : List.of("", "Sub")) {
            List<byte[]> msgs = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < (folder.isEmpty() ? 120 : 60); i++) {
                String id = "<kp-" + peers.tag + "-" + folder + i + "@iwdemo.test>";
                ids.add(id);
                msgs.add(ThreePeers.mail(id, "Server " + i, rnd));
            }
            peers.appendMail(folder, msgs);
            mail.put(folder, ids);
        }
        Map<String, Map<String, List<String>>> objects = new TreeMap<>();
        for (String c : List.of(peers.calendar, peers.addressBook)) {
            boolean card = c.equals(peers.addressBook);
            Map<String, List<String>> objs = new TreeMap<>();
            for (int i = 0; i < 30; i++) {
                String uid = (card ? "c-" : "e-") + peers.tag + "-" + i;
                peers.putObject(c, uid, ThreePeers.object(card, uid, "v1", rnd));
                objs.put(uid, List.of("v1"));
            }
            objects.put(c, objs);
        }
        Map<String, List<String>> docs = new TreeMap<>();
        for (int i = 0; i < 12; i++) {
            String name = (i % 3 == 0 ? "日本/" : "") + "serveur é " + i + ".txt";
            byte[] b = KillCampaignIT.text("server " + i, rnd).getBytes(StandardCharsets.UTF_8);
            peers.putDocument(name, b);
            docs.put(name, List.of(ThreePeers.sha256(b)));
        }
        Path big = ThreePeers.randomFile(dir.getParent().resolve("big-" + peers.tag), OneProfileIT.BIG, rnd);
        peers.putDocument("Grands fichiers/vidéo ü.bin", big);
        docs.put("Grands fichiers/vidéo ü.bin", List.of(ThreePeers.sha256(big)));
        Files.delete(big);

        // The profile folder, holding mail and documents of its own before its first sync.
        peers.createProfile(dir);
        Path maildir = dir.resolve("mail").resolve(peers.mailRoot);
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(maildir.resolve(sub));
        }
        for (int i = 0; i < 40; i++) {
            String id = "<kp-" + peers.tag + "-local" + i + "@iwdemo.test>";
            Files.write(maildir.resolve("cur").resolve("1765000000.M" + i + "P1.kp:2,S"), ThreePeers.mail(id, "Local " + i, rnd));
            mail.get("").add(id);
        }
        Path files = dir.resolve("documents").resolve("Files");
        Files.createDirectories(files.resolve("Büro"));
        for (int i = 0; i < 12; i++) {
            String name = (i % 2 == 0 ? "Büro/" : "") + "local ü " + i + ".txt";
            byte[] b = KillCampaignIT.text("local " + i, rnd).getBytes(StandardCharsets.UTF_8);
            Files.write(files.resolve(name), b);
            docs.put(name, List.of(ThreePeers.sha256(b)));
        }
        mail.values().forEach(Collections::sort);

        int total = mail.values().stream().mapToInt(List::size).sum() * 2
                + objects.values().stream().mapToInt(Map::size).sum() + docs.size() * 2;
        Callable<Process> sync = () -> KillCampaignIT.child("profile", IceSyncCli.class.getName(), "sync", "--dir",
                dir.toString(), "--once", "-q", "--first-sync", "upload_local");
        fig.kills += KillCampaignIT.killUntilDone(fig, sync, KillCampaignIT.Progress.of(total, () -> {
            int done = KillCampaignIT.sum(peers.serverMail()) + KillCampaignIT.sum(CliKillIT.localTree(maildir));
            for (String c : objects.keySet()) {
                done += KillCampaignIT.localMarkers(dir.resolve("groupware").resolve(c)).size();
            }
            return done + ThreePeers.localFiles(files).size() + peers.serverDocuments().size();
        }), rnd, 800, 9000, budget);

        fig.compare("Dovecot", mail, peers.serverMail());
        fig.compare("mail/", mail, CliKillIT.localTree(maildir));
        for (String c : objects.keySet()) {
            fig.compare("Radicale " + c, objects.get(c), peers.serverObjects(c));
            fig.compare("groupware/" + c, objects.get(c), KillCampaignIT.localMarkers(dir.resolve("groupware").resolve(c)));
        }
        fig.compare("nginx", docs, asLists(peers.serverDocuments()));
        fig.compare("documents/", docs, asLists(ThreePeers.localFiles(files)));
        fig.items += KillCampaignIT.sum(mail) + objects.values().stream().mapToInt(Map::size).sum() + docs.size();
        assertThat(fig.notes).as(fig.line()).isEmpty();
    }

    private static Map<String, List<String>> asLists(Map<String, String> m) {
        Map<String, List<String>> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, List.of(v)));
        return out;
    }
}
