package io.icesync.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Option;

/** Where a command reads the password: an environment variable named on the command line, or stdin. Never an argument. */
final class PasswordSource {
    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Name of the environment variable that holds the password (never the password itself).")
    String env;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean stdin;

    /** The password, or null when the variable is unset or stdin is empty. */
    char[] read() throws IOException {
        if (stdin) {
            BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = r.readLine();
            return line == null ? null : line.toCharArray();
        }
        String v = System.getenv(env);
        return v == null ? null : v.toCharArray();
    }

    String missing() {
        return stdin ? "no password on standard input" : "the environment variable " + env + " is not set or empty";
    }
}
