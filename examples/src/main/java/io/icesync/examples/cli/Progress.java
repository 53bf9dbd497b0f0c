package io.icesync.examples.cli;

import io.icesync.core.FolderPath;
import io.icesync.core.engine.SyncCounters;
import io.icesync.core.engine.SyncListener;
import java.io.PrintWriter;

/** One line redrawn on a terminal: the folder under way and the guide's counters (F11.1). */
final class Progress implements SyncListener {
    private static final long EVERY_NANOS = 100_000_000L;
    private final PrintWriter out;
    private String folder = "";
    private long last;
    private int width;

    Progress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onFolderStarted(FolderPath f, int index, int total) {
        folder = "[" + index + "/" + total + "] " + f;
        draw(null, true);
    }

    @Override
    public void onCounters(SyncCounters c) {
        draw(c, false);
    }

    private void draw(SyncCounters c, boolean force) {
        long now = System.nanoTime();
        if (!force && now - last < EVERY_NANOS) {
            return;
        }
        last = now;
        String bar = "";
        if (c != null && c.toDownload() > 0) {
            int filled = (int) (20 * c.downloaded() / Math.max(1, c.toDownload()));
            bar = "[" + "#".repeat(filled) + " ".repeat(20 - filled) + "] ";
        }
        String line = bar + folder + (c == null ? "" : "  " + c);
        if (line.length() > 118) {
            line = line.substring(0, 118);
        }
        out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        out.flush();
        width = line.length();
    }

    void finish() {
        if (width > 0) {
            out.print("\r" + " ".repeat(width) + "\r");
            out.flush();
        }
    }
}
