package io.icesync.examples.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Whether the CLI talks to a person at a terminal, and how wide that terminal is. */
final class Terminal {
    static final int DEFAULT_COLUMNS = 80;
    private static final File TTY = new File("/dev/tty");

    private Terminal() {
    }

    /** True when standard input and output are a terminal: the only case where a line is redrawn with CR. */
    static boolean interactive() {
        return System.console() != null;
    }

    /**
     * The terminal's width: asked of the terminal itself ({@code stty size}, as bash does not export
     * COLUMNS), else {@code $COLUMNS}, else 80.
     */
    static int columns() {
        int c = interactive() ? sttyColumns() : -1;
        return c > 0 ? c : columns(System.getenv());
    }

    /** {@code $COLUMNS} when it is a positive number, else 80. */
    static int columns(Map<String, String> env) {
        try {
            int c = Integer.parseInt(env.getOrDefault("COLUMNS", "").trim());
            return c > 0 ? c : DEFAULT_COLUMNS;
        } catch (NumberFormatException e) {
            return DEFAULT_COLUMNS;
        }
    }

    /** "ROWS COLS" from {@code stty size} on the controlling terminal, or -1. */
    private static int sttyColumns() {
        if (!TTY.canRead()) {
            return -1;
        }
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(TTY)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(1, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            String[] size = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
            return p.exitValue() == 0 && size.length == 2 ? Integer.parseInt(size[1]) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
