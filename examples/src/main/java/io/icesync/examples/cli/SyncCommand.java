package io.icesync.examples.cli;

import io.icesync.client.IceSync;
import io.icesync.core.IceSyncException;
import io.icesync.core.engine.FirstSyncChoice;
import io.icesync.core.engine.FirstSyncHandler;
import io.icesync.core.engine.FolderReport;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.engine.SyncScheduler;
import io.icesync.core.spi.SessionEvent;
import io.icesync.core.store.SecretStores;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code icesync sync}: one cycle, or keep running on the schedules. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Sync a profile folder with its server: once, or on the schedules until stopped.")
final class SyncCommand implements Callable<Integer> {
    enum FirstSync { ASK, UPLOAD_LOCAL, DELETE_LOCAL }

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, description = "The profile folder.")
    Path dir;

    @Option(names = "--once", description = "Run one full cycle and exit.")
    boolean once;

    @Option(names = "--all", description = "\"Synchronise all\": every folder, retrying ignored items.")
    boolean all;

    @Option(names = "--first-sync", description = "When the local store already holds mail on the first sync: "
            + "upload_local or delete_local (default: stop and ask).")
    FirstSync firstSync = FirstSync.ASK;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Log what happens (to stderr).")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FirstSyncHandler handler = switch (firstSync) {
            case ASK -> FirstSyncHandler.REFUSE;
            case UPLOAD_LOCAL -> n -> FirstSyncChoice.UPLOAD_LOCAL;
            case DELETE_LOCAL -> n -> FirstSyncChoice.DELETE_LOCAL;
        };
        IceSync sync;
        try {
            sync = IceSync.open(dir, SecretStores.file(dir.resolve(IceSync.SECRETS_FILE)), handler);
        } catch (IceSyncException e) {
            return ExitCodes.report(e, err);
        }
        try (sync) {
            return once ? runOnce(sync, out, err) : runScheduled(sync, out, err);
        } catch (IceSyncException e) {
            return ExitCodes.report(e, err);
        }
    }

    private int runOnce(IceSync sync, PrintWriter out, PrintWriter err) {
        Progress progress = null;
        if (!quiet && System.console() != null) {
            progress = new Progress(out);
            sync.addListener(progress);
        }
        SyncReport r;
        try {
            r = all ? sync.syncAll() : sync.syncOnce();
        } finally {
            if (progress != null) {
                progress.finish();
            }
        }
        if (!quiet) {
            r.structureChanges().forEach(c -> out.println("folder " + c));
            for (FolderReport f : r.folders()) {
                if (f.error() != null) {
                    err.println(f.folder() + ": failed: " + f.error());
                } else if (System.console() == null || f.changedAnything() || f.failed() > 0) {
                    out.println(f.folder() + ": " + f.downloaded() + " down, " + f.uploaded() + " up, "
                            + (f.flagsToServer() + f.flagsToLocal()) + " flags, "
                            + (f.deletedOnServer() + f.deletedLocally()) + " deleted, " + f.movedOnServer() + " moved"
                            + (f.failed() > 0 ? ", " + f.failed() + " failed" : ""));
                }
            }
            out.println(r.summary());
        } else {
            r.folders().stream().filter(f -> f.error() != null)
                    .forEach(f -> err.println(f.folder() + ": failed: " + f.error()));
        }
        out.flush();
        return r.ok() && r.failed() == 0 ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    private int runScheduled(IceSync sync, PrintWriter out, PrintWriter err) {
        CountDownLatch stopped = new CountDownLatch(1);
        if (!quiet) {
            sync.addListener(new io.icesync.core.engine.SyncListener() {
                @Override
                public void onEvent(SessionEvent e) {
                    (e.level() == SessionEvent.Level.ERROR ? err : out).println(e.time() + " " + e.message()
                            + (e.details() == null ? "" : ": " + e.details()));
                    out.flush();
                }
            });
        }
        SyncScheduler scheduler = sync.startScheduled(e -> err.println("icesync: " + e.getMessage()));
        Thread hook = new Thread(() -> {
            try {
                scheduler.stop(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped.countDown();
        }, "icesync-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }
}
