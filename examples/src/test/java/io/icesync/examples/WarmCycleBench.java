package io.icesync.examples;

import io.icesync.client.IceSync;
import io.icesync.client.Profile;
import io.icesync.core.Account;
import io.icesync.core.Endpoint;
import io.icesync.core.Security;
import io.icesync.core.engine.FolderReport;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.SecretStore;
import io.icesync.core.store.LocalStores;
import io.icesync.core.store.SecretStores;
import io.icesync.core.store.StateStores;
import io.icesync.imap.ImapRemoteStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded warm cycle (bench/warm.sh): the facade syncs an account in this JVM, then, after a few
 * warm-up cycles, each round times a no-change cycle, a cycle after 100 flag changes made by a raw
 * client (\Flagged set, then cleared the next round), the cycle 2 s after that one (the changed folder is
 * listed once more before it is taken as settled), and the raw floor: one
 * {@code LIST "" "*" RETURN (STATUS (...))} by a raw client on a connection already logged in. mbsync's
 * whole process, with no change and after the same 100 flag changes, is timed in the same run and as many
 * rounds when its script is given (the script pulls the account once and writes the configuration). Prints
 * medians and ratios: compare within one run, never across machines.
 *
 * <p>System properties: {@code host} (127.0.0.1), {@code port} (10143), {@code user}
 * (bench@iwdemo.test), {@code password} (secret), {@code rounds} (5), {@code warmup} (3),
 * {@code mbsync} (the path of mbsync-bench.sh; empty to skip), {@code work} (a temporary folder), {@code trace} (true to print the
 * commands of the first round's cycles), {@code jfr} (a file for a flight recording of the measured rounds).
 * The account's messages are only read, except \Flagged on the first 100 of INBOX, cleared at the end.
 */
public final class WarmCycleBench {
    private static final String STATUS = "(STATUS (MESSAGES UIDNEXT UIDVALIDITY HIGHESTMODSEQ))";

    /** The commands IceSync sent since the last clear, when {@code -Dtrace=true}. */
    private static final List<String> COMMANDS = java.util.Collections.synchronizedList(new ArrayList<>());
    private static final Pattern COMMAND = Pattern.compile("^[A-Z]+\\d+ [A-Z].*");
    private static boolean trace;

    private WarmCycleBench() {
    }

    private static void traced(String line) {
        if (COMMAND.matcher(line).matches()) {
            COMMANDS.add(line.length() > 100 ? line.substring(0, 100) + "..." : line);
        }
    }

    private static void printCommands(String what, int round) {
        if (trace && round == 0) {
            System.out.println(what + ": " + COMMANDS.size() + " commands");
            synchronized (COMMANDS) {
                COMMANDS.forEach(c -> System.out.println("  " + c));
            }
        }
    }

    public static void main(String[] args) throws Exception {
        String host = System.getProperty("host", "127.0.0.1");
        int port = Integer.getInteger("port", 10143);
        String user = System.getProperty("user", "bench@iwdemo.test");
        String password = System.getProperty("password", "secret");
        int rounds = Integer.getInteger("rounds", 5);
        int warmup = Integer.getInteger("warmup", 3);
        String mbsync = System.getProperty("mbsync", "");
        trace = Boolean.getBoolean("trace");
        Path work = System.getProperty("work") == null ? Files.createTempDirectory("icesync-warm")
                : Files.createDirectories(Path.of(System.getProperty("work")));

        try (Raw raw = new Raw(host, port, user, password)) {
            raw.flagged(false);
            long messages = raw.messages();
            Profile p = new Profile(new Account(user, user, new Endpoint(host, port, Security.PLAIN)),
                    SyncSettings.defaults(), null);
            SecretStore secrets = SecretStores.inMemory();
            secrets.put(p.account().secretKey(), password.toCharArray());
            Path dir = work.resolve("ice");
            deleteTree(dir);
            Files.createDirectories(dir);
            double[] noop = new double[rounds];
            double[] flags = new double[rounds];
            double[] floor = new double[rounds];
            double[] settle = new double[rounds];
            int[] flagChanges = new int[rounds];
            double initial;
            IceSync.Builder builder = IceSync.builder().profile(p).secrets(secrets)
                    .state(StateStores.sqlite(dir.resolve("state.db")))
                    .local(LocalStores.maildir(dir.resolve("mail")));
            if (trace) {
                builder.remote(ImapRemoteStore.builder().endpoint(p.account().imap()).login(user)
                        .password(password.toCharArray()).protocolTrace(WarmCycleBench::traced).build());
            }
            try (IceSync sync = builder.build()) {
                long t0 = System.nanoTime();
                check(sync.syncOnce());
                initial = seconds(t0);
                for (int i = 0; i < warmup; i++) {
                    check(sync.syncOnce());
                    raw.flagged(i % 2 == 0);
                    check(sync.syncOnce());
                    raw.list();
                }
                raw.flagged(false);
                check(sync.syncOnce());
                jdk.jfr.Recording jfr = null;
                if (!System.getProperty("jfr", "").isEmpty()) {
                    jfr = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                    jfr.start();
                }
                for (int r = 0; r < rounds; r++) {
                    // A Maildir change mark younger than 2 s is not trusted: the cycle after a change waits
                    // that long, lists the changed folder once more (timed as "settling") and records it.
                    Thread.sleep(2100);
                    long s0 = System.nanoTime();
                    expectNoChange(sync.syncOnce());
                    settle[r] = seconds(s0);
                    long a = System.nanoTime();
                    COMMANDS.clear();
                    SyncReport quiet = expectNoChange(sync.syncOnce());
                    noop[r] = seconds(a);
                    printCommands("no-change cycle", r);
                    long b = System.nanoTime();
                    raw.list();
                    floor[r] = seconds(b);
                    raw.flagged(r % 2 == 0);
                    COMMANDS.clear();
                    long c = System.nanoTime();
                    SyncReport changed = check(sync.syncOnce());
                    flags[r] = seconds(c);
                    printCommands("100 flags cycle", r);
                    flagChanges[r] = changed.folders().stream().mapToInt(FolderReport::flagsToLocal).sum();
                }
                if (jfr != null) {
                    jfr.stop();
                    jfr.dump(Path.of(System.getProperty("jfr")));
                }
            } finally {
                raw.flagged(false);
            }
            double[] mbsyncNoop = {Double.NaN};
            double[] mbsyncFlags = {Double.NaN};
            if (!mbsync.isEmpty()) {
                // The script's own run pulls the account and writes the configuration; then each round
                // times mbsync's whole process with the same configuration: no change, then 100 flags.
                Path mdir = work.resolve("mbsync");
                mbsync(mbsync, mdir, user, port);
                raw.flagged(false);
                mbsyncRun(mdir);
                mbsyncNoop = new double[rounds];
                mbsyncFlags = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    mbsyncNoop[r] = mbsyncRun(mdir);
                    raw.flagged(r % 2 == 0);
                    mbsyncFlags[r] = mbsyncRun(mdir);
                }
                raw.flagged(false);
            }
            System.out.printf(Locale.ROOT, "account %s on %s:%d, %d messages, %d rounds after %d warm-up cycles%n",
                    user, host, port, messages, rounds, warmup);
            System.out.printf(Locale.ROOT, "initial sync (this JVM)          %8.3f s%n", initial);
            System.out.printf(Locale.ROOT, "raw floor LIST-STATUS            %8.2f ms  %s%n", 1000 * median(floor), all(floor));
            System.out.printf(Locale.ROOT, "no-change cycle                  %8.2f ms  %s%n", 1000 * median(noop), all(noop));
            System.out.printf(Locale.ROOT, "100 flag changes cycle           %8.2f ms  %s (flags applied %s)%n",
                    1000 * median(flags), all(flags), Arrays.toString(flagChanges));
            System.out.printf(Locale.ROOT, "settling cycle (2 s after those)  %8.2f ms  %s%n",
                    1000 * median(settle), all(settle));
            System.out.printf(Locale.ROOT, "mbsync process, no change         %8.2f ms  %s%n", 1000 * median(mbsyncNoop),
                    all(mbsyncNoop));
            System.out.printf(Locale.ROOT, "mbsync process, 100 flag changes  %8.2f ms  %s%n", 1000 * median(mbsyncFlags),
                    all(mbsyncFlags));
            System.out.printf(Locale.ROOT, "ratio no-change / raw floor      %8.1f x  (target <= 10)%n",
                    median(noop) / median(floor));
            System.out.printf(Locale.ROOT, "ratio 100 flags / mbsync flags   %8.2f x  (target <= 1.0)%n",
                    median(flags) / median(mbsyncFlags));
        } finally {
            if (System.getProperty("work") == null) {
                deleteTree(work);
            }
        }
    }

    private static SyncReport expectNoChange(SyncReport r) {
        if (check(r).changedAnything()) {
            throw new IllegalStateException("a no-change cycle changed something: " + r.summary());
        }
        return r;
    }

    private static SyncReport check(SyncReport r) {
        if (!r.ok()) {
            throw new IllegalStateException("the cycle failed: " + r.summary());
        }
        return r;
    }

    /** One mbsync process with mbsync-bench.sh's configuration in {@code dir}: its wall time in seconds. */
    private static double mbsyncRun(Path dir) throws Exception {
        long t0 = System.nanoTime();
        Process pr = new ProcessBuilder("mbsync", "-q", "-c", dir.resolve("mbsyncrc").toString(), "bench")
                .redirectErrorStream(true).start();
        String out = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (pr.waitFor() != 0) {
            throw new IllegalStateException("mbsync failed: " + out);
        }
        return seconds(t0);
    }

    /** mbsync-bench.sh's noop and flags100 wall times (its initial pull runs first, untimed here). */
    private static double[] mbsync(String script, Path dir, String user, int port) throws Exception {
        Process pr = new ProcessBuilder(script, dir.toString(), user, String.valueOf(port))
                .redirectErrorStream(true).start();
        String out = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (pr.waitFor() != 0) {
            throw new IllegalStateException("mbsync-bench.sh failed: " + out);
        }
        double[] t = {Double.NaN, Double.NaN};
        Matcher m = Pattern.compile("(noop|flags100) wall_s=([0-9.]+)").matcher(out);
        while (m.find()) {
            t[m.group(1).equals("noop") ? 0 : 1] = Double.parseDouble(m.group(2));
        }
        return t;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String all(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (double d : v) {
            b.append(b.length() > 1 ? " " : "").append(String.format(Locale.ROOT, "%.1f", d * 1000));
        }
        return b.append("]").toString();
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(x);
            }
        }
    }

    /** A raw IMAP client on a plain socket: one connection, logged in once. */
    private static final class Raw implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;
        private int tag;

        Raw(String host, int port, String user, String password) throws IOException {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            out = socket.getOutputStream();
            in.readLine();
            run("LOGIN \"" + user + "\" \"" + password + "\"");
        }

        List<String> run(String command) throws IOException {
            String t = "r" + (++tag);
            out.write((t + " " + command + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            List<String> lines = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(t + " ")) {
                    if (!line.startsWith(t + " OK")) {
                        throw new IOException("the server answered " + line);
                    }
                    return lines;
                }
                lines.add(line);
            }
            throw new IOException("the server closed the connection");
        }

        List<String> list() throws IOException {
            return run("LIST \"\" \"*\" RETURN " + STATUS);
        }

        long messages() throws IOException {
            long n = 0;
            Matcher m = Pattern.compile("MESSAGES (\\d+)").matcher("");
            for (String l : list()) {
                if (l.startsWith("* STATUS") && m.reset(l).find()) {
                    n += Long.parseLong(m.group(1));
                }
            }
            return n;
        }

        /** Sets or clears \Flagged on the first 100 messages of INBOX. */
        void flagged(boolean on) throws IOException {
            run("SELECT INBOX");
            List<String> uids = new ArrayList<>();
            for (String l : run("UID SEARCH ALL")) {
                if (l.startsWith("* SEARCH")) {
                    uids.addAll(Arrays.asList(l.substring(8).trim().split(" ")));
                }
            }
            uids.removeIf(String::isEmpty);
            if (!uids.isEmpty()) {
                run("UID STORE " + String.join(",", uids.subList(0, Math.min(100, uids.size())))
                        + (on ? " +" : " -") + "FLAGS.SILENT (\\Flagged)");
            }
            run("UNSELECT");
        }

        @Override
        public void close() throws IOException {
            try {
                run("LOGOUT");
            } catch (IOException e) {
                // closing anyway
            }
            socket.close();
        }
    }
}
