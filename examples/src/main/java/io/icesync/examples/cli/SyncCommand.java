package io.icesync.examples.cli;

import io.icesync.client.IceSync;
import io.icesync.client.ScheduledSync;
import io.icesync.core.AuthenticationException;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.InvalidSettingException;
import io.icesync.core.UntrustedCertificateException;
import io.icesync.core.engine.FirstSyncChoice;
import io.icesync.core.engine.DeleteGuard;
import io.icesync.core.engine.FirstSyncHandler;
import io.icesync.core.engine.MassDeleteException;
import io.icesync.core.engine.SyncCancelledException;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.SyncSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code icesync sync}: one cycle, or keep running on the schedules until stopped. */
@Command(name = "sync", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sync a profile folder with its server.",
            "With --once: one full cycle (folder tree, then every selected folder), a progress line on a terminal, "
                    + "one line per folder otherwise, and a summary. Exit code 0, or 1 if items or folders failed.",
            "Without --once: a full cycle, then the folder tree, priority and other folders each on its interval "
                    + "(profile.json settings), until SIGINT (Ctrl-C) or SIGTERM; the cycle under way ends first. "
                    + "Cycles that change nothing print nothing. A fatal error (out of memory...) stops it with exit "
                    + "code 70, for a supervisor to start it again."})
final class SyncCommand implements Callable<Integer> {
    enum FirstSync { ASK, UPLOAD_LOCAL, DELETE_LOCAL }

    @ParentCommand
    IceSyncCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
    Path dir;

    @Option(names = "--once", description = "Run one full cycle and exit.")
    boolean once;

    @Option(names = "--all", description = "With --once: \"synchronise all\", every folder, selected or not, "
            + "ignored items retried.")
    boolean all;

    @Option(names = "--folder", paramLabel = "PATH", description = "With --once: sync only this folder's items "
            + "(repeatable; no folder-tree sync), e.g. INBOX or Projets/Notes. A folder the profile never synced "
            + "exits with code " + ExitCodes.UNKNOWN_FOLDER + ".")
    List<String> folders = new ArrayList<>();

    @Option(names = "--first-sync", paramLabel = "upload_local|delete_local",
            description = "When the local folder already holds mail at the first sync: upload it (matched to the "
                    + "server's by Message-ID first) or delete it. Default: stop and ask.")
    FirstSync firstSync = FirstSync.ASK;

    @Option(names = "--allow-mass-delete", description = "Confirm deletions a sync refused (exit code 5): the next "
            + "full cycle deletes, on either side, every folder and item the other side lost, however many, even when "
            + "a local store directory is missing or empty. Later cycles ask again.")
    boolean allowMassDelete;

    @Option(names = {"-q", "--quiet"}, description = "Print errors only.")
    boolean quiet;

    @Option(names = "--json", description = "With --once: print the cycle's report as one JSON document "
            + "(docs/cli-json.md), no progress line.")
    boolean json;

