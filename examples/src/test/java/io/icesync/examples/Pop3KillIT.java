package io.icesync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.examples.cli.IceSyncCli;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.TestMailbox;
import io.icesync.testkit.TestMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GroupWare profile's mail download over POP3 as a user meets a crash: the CLI ({@code sync --once}, a
 * process of its own) is killed with SIGKILL at random moments while it downloads a maildrop of many
 * messages, then run to the end. {@code mail/INBOX} must then hold every message exactly once, whether
 * the profile leaves the copies on the server or deletes them at the end of the session (0 days). The
 * testkit's POP3 runs in this JVM; with the peers ({@code -Pinterop}) the same holds on Dovecot's POP3.
 * {@code -Dicesync.kill.seed.pop3-leave=N} (and {@code pop3-delete}, {@code pop3-dovecot}) replays.
 */
class Pop3KillIT {
    static final String JEAN = "jean@iwdemo.test";
    static final int MESSAGES = Integer.getInteger("icesync.kill.pop3.messages", 500);
    static final int KILLS = Integer.getInteger("icesync.kill.pop3.count", 4);
    static final int DOVECOT_IMAP = Integer.getInteger("icesync.dovecot.port", 10143);
    static final int DOVECOT_POP3 = Integer.getInteger("icesync.dovecot.pop3.port", 10110);

    @TempDir
    Path tmp;

    @Test
    void leavingCopiesOnTheServerKilledAtRandomMomentsThenRunToTheEndEachMessageIsInTheInboxOnce() throws Exception {
        try (IceWarpServer server = IceWarpServer.start(JEAN, "secret")) {
            List<String> ids = fill(server.account(JEAN).mailbox("INBOX"), "leave");
            KillCampaignIT.Figures fig = download("pop3-leave", server, "--leave-on-server", ids);
            assertThat(server.account(JEAN).mailbox("INBOX").messages()).as("the copies stay on the server")
                    .extracting(TestMessage::messageId).containsExactlyInAnyOrderElementsOf(ids);
            fig.report();
        }
    }

    @Test
    void deletingAfterZeroDaysKilledAtRandomMomentsThenRunToTheEndEachMessageIsInTheInboxOnceAndGoneFromTheServer()
            throws Exception {
        try (IceWarpServer server = IceWarpServer.start(JEAN, "secret")) {
            List<String> ids = fill(server.account(JEAN).mailbox("INBOX"), "delete");
            KillCampaignIT.Figures fig = download("pop3-delete", server, "--delete-after-days", ids);
            assertThat(server.account(JEAN).mailbox("INBOX").messages()).as("deleted once stored").isEmpty();
            fig.report();
        }
    }

    /**
     * Dovecot's POP3 on a shared account: only "leave on server" (deleting would take other tests' mail),
     * the test's own messages appended over IMAP and removed at the end. Every file of the INBOX carries
     * the UIDL it came with: none may come twice, and each of the test's messages is there once.
     */
    @Test
    @EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
    void onDovecotsPop3KilledAtRandomMomentsThenRunToTheEndNoMessageComesTwice() throws Exception {
        String user = "josephine@iwdemo.test";
        String tag = Long.toString(System.nanoTime());
        DovecotInbox inbox = new DovecotInbox(user, DOVECOT_IMAP);
        try {
            List<String> ids = inbox.fill(tag, MESSAGES / 2);
            Path dir = tmp.resolve("dovecot");
            KillCampaignIT.Figures fig = new KillCampaignIT.Figures("pop3-dovecot", KillCampaignIT.seed("pop3-dovecot"));
            fig.wanted = KILLS;
            createProfile(dir, user, DOVECOT_IMAP, DOVECOT_POP3, "--leave-on-server");
            killAndFinish(fig, dir, ids.size() + inbox.othersAtStart());
            Map<String, Integer> uidls = uidlCounts(dir);
            uidls.forEach((uidl, n) -> {
                if (n > 1) {
                    fig.duplicated += n - 1;
                    fig.notes.add("mail/INBOX holds the POP3 message " + uidl + " " + n + " times");
                }
            });
            List<String> local = new ArrayList<>(inboxIds(dir));
            local.retainAll(ids);
            fig.compare("mail/", Map.of("INBOX", sorted(ids)), Map.of("INBOX", sorted(local)));
            fig.items = ids.size();
            assertThat(inbox.count(tag)).as("the copies stay on Dovecot").isEqualTo(ids.size());
            fig.report();
        } finally {
            inbox.removeTagged(tag);
        }
    }

    private KillCampaignIT.Figures download(String kind, IceWarpServer server, String mode, List<String> ids)
            throws Exception {
        KillCampaignIT.Figures fig = new KillCampaignIT.Figures(kind, KillCampaignIT.seed(kind));
        fig.wanted = KILLS;
        Path dir = tmp.resolve(kind);
        if (mode.equals("--delete-after-days")) {
            createProfile(dir, JEAN, server.imap().port(), server.pop3().port(), mode, "0");
        } else {
            createProfile(dir, JEAN, server.imap().port(), server.pop3().port(), mode);
        }
        killAndFinish(fig, dir, ids.size());
        fig.compare("mail/", Map.of("INBOX", sorted(ids)), Map.of("INBOX", sorted(inboxIds(dir))));
        fig.items = ids.size();
        return fig;
    }

