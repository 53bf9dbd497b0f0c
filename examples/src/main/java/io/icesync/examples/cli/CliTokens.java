package io.icesync.examples.cli;

import io.icesync.client.IceSync;
import io.icesync.core.AuthenticationException;
import io.icesync.core.TokenSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The CLI's access tokens for a profile with {@code "auth": "oauth"}: the command in
 * {@code ICESYNC_TOKEN_COMMAND} (run with {@code sh -c}; it prints the token on its first line, and
 * finds {@code ICESYNC_TOKEN_REFRESH=1} in its environment when the server refused the last token),
 * else the fixed token in {@code ICESYNC_TOKEN}. The token never reaches the CLI's output or logs.
 */
final class CliTokens {
    static final String COMMAND_VAR = "ICESYNC_TOKEN_COMMAND";
    static final String TOKEN_VAR = "ICESYNC_TOKEN";
    private static final long TIMEOUT_SECONDS = 60;

    private CliTokens() {
    }

    /** {@code IceSync.builder()} with the environment's token source, when it names one. */
    static IceSync.Builder builder() {
        return withTokens(IceSync.builder(), System.getenv());
    }

    /** Opens the profile folder with the environment's token source. */
    static IceSync open(Path dir) {
        return builder().directory(dir).build();
    }

    static IceSync.Builder withTokens(IceSync.Builder b, Map<String, String> env) {
        TokenSource s = source(env);
        return s == null ? b : b.tokens(s);
    }

    /** The source the environment names, or null. */
    static TokenSource source(Map<String, String> env) {
        String command = env.get(COMMAND_VAR);
        if (command != null && !command.isBlank()) {
            return refresh -> run(command, refresh);
        }
        String token = env.get(TOKEN_VAR);
        if (token != null && !token.isBlank()) {
            return refresh -> token;
        }
        return null;
    }

    private static String run(String command, boolean refresh) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", command).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("ICESYNC_TOKEN_REFRESH", refresh ? "1" : "0");
        Process p = pb.start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readNBytes(64 * 1024);
        }
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AuthenticationException("the token command (" + COMMAND_VAR + ") did not end within "
                    + TIMEOUT_SECONDS + " s", null);
        }
        if (p.exitValue() != 0) {
            throw new AuthenticationException("the token command (" + COMMAND_VAR + ") failed with exit code "
                    + p.exitValue(), null);
        }
        String first = new String(out, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
        if (first.isEmpty()) {
            throw new AuthenticationException("the token command (" + COMMAND_VAR + ") printed no token", null);
        }
        return first;
    }
}