    /** The progress line of the cycle under way, finished by a signal before it says why the sync stops. */
    private volatile Progress progress;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (json && !once) {
            throw new ParameterException(spec.commandLine(), "--json works with --once only");
        }
        if (all && !once) {
            throw new ParameterException(spec.commandLine(), "--all works with --once only");
        }
        if (!folders.isEmpty() && (!once || all || allowMassDelete)) {
            throw new ParameterException(spec.commandLine(), "--folder works with --once only, without --all and "
                    + "--allow-mass-delete");
        }
        List<FolderPath> only;
        try {
            only = SyncedFolders.resolve(dir, folders);
        } catch (InvalidSettingException e) {
            err.println("icesync: --folder: " + ExitCodes.oneLine(e));
            return ExitCodes.USAGE;
        } catch (SyncedFolders.UnknownFolderException e) {
            err.println("icesync: " + ExitCodes.oneLine(e));
            err.println("  " + TerminalText.escape(e.hint()));
            return ExitCodes.UNKNOWN_FOLDER;
        } catch (IceSyncException e) {
            return ExitCodes.report(e, err);
        }
        FirstSyncHandler handler = switch (firstSync) {
            case ASK -> FirstSyncHandler.REFUSE;
            case UPLOAD_LOCAL -> n -> FirstSyncChoice.UPLOAD_LOCAL;
            case DELETE_LOCAL -> n -> FirstSyncChoice.DELETE_LOCAL;
        };
        IceSync sync;
        try {
            sync = cli.opener.open(dir, handler);
        } catch (IceSyncException e) {
            return ExitCodes.report(e, err);
        }
        // Ctrl-C during --once: cancel the cycle, close the stores, then exit (130, or 143 for SIGTERM).
        CancelOnSignal signal = once ? new CancelOnSignal(() -> interrupted(sync, err), cli.finished()) : null;
        try (signal; sync) {
            return once ? runOnce(sync, only, out, err, signal) : runScheduled(sync, out, err);
        } catch (IceSyncException e) {
            if (signal != null && signal.signalled()) {
                return ExitCodes.INTERRUPTED;
            }
            return ExitCodes.report(e, err);
        }
    }

    private void interrupted(IceSync sync, PrintWriter err) {
        Progress p = progress;
        if (p != null) {
            p.finish();
        }
        err.println("icesync: interrupted: cancelling the cycle under way; the next sync settles what it had begun");
        err.flush();
        sync.cancel();
    }

    private static boolean terminal() {
        return Terminal.interactive();
    }

    private int runOnce(IceSync sync, List<FolderPath> only, PrintWriter out, PrintWriter err, CancelOnSignal signal) {
        Progress progress = null;
        if (!quiet && !json && terminal()) {
            progress = new Progress(out);
            sync.addListener(progress);
            this.progress = progress;
        }
        SyncReport r;
        try {
            if (!only.isEmpty()) {
                r = sync.syncFolders(only);
            } else if (allowMassDelete) {
                r = all ? sync.syncAll(DeleteGuard.off()) : sync.syncOnce(DeleteGuard.off());
            } else {
                r = all ? sync.syncAll() : sync.syncOnce();
            }
        } catch (MassDeleteException e) {
            if (e.report() != null && json) {
                CliJson.print(out, ReportJson.document(e.report(), ExitCodes.MASS_DELETE));
            } else if (e.report() != null) {
                new ReportPrinter(out, err, quiet, terminal(), false).print(e.report());
            }
            return ExitCodes.report(e, err);
        } catch (SyncCancelledException e) {
            if (signal.signalled()) {
                return ExitCodes.INTERRUPTED;
            }
            throw e;
        } catch (VirtualMachineError e) {
            // Out of memory and the like: the same code as a scheduled sync's, for scripts to tell it apart.
            err.println("icesync: fatal error: " + e + " (exit " + ExitCodes.FATAL + ")");
            return ExitCodes.FATAL;
        } finally {
            if (progress != null) {
                this.progress = null;
                progress.finish();
                sync.removeListener(progress);
            }
        }
        if (signal.signalled()) {
            return ExitCodes.INTERRUPTED;
        }
        String reason = ReportPrinter.failureReason(r);
        int code = reason == null ? ExitCodes.OK : ExitCodes.PARTIAL;
        if (json) {
            CliJson.print(out, ReportJson.document(r, code));
        } else {
            new ReportPrinter(out, err, quiet, terminal(), false).print(r);
        }
        if (reason != null) {
            err.println("icesync: " + reason + " (icesync status --dir " + dir + " lists them)");
        }
        return code;
    }

    private int runScheduled(IceSync sync, PrintWriter out, PrintWriter err) throws IceSyncException {
        boolean terminal = terminal();
        Progress progress = !quiet && terminal ? new Progress(out) : null;
        if (progress != null) {
            sync.addListener(progress);
        }
        ReportPrinter printer = new ReportPrinter(out, err, quiet, terminal, true);
        if (allowMassDelete) {
            // The confirmed cycle first; the schedules guard again.
            printer.print(sync.syncOnce(DeleteGuard.off()));
        }
        CountDownLatch stop = cli.stopRequested();
        AtomicReference<Exception> fatal = new AtomicReference<>();
        AtomicReference<Error> broken = new AtomicReference<>();
        AtomicBoolean synced = new AtomicBoolean();
        ScheduledSync scheduled = sync.startScheduled(r -> {
            if (progress != null) {
                progress.finish();
            }
            if (!synced.getAndSet(true) || r.changedAnything() || !r.ok() || r.failed() > 0) {
                printer.print(r);
            }
        }, e -> {
            if (progress != null) {
                progress.finish();
            }
            if (!synced.get() && (e instanceof AuthenticationException || e instanceof UntrustedCertificateException)) {
                // Nothing will get better by waiting: say so and stop.
                fatal.set(e);
                stop.countDown();
            } else {
                err.println("icesync: " + ExitCodes.oneLine(e) + " (tried again at the next scheduled run)");
            }
        }, e -> {
            // Out of memory or the like: this process cannot be trusted to sync any more; exit and be restarted.
            broken.set(e);
            stop.countDown();
        });
        StopOnSignal signal = new StopOnSignal(stop, "icesync-shutdown");
        if (!quiet) {
            SyncSettings s = sync.settings();
            err.println("icesync: syncing " + dir + " (folder tree every " + minutes(s.structureInterval())
                    + ", priority folders every " + minutes(s.priorityInterval()) + ", others every "
                    + minutes(s.standardInterval())
                    + (s.syncAfterLocalChange() ? ", and a folder changed here within seconds" : "")
                    + (s.pushChanges() ? ", and server changes as they happen" : "") + "); Ctrl-C stops");
        }
        try {
            stop.await();
            if (!quiet && fatal.get() == null && broken.get() == null) {
                err.println("icesync: stopping after the cycle under way...");
            }
            scheduled.stop(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                sync.close();
            } finally {
                signal.close();
            }
        }
        Error b = broken.get();
        if (b != null) {
            err.println("icesync: fatal error: " + b + "; the schedule stopped (exit " + ExitCodes.FATAL
                    + ": restart icesync, or let its supervisor do it)");
            return ExitCodes.FATAL;
        }
        Exception e = fatal.get();
        return e == null ? ExitCodes.OK : ExitCodes.report(e, err);
    }

    private static String minutes(Duration d) {
        long m = d.toMinutes();
        return m + (m == 1 ? " minute" : " minutes");
    }
}
