package io.icesync.examples.cli;

import io.icesync.webdav.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The progress of {@code icesync fetch} on stderr: a bar redrawn with {@code \r} (at most ten times
 * a second) on a terminal; elsewhere (a log, a pipe) one line per tenth of the file, or per 8 MiB
 * when the size is unknown, so that logs stay short.
 */
final class FetchProgress implements Consumer<Progress> {
    private static final long EVERY_NANOS = 100_000_000L;
    private static final long UNKNOWN_STEP = 8L * 1024 * 1024;

    private final PrintWriter err;
    private final boolean terminal;
    private long lastDraw;
    private long nextStep = -1;
    private int width;
    private boolean toldResume;

    FetchProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void accept(Progress p) {
        if (p.resumedFrom() > 0 && !toldResume) {
            toldResume = true;
            line("resuming at " + size(p.resumedFrom()) + (p.total() >= 0 ? " of " + size(p.total()) : ""));
        }
        if (terminal) {
            long now = System.nanoTime();
            if (now - lastDraw >= EVERY_NANOS || p.bytes() == p.total()) {
                lastDraw = now;
                draw(bar(p));
            }
            return;
        }
        long step = p.total() > 0 ? Math.max(1, p.total() / 10) : UNKNOWN_STEP;
        if (nextStep < 0) {
            nextStep = (p.resumedFrom() / step + 1) * step;
        }
        if (p.bytes() >= nextStep || p.bytes() == p.total()) {
            err.println(text(p));
            err.flush();
            nextStep = (p.bytes() / step + 1) * step;
        }
    }

    /** Clears the bar, so that what follows starts on a clean line. */
    synchronized void finish() {
        if (terminal && width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }

    static String bar(Progress p) {
        if (p.total() <= 0) {
            return size(p.bytes());
        }
        int filled = (int) (30 * Math.min(p.bytes(), p.total()) / p.total());
        return "[" + "#".repeat(filled) + ".".repeat(30 - filled) + "] " + text(p);
    }

    static String text(Progress p) {
        if (p.total() <= 0) {
            return size(p.bytes());
        }
        return String.format(Locale.ROOT, "%3d%%  %s / %s", 100 * p.bytes() / p.total(), size(p.bytes()), size(p.total()));
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    private void line(String text) {
        finish();
        err.println(text);
        err.flush();
    }

    private void draw(String line) {
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        err.flush();
        width = line.length();
    }
}