    /**
     * Kills {@link #KILLS} runs, each once it has stored a random number of the messages left (within the
     * first half of them, so that every kill finds work left; a JVM's start takes seconds, so kills timed
     * from the start alone mostly find no download under way), then runs the sync to its end and once
     * more; both must exit 0.
     */
    private void killAndFinish(KillCampaignIT.Figures fig, Path dir, int total) throws Exception {
        Random rnd = new Random(fig.seed);
        fig.rounds = 1;
        while (fig.kills < KILLS) {
            int before = inboxFiles(dir);
            if (before >= total) {
                break;
            }
            Process p = sync(fig.kind, dir);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            // A random point of what is left to download, so that the kill lands mid-download however fast
            // the machine is (a random time alone finds the work done on an idle machine).
            int target = before + 1 + rnd.nextInt(Math.max(1, (total - before) / 2));
            int seen = before;
            while (p.isAlive() && (seen = inboxFiles(dir)) < target && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            if (!p.isAlive()) {
                KillCampaignIT.log(fig.kind, "=== ended by itself before its kill, exit code " + p.exitValue());
                break;
            }
            p.destroyForcibly().waitFor();
            fig.kills++;
            int done = inboxFiles(dir);
            if (done > before && done < total) {
                fig.midWork++;
            }
            KillCampaignIT.log(fig.kind, "=== killed at " + seen + " messages stored (aimed at " + target + ", kill "
                    + fig.kills + "), " + done + " of " + total + " in mail/INBOX (" + before + " before)");
        }
        for (String run : List.of("to the end", "again")) {
            Process p = sync(fig.kind, dir);
            assertThat(p.waitFor(600, TimeUnit.SECONDS)).as("the sync %s ended", run).isTrue();
            KillCampaignIT.log(fig.kind, "=== run " + run + ", exit code " + p.exitValue());
            assertThat(p.exitValue()).as("exit code of the sync %s (see target/kill-campaign/%s.log)", run, fig.kind)
                    .isZero();
        }
        assertThat(fig.midWork).as("kills that landed while messages came down (seed %d)", fig.seed).isPositive();
    }

    private static Process sync(String kind, Path dir) throws IOException {
        return KillCampaignIT.child(kind, IceSyncCli.class.getName(), "sync", "--dir", dir.toString(), "--once", "-q");
    }

    private static void createProfile(Path dir, String user, int imap, int pop3, String... mode) throws Exception {
        List<String> args = new ArrayList<>(List.of("profile", "create", "--dir", dir.toString(), "--email", user,
                "--imap", "127.0.0.1:" + imap, "--security", "plain", "--user", user, "--password-env",
                "ICESYNC_KILL_PASSWORD", "--pop3", "127.0.0.1:" + pop3, "--pop3-security", "plain",
                "--pop3-listener-port", "0"));
        args.addAll(List.of(mode));
        Process p = KillCampaignIT.child("pop3-profile", IceSyncCli.class.getName(), args.toArray(String[]::new));
        assertThat(p.waitFor()).as("profile create (see target/kill-campaign/pop3-profile.log)").isZero();
    }

    private static List<String> fill(TestMailbox inbox, String tag) {
        Random rnd = new Random(tag.hashCode());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            String id = "<pop3-" + tag + "-" + i + "@iwdemo.test>";
            ids.add(id);
            inbox.append(KillCampaignIT.mail(id, "POP3 " + i, 2_000 + rnd.nextInt(30_000), rnd));
        }
        return ids;
    }

    private static List<String> sorted(List<String> ids) {
        List<String> s = new ArrayList<>(ids);
        Collections.sort(s);
        return s;
    }

    /** The message files of mail/INBOX (cur and new). */
    private static List<Path> files(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String sub : List.of("cur", "new")) {
            Path d = dir.resolve("mail").resolve("INBOX").resolve(sub);
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    s.filter(f -> !f.getFileName().toString().startsWith(".")).forEach(out::add);
                }
            }
        }
        return out;
    }

    private static int inboxFiles(Path dir) throws IOException {
        return files(dir).size();
    }

    private static List<String> inboxIds(Path dir) throws IOException {
        List<String> ids = new ArrayList<>();
        for (Path f : files(dir)) {
            ids.add(header(f, "Message-ID:"));
        }
        return ids;
    }

    /** UIDL -> how many INBOX files carry it on their first line. */
    private static Map<String, Integer> uidlCounts(Path dir) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (Path f : files(dir)) {
            counts.merge(header(f, "X-IceSync-UIDL:"), 1, Integer::sum);
        }
        return counts;
    }

    private static String header(Path f, String name) throws IOException {
        try (InputStream in = Files.newInputStream(f);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            for (String line; (line = r.readLine()) != null && !line.isEmpty(); ) {
                if (line.regionMatches(true, 0, name, 0, name.length())) {
                    return line.substring(name.length()).trim();
                }
            }
        }
        return "(none in " + f.getFileName() + ")";
    }
}
