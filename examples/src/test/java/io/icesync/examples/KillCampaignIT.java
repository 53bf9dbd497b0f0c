package io.icesync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.client.IceSync;
import io.icesync.core.Endpoint;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.Security;
import io.icesync.core.settings.FolderSelection;
import io.icesync.core.settings.SyncSettings;
import io.icesync.imap.ImapRemoteStore;
import io.icesync.testkit.Messages;
import io.icesync.webdav.DavResource;
import io.icesync.webdav.Depth;
import io.icesync.webdav.Precondition;
import io.icesync.webdav.WebDavClient;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SIGKILL campaign: for each kind of work (initial mail download, uploads of local mail, folder
 * renames, groupware edits on both sides, documents on both sides, the first sync of one profile of
 * Dovecot, Radicale and nginx) a real process is killed with SIGKILL
 * at {@code icesync.kill.count} (20) random moments against the real peers, then run again to the end;
 * both sides must then hold every message, object, folder and document exactly once. The CLI does the mail
 * and groupware kinds (Kolab folders on Dovecot); documents, which the CLI does not sync, run in
 * {@link KillCampaignDocumentsMain} in a child JVM against nginx.
 *
 * <p>Each kind prints {@code kill campaign seed <kind>=<seed>}; {@code -Dicesync.kill.seed=N} (all kinds)
 * or {@code -Dicesync.kill.seed.<kind>=N} gives the same data and kill moments again (the moments are
 * times, so what a kill interrupts still depends on the machine's speed). The figures go to stdout and to
 * {@code target/kill-campaign/figures.txt}, the children's output to {@code target/kill-campaign/<kind>.log}.
 * Runs only with {@code -Dicesync.kill.campaign=true} (see {@code bench/kill-campaign.sh}).
 */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
@EnabledIfSystemProperty(named = "icesync.kill.campaign", matches = "true")
class KillCampaignIT {
    static final int KILLS = Integer.getInteger("icesync.kill.count", 20);
    static final String JEAN = "jean@iwdemo.test";
    static final int PORT = CliKillIT.PORT;
    static final URI WEBDAV = URI.create(System.getProperty("icesync.webdav.url", "http://127.0.0.1:15280/webdav/"));
    static final Path JAR = Paths.get("target", "icesync.jar").toAbsolutePath();
    static final Path OUT = Paths.get("target", "kill-campaign").toAbsolutePath();

    @TempDir
    Path dir;

    /** What one kind ended with. */
    static final class Figures {
        final String kind;
        final long seed;
        int kills;
        /** Kills after which one side held part of the round's work, not none of it nor all. */
        int midWork;
        int rounds;
        int items;
        int lost;
        int duplicated;
        int stale;
        final List<String> notes = new ArrayList<>();
        final List<String> remarks = new ArrayList<>();
        /** The kills the kind must have made. */
        int wanted = KILLS;

        Figures(String kind, long seed) {
            this.kind = kind;
            this.seed = seed;
        }

        /** Compares one side with what it should hold: folder -> sorted item keys (several copies allowed). */
        void compare(String side, Map<String, List<String>> expected, Map<String, List<String>> actual) {
            Set<String> folders = new HashSet<>(expected.keySet());
            folders.addAll(actual.keySet());
            for (String f : folders) {
                Map<String, Integer> want = counts(expected.getOrDefault(f, List.of()));
                Map<String, Integer> have = counts(actual.getOrDefault(f, List.of()));
                Set<String> keys = new HashSet<>(want.keySet());
                keys.addAll(have.keySet());
                for (String k : keys) {
                    int w = want.getOrDefault(k, 0);
                    int h = have.getOrDefault(k, 0);
                    if (h < w) {
                        lost += w - h;
                        notes.add(side + " lost " + (w - h) + "x [" + f + "] " + k);
                    } else if (h > w) {
                        duplicated += h - w;
                        notes.add(side + " has " + (h - w) + " extra [" + f + "] " + k);
                    }
                }
                if (!expected.containsKey(f)) {
                    notes.add(side + " has an unexpected folder [" + f + "]");
                } else if (!actual.containsKey(f)) {
                    notes.add(side + " lacks the folder [" + f + "]");
                }
            }
        }

        private static Map<String, Integer> counts(List<String> keys) {
            Map<String, Integer> m = new HashMap<>();
            keys.forEach(k -> m.merge(k, 1, Integer::sum));
            return m;
        }

        String line() {
            return "kill campaign " + kind + ": seed=" + seed + " kills=" + kills + " (" + midWork + " with the work part done)"
                    + " rounds=" + rounds + " items="
                    + items + " lost=" + lost + " duplicated=" + duplicated + " stale=" + stale;
        }

        void report() throws IOException {
            String text = line() + System.lineSeparator()
                    + remarks.stream().map(n -> "  (" + n + ")" + System.lineSeparator()).reduce("", String::concat)
                    + notes.stream().limit(50).map(n -> "  " + n + System.lineSeparator()).reduce("", String::concat);
            System.out.print(text);
            Files.createDirectories(OUT);
            Files.writeString(OUT.resolve("figures.txt"), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            assertThat(notes).as("%s (replay with -Dicesync.kill.seed.%s=%d)", line(), kind, seed).isEmpty();
            assertThat(kills).as("kills of %s", kind).isGreaterThanOrEqualTo(wanted);
        }
    }

    static long seed(String kind) {
        Long all = Long.getLong("icesync.kill.seed");
        long seed = Long.getLong("icesync.kill.seed." + kind, all != null ? all : System.nanoTime());
        System.out.println("kill campaign seed " + kind + "=" + seed);
        return seed;
    }

    // ---------------------------------------------------------------------------------------------- kinds

    @Test
    void initialMail() throws Exception {
        long seed = seed("initial");
        Random rnd = new Random(seed);
        Figures fig = new Figures("initial", seed);
        CliKillIT.fillAccount();
        int total = sum(CliKillIT.serverTree());
        do {
            Path profile = dir.resolve("initial-" + fig.rounds++);
            createProfile(profile, CliKillIT.USER, null);
            fig.kills += killUntilDone(fig, () -> cli("initial", "sync", "--dir", profile.toString(), "--once", "-q"),
                    Progress.of(total, () -> Files.isDirectory(profile.resolve("mail"))
                            ? sum(CliKillIT.localTree(profile.resolve("mail"))) : 0), rnd, 400, 4000, Math.min(7, KILLS - fig.kills));
            Map<String, List<String>> server = CliKillIT.serverTree();
            fig.compare("local", server, CliKillIT.localTree(profile.resolve("mail")));
            fig.items += server.values().stream().mapToInt(List::size).sum();
        } while (fig.kills < KILLS);
        fig.report();
    }

    @Test
    void uploads() throws Exception {
        long seed = seed("uploads");
        Random rnd = new Random(seed);
        Figures fig = new Figures("uploads", seed);
        do {
            String root = "KillUp-" + Long.toHexString(seed & 0xffffff) + "-r" + fig.rounds++;
            Path profile = dir.resolve(root);
            createProfile(profile, JEAN, s -> s.select(FolderPath.of(root), FolderSelection.INHERIT));
            // A Maildir filled before the first sync, uploaded by --first-sync upload_local.
            Map<String, List<String>> expected = new TreeMap<>();
            int count = 0;
            for (String f : List.of("", "Alpha", "Alpha/Beta")) {
                Path maildir = profile.resolve("mail").resolve(root).resolve(f);
                for (String sub : List.of("cur", "new", "tmp")) {
                    Files.createDirectories(maildir.resolve(sub));
                }
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 70; i++, count++) {
                    String id = "<up-" + root + "-" + count + "@kill.test>";
                    ids.add(id);
                    Files.write(maildir.resolve("cur").resolve("1765000000.M" + count + "P1.kill:2," + (i % 3 == 0 ? "S" : "")),
                            mail(id, "Upload " + count, 2000 + rnd.nextInt(40_000), rnd));
                }
                Collections.sort(ids);
                expected.put(f, ids);
            }
            int n = count;
            fig.kills += killUntilDone(fig, () -> cli("uploads", "sync", "--dir", profile.toString(), "--once", "-q",
                    "--first-sync", "upload_local"), Progress.of(n, () -> {
                        try (Imap imap = new Imap(JEAN)) {
                            return sum(imap.tree(root));
                        }
                    }), rnd, 400, 3500, Math.min(7, KILLS - fig.kills));
            try (Imap imap = new Imap(JEAN)) {
                fig.compare("server", expected, imap.tree(root));
                fig.compare("local", expected, CliKillIT.localTree(profile.resolve("mail").resolve(root)));
                fig.items += n;
                if (fig.notes.isEmpty()) {
                    imap.deleteTree(root);
                }
            }
        } while (fig.kills < KILLS);
        fig.report();
    }

    @Test
    void folderRenames() throws Exception {
        long seed = seed("renames");
        Random rnd = new Random(seed);
        Figures fig = new Figures("renames", seed);
        do {
            String root = "KillRn-" + Long.toHexString(seed & 0xffffff) + "-r" + fig.rounds++;
            Path profile = dir.resolve(root);
            Map<String, List<String>> expected = new TreeMap<>();
            List<String> top = List.of("F0", "F1", "F2", "F3", "F4", "F5");
            try (Imap imap = new Imap(JEAN)) {
                int n = 0;
                List<String> folders = new ArrayList<>(top);
                folders.add("F1/Child");
                for (String f : folders) {
                    List<byte[]> msgs = new ArrayList<>();
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < 12; i++, n++) {
                        String id = "<rn-" + root + "-" + n + "@kill.test>";
                        ids.add(id);
                        msgs.add(mail(id, "Rename " + n, 1000 + rnd.nextInt(6000), rnd));
                    }
                    imap.append(root + "/" + f, msgs);
                    Collections.sort(ids);
                    expected.put(f, ids);
                }
                expected.put("", List.of());
                fig.items += n;
            }
            createProfile(profile, JEAN, s -> s.select(FolderPath.of(root), FolderSelection.INHERIT));
            assertThat(runCli("renames", profile, 600)).as("first sync of %s", root).isZero();

            // Local renames: three folders renamed in place (F1 takes its child along), one moved under another.
            List<String> order = new ArrayList<>(top);
            Collections.shuffle(order, rnd);
            Path base = profile.resolve("mail").resolve(root);
            List<String> renamed = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String from = order.get(i);
                String to = i < 3 ? from + "-renamed" : order.get(4) + "/" + from + "-moved";
                Files.move(base.resolve(from), base.resolve(to));
                renamed.add(to);
                Map<String, List<String>> moved = new TreeMap<>();
                expected.forEach((k, v) -> moved.put(k.equals(from) || k.startsWith(from + "/") ? to + k.substring(from.length()) : k, v));
                expected = moved;
            }
            fig.kills += killUntilDone(fig, () -> cli("renames", "sync", "--dir", profile.toString(), "--once", "-q"),
                    Progress.of(renamed.size(), () -> {
                        try (Imap imap = new Imap(JEAN)) {
                            Set<String> there = imap.tree(root).keySet();
                            return (int) renamed.stream().filter(there::contains).count();
                        }
                    }), rnd, 300, 4500, Math.min(5, KILLS - fig.kills));
            try (Imap imap = new Imap(JEAN)) {
                fig.compare("server", expected, imap.tree(root));
                fig.compare("local", expected, CliKillIT.localTree(base));
                if (fig.notes.isEmpty()) {
                    imap.deleteTree(root);
                }
            }
        } while (fig.kills < KILLS);
        fig.report();
    }

    @Test
    void groupwareEdits() throws Exception {
        long seed = seed("groupware");
        Random rnd = new Random(seed);
        Figures fig = new Figures("groupware", seed);
        do {
            String tag = Long.toHexString(seed & 0xffffff) + "-r" + fig.rounds++;
            String contacts = "KillGwC-" + tag;
            String events = "KillGwE-" + tag;
            Path profile = dir.resolve("gw-" + tag);
            // folder -> object UID -> the marker of the version each side must end with
            Map<String, Map<String, String>> want = new TreeMap<>();
            try (ImapRemoteStore r = ImapRemoteStore.builder().endpoint(new Endpoint("127.0.0.1", PORT, Security.PLAIN))
                    .login(JEAN).password("secret".toCharArray()).build()) {
                r.connect();
                r.createFolder(FolderPath.of(contacts), FolderKind.CONTACTS);
                r.createFolder(FolderPath.of(events), FolderKind.EVENTS);
            }
            try (Imap imap = new Imap(JEAN)) {
                for (String f : List.of(contacts, events)) {
                    Map<String, String> objs = new TreeMap<>();
                    List<byte[]> msgs = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                        String uid = f + "-" + i;
                        objs.put(uid, "v1");
                        msgs.add(Messages.groupware(object(f.equals(contacts), uid, "v1", rnd)));
                    }
                    imap.append(f, msgs);
                    want.put(f, objs);
                }
            }
            createProfile(profile, JEAN, s -> s.select(FolderPath.of(contacts), FolderSelection.SELECTED)
                    .select(FolderPath.of(events), FolderSelection.SELECTED));
            assertThat(runCli("groupware", profile, 600)).as("first sync of %s", tag).isZero();

            // Both sides edit, add and delete objects, never the same one.
            try (Imap imap = new Imap(JEAN)) {
                for (String f : List.of(contacts, events)) {
                    boolean card = f.equals(contacts);
                    Path vdir = profile.resolve("groupware").resolve(f);
                    List<String> uids = new ArrayList<>(want.get(f).keySet());
                    Collections.shuffle(uids, rnd);
                    Map<String, String> objs = want.get(f);
                    Map<String, Path> files = localObjects(vdir);
                    for (String uid : uids.subList(0, 10)) {
                        String marker = "local-edit";
                        Path file = files.get(uid);
                        Files.writeString(file, Files.readString(file).replaceAll("(?m)^(NOTE|DESCRIPTION):[^\r\n]*",
                                "$1:" + marker));
                        objs.put(uid, marker);
                    }
                    for (String uid : uids.subList(10, 13)) {
                        Files.delete(files.get(uid));
                        objs.remove(uid);
                    }
                    for (int i = 0; i < 4; i++) {
                        String uid = f + "-local-" + i;
                        Files.writeString(vdir.resolve(uid + (card ? ".vcf" : ".ics")), object(card, uid, "local-new", rnd));
                        objs.put(uid, "local-new");
                    }
                    List<byte[]> add = new ArrayList<>();
                    for (String uid : uids.subList(13, 23)) {
                        add.add(Messages.groupware(object(card, uid, "server-edit", rnd)));
                        objs.put(uid, "server-edit");
                    }
                    for (int i = 0; i < 4; i++) {
                        String uid = f + "-server-" + i;
                        add.add(Messages.groupware(object(card, uid, "server-new", rnd)));
                        objs.put(uid, "server-new");
                    }
                    Set<String> gone = new HashSet<>(uids.subList(13, 26));
                    imap.expungeObjects(f, gone);
                    gone.removeAll(uids.subList(13, 23));
                    gone.forEach(objs::remove);
                    imap.append(f, add);
                }
            }
            int objects = want.values().stream().mapToInt(Map::size).sum();
            fig.kills += killUntilDone(fig, () -> cli("groupware", "sync", "--dir", profile.toString(), "--once", "-q"),
                    Progress.of(2 * objects, () -> {
                        int done = 0;
                        try (Imap imap = new Imap(JEAN)) {
                            for (String f : want.keySet()) {
                                Map<String, List<String>> server = imap.objects(f);
                                Map<String, List<String>> local = localMarkers(profile.resolve("groupware").resolve(f));
                                for (Map.Entry<String, String> e : want.get(f).entrySet()) {
                                    done += List.of(e.getValue()).equals(server.get(e.getKey())) ? 1 : 0;
                                    done += List.of(e.getValue()).equals(local.get(e.getKey())) ? 1 : 0;
                                }
                            }
                        }
                        return done;
                    }), rnd, 400, 4500, Math.min(5, KILLS - fig.kills));
            try (Imap imap = new Imap(JEAN)) {
                for (String f : List.of(contacts, events)) {
                    Map<String, List<String>> expected = new TreeMap<>();
                    want.get(f).forEach((uid, marker) -> expected.put(uid, List.of(marker)));
                    fig.compare("server " + f, expected, imap.objects(f));
                    fig.compare("local " + f, expected, localMarkers(profile.resolve("groupware").resolve(f)));
                    fig.items += expected.size();
                }
                if (fig.notes.isEmpty()) {
                    imap.deleteTree(contacts);
                    imap.deleteTree(events);
                }
            }
        } while (fig.kills < KILLS);
        fig.report();
    }

    @Test
    void documents() throws Exception {
        long seed = seed("documents");
        Random rnd = new Random(seed);
        Figures fig = new Figures("documents", seed);
        try (WebDavClient dav = WebDavClient.builder(WEBDAV).credentials(JEAN, "secret".toCharArray()).build()) {
            do {
                String collection = "kill-docs-" + Long.toHexString(seed & 0xffffff) + "-r" + fig.rounds++ + "/";
                Path profile = dir.resolve(collection);
                Path files = profile.resolve("docs").resolve("Files");
                Map<String, String> want = new TreeMap<>();
                dav.mkcol(collection);
                dav.mkcol(collection + "Sub/");
                Files.createDirectories(files.resolve("LocalSub"));
                for (int i = 0; i < 28; i++) {
                    String server = (i < 20 ? "" : "Sub/") + "server-" + i + ".txt";
                    String local = (i < 20 ? "" : "LocalSub/") + "local-" + i + ".txt";
                    want.put(server, text("server " + i, rnd));
                    put(dav, collection + server, want.get(server));
                    want.put(local, text("local " + i, rnd));
                    Files.writeString(files.resolve(local), want.get(local));
                }
                Callable<Process> sync = () -> child("documents", KillCampaignDocumentsMain.class.getName(), profile.toString(),
                        WEBDAV.resolve(collection).toString(), JEAN);
                // The first sync, both ways; then edits, additions and deletions on both sides.
                fig.kills += killUntilDone(fig, sync, documentsProgress(dav, collection, files, want), rnd, 400, 6000,
                        Math.min(4, KILLS - fig.kills));
                compareDocuments(fig, dav, collection, files, want);
                if (fig.kills < KILLS) {
                    List<String> names = new ArrayList<>(want.keySet());
                    Collections.shuffle(names, rnd);
                    for (String name : names.subList(0, 6)) {
                        want.put(name, text("edited here " + name, rnd));
                        Files.writeString(files.resolve(name), want.get(name));
                    }
                    for (String name : names.subList(6, 12)) {
                        want.put(name, text("edited on the server " + name, rnd));
                        put(dav, collection + name, want.get(name));
                    }
                    for (String name : names.subList(12, 15)) {
                        Files.delete(files.resolve(name));
                        want.remove(name);
                    }
                    for (String name : names.subList(15, 18)) {
                        dav.delete(collection + name, null);
                        want.remove(name);
                    }
                    for (int i = 0; i < 4; i++) {
                        want.put("new-here-" + i + ".txt", text("new here " + i, rnd));
                        Files.writeString(files.resolve("new-here-" + i + ".txt"), want.get("new-here-" + i + ".txt"));
                        want.put("Sub/new-there-" + i + ".txt", text("new there " + i, rnd));
                        put(dav, collection + "Sub/new-there-" + i + ".txt", want.get("Sub/new-there-" + i + ".txt"));
                    }
                    fig.kills += killUntilDone(fig, sync, documentsProgress(dav, collection, files, want), rnd, 400, 6000,
                            Math.min(4, KILLS - fig.kills));
                    compareDocuments(fig, dav, collection, files, want);
                }
                if (fig.notes.isEmpty()) {
                    dav.delete(collection, null);
                }
            } while (fig.kills < KILLS);
        }
        fig.report();
    }

    /** One profile of Dovecot, Radicale and nginx ({@link OneProfileKillIT}), killed during its first sync. */
    @Test
    void oneProfile() throws Exception {
        OneProfileKillIT.campaign(dir, seed("profile"), KILLS).report();
    }

    // ------------------------------------------------------------------------------------ processes

    /**
     * Starts the work until one run ends by itself, killing each run with SIGKILL at most {@code budget}
     * times; then runs it to the end. The last run must exit 0, and so must one more run after it. Half
     * the kills come at a random moment of [lo, hi) ms after the start, the other half at a random moment
     * of the first 1.5 s after the sides show the run's first progress (a JVM's start and the connection
     * take seconds here, so kills timed from the start alone rarely find the work under way). Returns the
     * kills.
     */
    static int killUntilDone(Figures fig, Callable<Process> start, Progress progress, Random rnd, int lo, int hi, int budget)
            throws Exception {
        String kind = fig.kind;
        int before = Math.max(0, done(progress));
        int kills = 0;
        int retries = 0;
        int exit;
        while (true) {
            boolean fromProgress = rnd.nextBoolean();
            int at = fromProgress ? rnd.nextInt(1500) : lo + rnd.nextInt(hi - lo);
            int runStart = kills < budget && fromProgress ? done(progress) : 0;
            long t0 = System.nanoTime();
            Process p = start.call();
            boolean ended = kills >= budget
                    || (fromProgress ? endsBeforeProgress(p, progress, runStart, at) : p.waitFor(at, TimeUnit.MILLISECONDS));
            if (!ended) {
                p.destroyForcibly().waitFor();
                kills++;
                int done = done(progress);
                if (done > before && done < progress.total()) {
                    fig.midWork++;
                }
                log(kind, "=== killed " + at + " ms after " + (fromProgress ? "the first progress" : "the start") + ", "
                        + (System.nanoTime() - t0) / 1_000_000 + " ms after the start (kill " + kills + "), done " + done
                        + " of " + progress.total() + " (" + before + " before)");
                continue;
            }
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(kind + ": a run did not end in 600 s");
            }
            exit = p.exitValue();
            log(kind, "=== ended by itself after " + (System.nanoTime() - t0) / 1_000_000 + " ms, exit code " + exit);
            if (exit == 0 || ++retries > 2) {
                break;
            }
            // Failed items after a kill are retried by the next cycle: noted, not a loss.
            fig.remarks.add("a run after " + kills + " kills exited " + exit + ", run again (round " + fig.rounds + ")");
        }
        assertThat(exit).as("%s: exit code of the run after %d kills", kind, kills).isZero();
        Process again = start.call();
        assertThat(again.waitFor(600, TimeUnit.SECONDS)).isTrue();
        log(kind, "=== rerun, exit code " + again.exitValue());
        assertThat(again.exitValue()).as("%s: exit code of a rerun", kind).isZero();
        return kills;
    }

    /**
     * Waits until the sides show more done than {@code from} (polled), then {@code delay} ms more; true
     * when the process ended meanwhile. Without progress in 60 s the delay starts anyway.
     */
    static boolean endsBeforeProgress(Process p, Progress progress, int from, int delay) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            if (p.waitFor(100, TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (done(progress) > from || System.nanoTime() > deadline) {
                return p.waitFor(delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** How much of a round's work shows on the sides: items in their final place and form. */
    interface Progress {
        int done() throws Exception;

        int total();

        static Progress of(int total, Callable<Integer> done) {
            return new Progress() {
                @Override
                public int done() throws Exception {
                    return done.call();
                }

                @Override
                public int total() {
                    return total;
                }
            };
        }
    }

    /** The progress, or -1 when the sides cannot be read as they are (a folder half made). */
    static int done(Progress progress) {
        try {
            return progress.done();
        } catch (Exception e) {
            return -1;
        }
    }

    static int sum(Map<String, List<String>> tree) {
        return tree.values().stream().mapToInt(List::size).sum();
    }

    static void log(String kind, String line) throws IOException {
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve(kind + ".log"), line + System.lineSeparator(), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** The CLI as ./icesync runs it, its output appended to the kind's log. */
    static Process cli(String kind, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                JAR.toString()));
        cmd.addAll(List.of(args));
        return start(kind, cmd);
    }

    /** A main class of this module's test classpath in a JVM of its own. */
    static Process child(String kind, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), main));
        cmd.addAll(List.of(args));
        return start(kind, cmd);
    }

    private static Process start(String kind, List<String> cmd) throws IOException {
        log(kind, "=== " + String.join(" ", cmd.subList(cmd.size() - 4, cmd.size())));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(OUT.resolve(kind + ".log").toFile()));
        pb.environment().put("ICESYNC_KILL_PASSWORD", "secret");
        return pb.start();
    }

    private static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int runCli(String kind, Path profile, int seconds) throws Exception {
        Process p = cli(kind, "sync", "--dir", profile.toString(), "--once", "-q");
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(kind + ": a sync did not end in " + seconds + " s");
        }
        return p.exitValue();
    }

    /** A CLI profile; with a selection, every other folder is left unselected (its items not synced). */
    static void createProfile(Path profile, String user, java.util.function.UnaryOperator<SyncSettings.Builder> selection)
            throws Exception {
        assertThat(CliKillIT.run(JAR, 60, "profile", "create", "--dir", profile.toString(), "--email", user, "--imap",
                "127.0.0.1:" + PORT, "--security", "plain", "--user", user, "--password-env", "ICESYNC_KILL_PASSWORD"))
                .as("profile create").isZero();
        if (selection != null) {
            IceSync.updateProfile(profile, p -> p.withSettings(
                    selection.apply(p.settings().toBuilder().defaultSelection(FolderSelection.UNSELECTED)).build()));
        }
    }

    // --------------------------------------------------------------------------------------- content

    static byte[] mail(String messageId, String subject, int size, Random rnd) {
        StringBuilder b = new StringBuilder("Message-ID: " + messageId + "\r\nFrom: Kill <kill@example.com>\r\nTo: " + JEAN
                + "\r\nSubject: " + subject + "\r\nDate: Mon, 07 Dec 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n\r\n");
        while (b.length() < size) {
            for (int i = 0; i < 72; i++) {
                b.append((char) ('a' + rnd.nextInt(26)));
            }
            b.append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A contact (NOTE) or an event (DESCRIPTION) carrying a marker of its version. */
    static String object(boolean card, String uid, String marker, Random rnd) {
        String name = "Kill " + uid + " " + rnd.nextInt(1000);
        if (card) {
            return "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:" + uid + "\r\nFN:" + name + "\r\nN:" + name + ";;;;\r\nNOTE:" + marker
                    + "\r\nEND:VCARD\r\n";
        }
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kill//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
                + "\r\nDTSTAMP:20261101T080000Z\r\nDTSTART:20261102T090000Z\r\nDTEND:20261102T100000Z\r\nSUMMARY:" + name
                + "\r\nDESCRIPTION:" + marker + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    /** UID -> marker of an object's text; a text without either gives "(none)". */
    static String[] uidAndMarker(String text) {
        String uid = "(none)";
        String marker = "(none)";
        for (String line : text.split("\r?\n")) {
            if (line.startsWith("UID:")) {
                uid = line.substring(4).trim();
            } else if (line.startsWith("NOTE:") || line.startsWith("DESCRIPTION:")) {
                marker = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return new String[] {uid, marker};
    }

    static Map<String, Path> localObjects(Path vdir) throws IOException {
        Map<String, Path> out = new HashMap<>();
        try (Stream<Path> s = Files.list(vdir)) {
            for (Path f : s.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                out.put(uidAndMarker(Files.readString(f))[0], f);
            }
        }
        return out;
    }

    /** UID -> markers of every object file of a vdir folder (several when it is there twice). */
    static Map<String, List<String>> localMarkers(Path vdir) throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        if (!Files.isDirectory(vdir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(vdir)) {
            for (Path f : s.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                String[] um = uidAndMarker(Files.readString(f));
                out.computeIfAbsent(um[0], k -> new ArrayList<>()).add(um[1]);
            }
        }
        out.values().forEach(Collections::sort);
        return out;
    }

    static String text(String head, Random rnd) {
        StringBuilder b = new StringBuilder(head).append('\n');
        int size = 500 + rnd.nextInt(rnd.nextInt(8) == 0 ? 400_000 : 30_000);
        while (b.length() < size) {
            b.append((char) ('a' + rnd.nextInt(26)));
            if (rnd.nextInt(70) == 0) {
                b.append('\n');
            }
        }
        return b.toString();
    }

    static void put(WebDavClient dav, String path, String content) {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        dav.put(path, new ByteArrayInputStream(b), b.length, "text/plain", Precondition.none());
    }

    /** Documents at their path with their length, on each side: a listing, no download, so it can be polled. */
    static Progress documentsProgress(WebDavClient dav, String collection, Path files, Map<String, String> want) {
        Map<String, Long> lengths = new TreeMap<>();
        want.forEach((k, v) -> lengths.put(k, (long) v.getBytes(StandardCharsets.UTF_8).length));
        return Progress.of(2 * lengths.size(), () -> {
            Map<String, Long> server = new HashMap<>();
            List<String> todo = new ArrayList<>(List.of(collection));
            while (!todo.isEmpty()) {
                String c = todo.remove(0);
                for (DavResource r : dav.propfind(c, Depth.ONE)) {
                    if (r.collection() && !r.path().equals(c)) {
                        todo.add(r.path().endsWith("/") ? r.path() : r.path() + "/");
                    } else if (!r.collection()) {
                        server.put(r.path().substring(collection.length()), r.length());
                    }
                }
            }
            int done = 0;
            for (Map.Entry<String, Long> e : lengths.entrySet()) {
                Path local = files.resolve(e.getKey());
                done += e.getValue().equals(server.get(e.getKey())) ? 1 : 0;
                done += Files.isRegularFile(local) && Files.size(local) == e.getValue() ? 1 : 0;
            }
            return done;
        });
    }

    static Map<String, String> serverDocuments(WebDavClient dav, String collection) {
        Map<String, String> server = new TreeMap<>();
        List<String> todo = new ArrayList<>(List.of(collection));
        while (!todo.isEmpty()) {
            String c = todo.remove(0);
            for (DavResource r : dav.propfind(c, Depth.ONE)) {
                if (r.path().equals(c)) {
                    continue;
                }
                if (r.collection()) {
                    todo.add(r.path().endsWith("/") ? r.path() : r.path() + "/");
                } else {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    dav.get(r.path(), out);
                    server.put(r.path().substring(collection.length()), out.toString(StandardCharsets.UTF_8));
                }
            }
        }
        return server;
    }

    static Map<String, String> localDocuments(Path files) throws IOException {
        Map<String, String> local = new TreeMap<>();
        try (Stream<Path> s = Files.walk(files)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String rel = files.relativize(f).toString();
                if (!f.getFileName().toString().startsWith(".icesync")) {
                    local.put(rel, Files.readString(f));
                }
            }
        }
        return local;
    }

    /** Path -> content on both sides against what they must hold; a wrong content counts as stale. */
    static void compareDocuments(Figures fig, WebDavClient dav, String collection, Path files, Map<String, String> want)
            throws IOException {
        Map<String, String> server = serverDocuments(dav, collection);
        Map<String, String> local = localDocuments(files);
        for (Map.Entry<String, Map<String, String>> side : Map.of("server", server, "local", local).entrySet()) {
            Map<String, List<String>> expected = new TreeMap<>();
            Map<String, List<String>> actual = new TreeMap<>();
            want.keySet().forEach(k -> expected.put(k, List.of("present")));
            side.getValue().keySet().forEach(k -> actual.put(k, List.of("present")));
            fig.compare(side.getKey(), Map.of("", new ArrayList<>(expected.keySet())), Map.of("", new ArrayList<>(actual.keySet())));
            for (Map.Entry<String, String> e : want.entrySet()) {
                String have = side.getValue().get(e.getKey());
                if (have != null && !have.equals(e.getValue())) {
                    fig.stale++;
                    fig.notes.add(side.getKey() + " holds another version of " + e.getKey() + " (" + have.length()
                            + " chars, want " + e.getValue().length() + ")");
                }
            }
        }
        fig.items += want.size();
    }

    // -------------------------------------------------------------------------------------------- IMAP

    /** Another IMAP client of the account: seeds and reads what the server holds. */
    static final class Imap implements AutoCloseable {
        final Session session = Session.getInstance(peek());
        final Store store;

        /** Reading a message must not set \Seen: a flag changed on the server wins over a local deletion. */
        private static Properties peek() {
            Properties p = new Properties();
            p.setProperty("mail.imap.peek", "true");
            return p;
        }

        Imap(String user) throws Exception {
            store = session.getStore("imap");
            store.connect("127.0.0.1", PORT, user, "secret");
        }

        void append(String name, List<byte[]> messages) throws Exception {
            Folder f = store.getFolder(name);
            if (!f.exists()) {
                assertThat(f.create(Folder.HOLDS_MESSAGES | Folder.HOLDS_FOLDERS)).as("create %s", name).isTrue();
            }
            List<Message> batch = new ArrayList<>();
            for (byte[] m : messages) {
                batch.add(new MimeMessage(session, new ByteArrayInputStream(m)));
            }
            f.appendMessages(batch.toArray(new Message[0]));
        }

        /** Folder path relative to root ("" for root) -> sorted Message-IDs. */
        Map<String, List<String>> tree(String root) throws Exception {
            Map<String, List<String>> out = new TreeMap<>();
            Folder r = store.getFolder(root);
            if (!r.exists()) {
                return out;
            }
            List<Folder> all = new ArrayList<>(List.of(r));
            all.addAll(List.of(r.list("*")));
            for (Folder f : all) {
                String rel = f.getFullName().equals(root) ? "" : f.getFullName().substring(root.length() + 1);
                List<String> ids = new ArrayList<>();
                if ((f.getType() & Folder.HOLDS_MESSAGES) != 0) {
                    f.open(Folder.READ_ONLY);
                    Message[] msgs = f.getMessages();
                    FetchProfile fp = new FetchProfile();
                    fp.add("Message-ID");
                    f.fetch(msgs, fp);
                    for (Message m : msgs) {
                        String[] h = m.getHeader("Message-ID");
                        ids.add(h == null ? "(none)" : h[0].trim());
                    }
                    f.close(false);
                }
                Collections.sort(ids);
                out.put(rel, ids);
            }
            return out;
        }

        /** Object UID -> sorted markers of the messages of a groupware folder. */
        Map<String, List<String>> objects(String name) throws Exception {
            Map<String, List<String>> out = new TreeMap<>();
            Folder f = store.getFolder(name);
            f.open(Folder.READ_ONLY);
            for (Message m : f.getMessages()) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                m.writeTo(b);
                String[] um = uidAndMarker(b.toString(StandardCharsets.UTF_8));
                out.computeIfAbsent(um[0], k -> new ArrayList<>()).add(um[1]);
            }
            f.close(false);
            out.values().forEach(Collections::sort);
            return out;
        }

        /** Expunges the messages of the objects with these UIDs, as another client deleting or editing them. */
        void expungeObjects(String name, Set<String> uids) throws Exception {
            Folder f = store.getFolder(name);
            f.open(Folder.READ_WRITE);
            for (Message m : f.getMessages()) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                m.writeTo(b);
                if (uids.contains(uidAndMarker(b.toString(StandardCharsets.UTF_8))[0])) {
                    m.setFlags(new Flags(Flags.Flag.DELETED), true);
                }
            }
            f.close(true);
        }

        void deleteTree(String name) throws Exception {
            Folder f = store.getFolder(name);
            if (f.exists()) {
                f.delete(true);
            }
        }

        @Override
        public void close() throws Exception {
            store.close();
        }
    }
}
