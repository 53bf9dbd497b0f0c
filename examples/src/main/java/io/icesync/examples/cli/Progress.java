package io.icesync.examples.cli;

import io.icesync.core.FolderPath;
import io.icesync.core.engine.SyncCounters;
import io.icesync.core.engine.SyncListener;
import java.io.PrintWriter;

/**
 * One line redrawn with {@code \r} on a terminal: a bar of the downloads, the folder under way
 * ({@code [i/n] path}) and the guide's counters (F11.1). At most ten redraws a second.
 */
final class Progress implements SyncListener {
    private static final long EVERY_NANOS = 100_000_000L;
    private final PrintWriter out;
    private final int columns;
    private String folder = "";
    private SyncCounters counters;
    private long last;
    private int width;

    Progress(PrintWriter out) {
        this.out = out;
        int c = 100;
        try {
            c = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100").trim());
        } catch (NumberFormatException e) {
            // keep the default
        }
        this.columns = Math.max(40, c);
    }

    @Override
    public synchronized void onFolderStarted(FolderPath f, int index, int total) {
        folder = "[" + index + "/" + total + "] " + TerminalText.escape(f.toString());
        draw(true);
    }

    @Override
    public synchronized void onCounters(SyncCounters c) {
        counters = c;
        draw(false);
    }

    /** The line as it is drawn now (for tests). */
    synchronized String line() {
        String bar = "";
        SyncCounters c = counters;
        if (c != null) {
            int filled = c.toDownload() == 0 ? 0 : (int) (20 * Math.min(c.downloaded(), c.toDownload()) / c.toDownload());
            bar = "[" + "#".repeat(filled) + ".".repeat(20 - filled) + "] ";
        }
        String line = bar + folder + (c == null ? "" : "  " + c);
        return line.length() > columns - 1 ? line.substring(0, columns - 1) : line;
    }

    private void draw(boolean force) {
        long now = System.nanoTime();
        if (!force && now - last < EVERY_NANOS) {
            return;
        }
        last = now;
        String line = line();
        out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        out.flush();
        width = line.length();
    }

    /** Clears the line, so that what follows starts on a clean one. */
    synchronized void finish() {
        if (width > 0) {
            out.print("\r" + " ".repeat(width) + "\r");
            out.flush();
            width = 0;
        }
        counters = null;
        folder = "";
    }
}
