package io.icesync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * PITFALLS 1-2, as a user meets them: the CLI is killed with SIGKILL at random moments of an
 * initial sync of a filled Dovecot account, then run again to the end. The local Maildir tree must
 * then hold exactly the server's messages: none missing, none twice.
 */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class CliKillIT {
    static final String USER = System.getProperty("icesync.kill.user", "josephine@iwdemo.test");
    static final int PORT = Integer.getInteger("icesync.dovecot.port", 10143);
    static final int MESSAGES = Integer.getInteger("icesync.kill.messages", 1500);

    @TempDir
    Path dir;

    @Test
    void killedAtRandomMomentsThenRerunGivesExactlyTheServerTree() throws Exception {
        fillAccount();
        Path jar = Paths.get("target", "icesync.jar").toAbsolutePath();
        assertThat(jar).exists();
        run(jar, 30, "profile", "create", "--dir", dir.toString(), "--email", USER, "--imap", "127.0.0.1:" + PORT,
                "--security", "plain", "--user", USER, "--password-env", "ICESYNC_KILL_PASSWORD");

        long seed = Long.getLong("icesync.kill.seed", System.nanoTime());
        Random rnd = new Random(seed);
        int killed = 0;
        for (int i = 0; i < 6; i++) {
            Process p = start(jar, "sync", "--dir", dir.toString(), "--once", "-q");
            if (!p.waitFor(200 + rnd.nextInt(2500), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                killed++;
            }
        }
        assertThat(killed).as("kills that landed during a sync (seed %d)", seed).isPositive();
        assertThat(run(jar, 600, "sync", "--dir", dir.toString(), "--once", "-q")).as("final sync exit code").isZero();

        // Same folders, and in each exactly the server's messages: a duplicate or a loss shows as a difference.
        Map<String, List<String>> server = serverTree();
        Map<String, List<String>> local = localTree(dir.resolve("mail"));
        assertThat(local).as("local tree after kills (seed %d)", seed).isEqualTo(server);
        long messages = server.values().stream().mapToLong(List::size).sum();
        assertThat(messages).isGreaterThanOrEqualTo(MESSAGES);
        Process p = start(jar, "status", "--dir", dir.toString(), "--json");
        assertThat(p.waitFor()).isZero();
        String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(json).as("one synced pair per server message").contains("\"items\" : " + messages + ",");
    }

    static void fillAccount() throws Exception {
        int have = serverTree().values().stream().mapToInt(List::size).sum();
        if (have >= MESSAGES) {
            return;
        }
        Path gen = sharedDir().resolve("peers/gen-mailbox.py");
        Process p = new ProcessBuilder("python3", gen.toString(), "--port", String.valueOf(PORT), "--user", USER,
                "--messages", String.valueOf(MESSAGES - have), "--seed", "7", "--big-every", "300")
                .inheritIO().start();
        assertThat(p.waitFor()).as("gen-mailbox.py exit code").isZero();
    }

    static Path sharedDir() {
        String s = System.getProperty("icesync.shared", System.getenv("ICESYNC_SHARED"));
        return s != null ? Paths.get(s) : Paths.get("..", "..", "shared").toAbsolutePath().normalize();
    }

    static Process start(Path jar, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        boolean keep = args.length > 0 && args[0].equals("status");
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (!keep) {
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        pb.environment().put("ICESYNC_KILL_PASSWORD", "secret");
        return pb.start();
    }

    static int run(Path jar, int seconds, String... args) throws Exception {
        Process p = start(jar, args);
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("icesync " + String.join(" ", args) + " did not finish in " + seconds + " s");
        }
        return p.exitValue();
    }

    /** Folder path -> sorted Message-IDs, as the server has them (Drafts is never synced). */
    static Map<String, List<String>> serverTree() throws Exception {
        Session session = Session.getInstance(new Properties());
        Map<String, List<String>> out = new TreeMap<>();
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", PORT, USER, "secret");
            for (Folder f : store.getDefaultFolder().list("*")) {
                if ((f.getType() & Folder.HOLDS_MESSAGES) == 0 || f.getFullName().equals("Drafts")) {
                    continue;
                }
                f.open(Folder.READ_ONLY);
                Message[] msgs = f.getMessages();
                FetchProfile fp = new FetchProfile();
                fp.add("Message-ID");
                f.fetch(msgs, fp);
                List<String> ids = new ArrayList<>();
                for (Message m : msgs) {
                    String[] h = m.getHeader("Message-ID");
                    ids.add(h == null ? "(none)" : h[0].trim());
                }
                Collections.sort(ids);
                out.put(Normalizer.normalize(f.getFullName(), Normalizer.Form.NFC), ids);
                f.close(false);
            }
        }
        return out;
    }

    /** Folder path -> sorted Message-IDs of the files in cur/ and new/ of each Maildir folder. */
    static Map<String, List<String>> localTree(Path root) throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path cur : s.filter(p -> p.getFileName().toString().equals("cur") && Files.isDirectory(p)).toList()) {
                Path folder = cur.getParent();
                String name = Normalizer.normalize(root.relativize(folder).toString(), Normalizer.Form.NFC);
                List<String> ids = new ArrayList<>();
                for (String sub : List.of("cur", "new")) {
                    try (Stream<Path> files = Files.list(folder.resolve(sub))) {
                        for (Path f : files.toList()) {
                            ids.add(messageId(f));
                        }
                    }
                }
                Collections.sort(ids);
                out.put(name, ids);
            }
        }
        return out;
    }

    private static String messageId(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f);
             BufferedReader r = new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            for (String line; (line = r.readLine()) != null && !line.isEmpty(); ) {
                if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                    return line.substring(11).trim();
                }
            }
        }
        return "(none)";
    }
}
