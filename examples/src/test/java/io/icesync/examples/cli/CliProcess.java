package io.icesync.examples.cli;

import java.io.IOException;
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
        private final CompletableFuture<String> out;
        private final CompletableFuture<String> err;

        Running(Process process) {
            this.process = process;
            this.out = drain(process, true);
            this.err = drain(process, false);
        }

        Result await(int seconds) throws Exception {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("icesync did not exit in " + seconds + " s; stderr: " + err.get());
            }
            return new Result(process.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
        }

        private static CompletableFuture<String> drain(Process p, boolean stdout) {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return new String((stdout ? p.getInputStream() : p.getErrorStream()).readAllBytes(),
                            StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "(unreadable: " + e + ")";
                }
            });
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
