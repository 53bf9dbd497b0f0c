package io.icesync.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code icesync} process: {@code java -cp <test classpath> IceSyncCli ARGS}, its stdout and
 * stderr pipes read as a script reads them, the password in {@code $ICESYNC_PW} ("secret").
 */
final class CliProcess {
    static final String PASSWORD_ENV = "ICESYNC_PW";

    /** What the process left: exit code and everything it wrote. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** A started process and its two pipes, drained as it runs so that it never blocks on a full one. */
    static final class Running {
        final Process process;
        private final StringBuffer outSoFar = new StringBuffer();
        private final CompletableFuture<String> out;
        private final CompletableFuture<String> err;

        Running(Process process) {
            this.process = process;
            this.out = drain(process.getInputStream(), outSoFar);
            this.err = drain(process.getErrorStream(), new StringBuffer());
        }

        Result await(int seconds) throws Exception {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("icesync did not exit in " + seconds + " s; stderr: " + err.get());
            }
            return new Result(process.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
        }

        /**
         * Waits until stdout holds {@code end} (a process that keeps running, such as {@code icesync server}),
         * and returns what it printed up to there, {@code end} included.
         */
        String awaitOut(String end, int seconds) throws Exception {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (outSoFar.indexOf(end) < 0) {
                if (!process.isAlive() || System.nanoTime() > until) {
                    throw new AssertionError("icesync did not print " + end.strip() + (process.isAlive() ? " in "
                            + seconds + " s" : " before it exited " + process.waitFor()) + "; stdout: " + outSoFar);
                }
                Thread.sleep(20);
            }
            String s = outSoFar.toString();
            return s.substring(0, s.indexOf(end) + end.length());
        }

        private static CompletableFuture<String> drain(InputStream in, StringBuffer seen) {
            CompletableFuture<String> all = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    char[] buf = new char[8192];
                    for (int n; (n = r.read(buf)) >= 0; ) {
                        seen.append(buf, 0, n);
                    }
                    all.complete(seen.toString());
                } catch (IOException e) {
                    all.complete(seen + "(unreadable: " + e + ")");
                }
            }, "icesync-pipe");
            t.setDaemon(true);
            t.start();
            return all;
        }
    }

    private CliProcess() {
    }

    static Running start(String... args) throws IOException {
        return start(java.util.Map.of(), args);
    }

    /** Starts icesync with these variables added to its environment. */
    static Running start(java.util.Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                IceSyncCli.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().put(PASSWORD_ENV, "secret");
        pb.environment().remove("COLUMNS");
        pb.environment().putAll(env);
        return new Running(pb.start());
    }

    /** Runs icesync to its end (at most a minute). */
    static Result run(String... args) throws Exception {
        return start(args).await(60);
    }
}
