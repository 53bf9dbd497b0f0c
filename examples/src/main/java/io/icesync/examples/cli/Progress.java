package io.icesync.examples.cli;

import io.icesync.core.FolderPath;
import io.icesync.core.engine.SyncCounters;
import io.icesync.core.engine.SyncListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * One line redrawn with {@code \r} on a terminal: a bar of the downloads, on long work the rate and
 * the time left, the folder under way ({@code [i/n] path}) and the guide's counters (F11.1), cut to
 * the terminal's width so that it never wraps. At most ten redraws a second. Only made for a terminal.
 */
final class Progress implements SyncListener {
    private static final long EVERY_NANOS = 100_000_000L;
    /** Work shorter than this shows no rate: the first seconds' figures mislead. */
    private static final long LONG_WORK_NANOS = 3_000_000_000L;
    private final PrintWriter out;
    private final int columns;
    private final LongSupplier clock;
    private String folder = "";
    private SyncCounters counters;
    private long started = -1;
    private long last;
    private int width;

    Progress(PrintWriter out) {
        this(out, Terminal.columns(), System::nanoTime);
    }

    Progress(PrintWriter out, int columns, LongSupplier clock) {
        this.out = out;
        this.columns = Math.max(40, columns);
        this.clock = clock;
    }

    @Override
    public synchronized void onFolderStarted(FolderPath f, int index, int total) {
        folder = "[" + index + "/" + total + "] " + TerminalText.escape(f.toString());
        draw(true);
    }

    @Override
    public synchronized void onCounters(SyncCounters c) {
        if (started < 0) {
            started = clock.getAsLong();
        }
        counters = c;
        draw(false);
    }

    /** The line as it is drawn now (for tests). */
    synchronized String line() {
        String bar = "";
        SyncCounters c = counters;
        if (c != null) {
            int filled = c.toDownload() == 0 ? 0 : (int) (20 * Math.min(c.downloaded(), c.toDownload()) / c.toDownload());
            bar = "[" + "#".repeat(filled) + ".".repeat(20 - filled) + "] " + rate(c);
        }
        String line = bar + folder + (c == null ? "" : "  " + c);
        return line.length() > columns - 1 ? line.substring(0, columns - 1) : line;
    }

    /** "12.5/s 1:05 left " after a few seconds of work, else nothing. */
    private String rate(SyncCounters c) {
        long elapsed = clock.getAsLong() - started;
        long done = c.downloaded() + c.uploaded() + c.internal();
        long total = c.toDownload() + c.toUpload() + c.toInternal();
        if (started < 0 || elapsed < LONG_WORK_NANOS || done == 0) {
            return "";
        }
        double perSecond = done * 1e9 / elapsed;
        long left = (long) Math.ceil(Math.max(0, total - done) / perSecond);
        return String.format(Locale.ROOT, "%.1f/s %d:%02d left ", perSecond, left / 60, left % 60);
    }

    private void draw(boolean force) {
        long now = clock.getAsLong();
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
