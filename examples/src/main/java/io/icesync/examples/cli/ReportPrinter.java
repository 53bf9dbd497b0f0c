package io.icesync.examples.cli;

import io.icesync.core.engine.FolderReport;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.engine.UnsyncedFolder;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * A cycle's report as lines: folder-tree changes, one line per folder ("INBOX: 2 downloaded, ..."),
 * then the summary. Not on a terminal every folder gets its line (like mbsync); on a terminal only
 * folders that changed or failed. Folder errors and folders left unsynced (with why and what to do)
 * go to stderr, even in quiet mode.
 */
final class ReportPrinter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean quiet;
    private final boolean terminal;
    private final boolean timestamps;

    ReportPrinter(PrintWriter out, PrintWriter err, boolean quiet, boolean terminal, boolean timestamps) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
        this.terminal = terminal;
        this.timestamps = timestamps;
    }

    synchronized void print(SyncReport r) {
        String at = timestamps ? LocalTime.now().format(TIME) + " " : "";
        if (!quiet) {
            r.structureChanges().forEach(c -> out.println(at + "folder " + TerminalText.escape(c)));
        }
        for (FolderReport f : r.folders()) {
            if (f.error() != null) {
                err.println(at + TerminalText.escape(f.folder() + ": failed: " + f.error()));
            } else if (!quiet && (!terminal || f.changedAnything() || f.failed() > 0)) {
                out.println(at + TerminalText.escape(line(f)));
            }
        }
        // A folder left unsynced on purpose is no failure, but the user is told even in quiet mode.
        for (UnsyncedFolder u : r.notSynced()) {
            err.println(at + TerminalText.escape(u.describe()));
        }
        if (!quiet) {
            out.println(at + r.summary());
        }
        out.flush();
        err.flush();
    }

    static String line(FolderReport f) {
        return f.folder() + ": " + f.downloaded() + " downloaded, " + f.uploaded() + " uploaded, "
                + (f.flagsToServer() + f.flagsToLocal()) + " flag changes, "
                + (f.deletedOnServer() + f.deletedLocally()) + " deleted, " + f.movedOnServer() + " moved"
                + (f.failed() > 0 ? ", " + f.failed() + " failed" : "");
    }

    /** The one-line reason for exit code 1, or null when the cycle had no failure. */
    static String failureReason(SyncReport r) {
        long folderErrors = r.folders().stream().filter(f -> f.error() != null).count();
        if (folderErrors == 0 && r.failed() == 0) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        if (r.failed() > 0) {
            b.append(r.failed()).append(r.failed() == 1 ? " item" : " items").append(" failed");
        }
        if (folderErrors > 0) {
            b.append(b.length() > 0 ? ", " : "").append(folderErrors)
                    .append(folderErrors == 1 ? " folder" : " folders").append(" could not be synced");
        }
        return b.toString();
    }
}
