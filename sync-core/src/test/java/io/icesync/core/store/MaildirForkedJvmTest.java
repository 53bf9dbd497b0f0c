package io.icesync.core.store;

import static io.icesync.core.store.LocalStoreContract.ETE;
import static io.icesync.core.store.LocalStoreContract.INBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.StoreException;
import io.icesync.core.spi.LocalFolder;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.LocalStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What needs a JVM of its own: a small heap (PITFALLS 8) and the C locale of cron jobs and services. */
class MaildirForkedJvmTest {
    private static final long MB = 1024 * 1024;

    @TempDir
    Path root;

    record Run(int exit, String output) {
    }

    private static Run fork(List<String> jvmOptions, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.startsWith("JAVA_TOOL"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out.strip());
    }

    @Test
    void a200MbItemIsWrittenAndReadUnderA32MbHeap() throws Exception {
        Run run = fork(List.of("-Xmx32m"), Map.of("LANG", "C.UTF-8"), "big", root.toString(), "200");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).endsWith("read " + 200 * MB);
        assertThat(LocalStores.maildir(root).items(INBOX)).singleElement().extracting(LocalItem::size).isEqualTo(200 * MB);
    }

    @Test
    void aJvmInTheCLocaleEscapesWhatItCannotNameAndAUtf8OneReadsIt() throws Exception {
        Run run = fork(List.of(), Map.of("LANG", "C"), "create", root.toString());

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(root.resolve("Projets").resolve("%C3%89t%C3%A9 2026").resolve("cur")).isDirectory();
        LocalStore store = LocalStores.maildir(root);
        assertThat(store.folders()).extracting(LocalFolder::path, LocalFolder::id)
                .contains(org.assertj.core.groups.Tuple.tuple(ETE, run.output().lines().reduce((a, b) -> b).orElseThrow()));
        assertThat(store.items(ETE)).singleElement().extracting(LocalItem::flags).isEqualTo(Flags.of(Flag.SEEN));
    }

    @Test
    void aJvmInTheCLocaleRefusesNamesItCannotReadRatherThanGuess() throws Exception {
        LocalStore store = LocalStores.maildir(root);
        store.createFolder(ETE, FolderKind.MAIL);
        store.close();

        Run run = fork(List.of(), Map.of("LANG", "C"), "list", root.toString());

        assertThat(run.exit()).as(run.output()).isEqualTo(3);
        assertThat(run.output()).contains("UTF-8 locale");
    }

    /** The forked side. */
    public static final class Main {
        public static void main(String[] args) throws IOException {
            LocalStore store;
            try {
                store = LocalStores.maildir(Path.of(args[1]));
            } catch (StoreException e) {
                System.out.println(e.getMessage());
                System.exit(3);
                return;
            }
            switch (args[0]) {
                case "big" -> {
                    long size = Long.parseLong(args[2]) * MB;
                    store.createFolder(INBOX, FolderKind.MAIL);
                    String id = store.add(INBOX, Flags.NONE, 1, new MaildirLocalStoreTest.Generated(size));
                    store.flush();
                    long read = 0;
                    byte[] buf = new byte[64 * 1024];
                    try (InputStream in = store.open(INBOX, id)) {
                        for (int n; (n = in.read(buf)) > 0;) {
                            read += n;
                        }
                    }
                    System.out.println("heap max " + Runtime.getRuntime().maxMemory() / MB + " MB, read " + read);
                }
                case "create" -> {
                    LocalFolder f = store.createFolder(ETE, FolderKind.MAIL);
                    store.add(ETE, Flags.of(Flag.SEEN), 0, LocalStoreContract.text("x"));
                    store.close();
                    System.out.println(System.getProperty("sun.jnu.encoding"));
                    System.out.println(f.id());
                }
                default -> System.out.println(store.folders());
            }
        }
    }
}
