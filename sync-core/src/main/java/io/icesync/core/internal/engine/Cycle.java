package io.icesync.core.internal.engine;

import io.icesync.core.ConnectionException;
import io.icesync.core.Folder;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.engine.DeleteGuard;
import io.icesync.core.engine.FirstSyncChoice;
import io.icesync.core.engine.FirstSyncHandler;
import io.icesync.core.engine.FolderReport;
import io.icesync.core.engine.MassDeleteException;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.engine.UnsyncedFolder;
import io.icesync.core.settings.FolderSelection;
import io.icesync.core.spi.FolderState;
import io.icesync.core.spi.LocalFolder;
import io.icesync.core.spi.LocalItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** One sync cycle: connect, settle intents, folder tree, then the items of the chosen folders. */
public final class Cycle {
    static final String FIRST_SYNC_KEY = "firstSync";

    private final EngineContext ctx;
    private final FirstSyncHandler firstSync;
    private final DeleteGuard guard;

    public Cycle(EngineContext ctx, FirstSyncHandler firstSync, DeleteGuard guard) {
        this.ctx = ctx;
        this.firstSync = firstSync;
        this.guard = guard;
    }

    /**
     * @param structure    run the folder-tree sync first
     * @param which        which folders' items to sync (by path and effective selection)
     * @param retryIgnored "synchronise all": retry ignored items and list folders in full
     */
    public SyncReport run(boolean structure, Predicate<FolderState> which, boolean retryIgnored) {
        try {
            return cycle(structure, which, retryIgnored);
        } finally {
            ctx.monitor().saveLog();
        }
    }

    private SyncReport cycle(boolean structure, Predicate<FolderState> which, boolean retryIgnored) {
        Instant start = ctx.clock().now();
        ctx.monitor().resetCounters();
        ctx.remote().connect();
        checkFirstSync();
        new PendingResolver(ctx).resolveAll();
        ctx.stop().check();
        List<String> changes = List.of();
        Map<FolderPath, Folder> remoteFolders = new HashMap<>();
        List<FolderReport> treeFailures = new ArrayList<>();
        if (structure) {
            FolderTreeSync tree = new FolderTreeSync(ctx, guard);
            try {
                changes = tree.run();
            } catch (MassDeleteException e) {
                ctx.monitor().error("folder structure not synchronised: too many deletions", e.getMessage());
                throw e;
            }
            remoteFolders.putAll(tree.remoteFolders());
            treeFailures.addAll(tree.failures());
            ctx.monitor().info("folder structure synchronised",
                    changes.isEmpty() ? "no change" : String.join("; ", changes));
        } else {
            ctx.remote().folders().forEach(f -> remoteFolders.put(f.path(), f));
        }

        List<FolderState> folders = new ArrayList<>();
        // A folder an unfinished kind change is moving waits until the move is done.
        Set<FolderPath> moving = KindChanges.moving(ctx.state());
        List<UnsyncedFolder> notSynced = new ArrayList<>();
        for (FolderState f : ctx.state().folders()) {
            if (!remoteFolders.containsKey(f.path()) || !which.test(f) || moving.contains(f.path())) {
                continue;
            }
            if (ctx.local().syncsItemsOf(f.kind())) {
                folders.add(f);
            } else {
                // Its items stay on the server untouched; the user is told every cycle, never left guessing.
                UnsyncedFolder u = UnsyncedFolder.notKept(f.path(), f.kind());
                notSynced.add(u);
                ctx.monitor().warning("folder " + f.path() + " not synchronised",
                        u.reason() + "; to sync it: " + u.remedy());
            }
        }
        // Priority folders first (F4.2), then in tree order.
        folders.sort(Comparator.comparing((FolderState f) ->
                ctx.settings().get().selectionOf(f.path()) != FolderSelection.PRIORITY).thenComparing(FolderState::path));

        // A folder whose local side is as it was at its last complete sync is not listed now (null).
        QuietFolders quiet = new QuietFolders(ctx.state(), ctx.settings().get());
        Map<FolderState, List<LocalItem>> listings = new LinkedHashMap<>();
        Map<FolderState, String> localMarks = new HashMap<>();
        Map<FolderState, QuietFolders.Mark> quietMarks = new HashMap<>();
        for (FolderState f : folders) {
            String mark = retryIgnored ? null : ctx.local().changeMark(f.path());
            localMarks.put(f, mark);
            QuietFolders.Mark saved = quiet.locallyQuiet(f, remoteFolders.get(f.path()), mark);
            if (saved != null) {
                quietMarks.put(f, saved);
                listings.put(f, null);
            } else {
                listings.put(f, new ArrayList<>(ctx.local().items(f.path())));
            }
        }
        ctx.stop().check();
        LocalMoves moves = new LocalMoves(ctx);
        Set<String> deferred = moves.run(listings);

        List<FolderReport> reports = new ArrayList<>();
        List<MassDeleteException.Refusal> refused = new ArrayList<>();
        int index = 0;
        for (Map.Entry<FolderState, List<LocalItem>> e : listings.entrySet()) {
            ctx.stop().check();
            FolderState f = ctx.state().folder(e.getKey().id()).orElse(e.getKey());
            ctx.monitor().folderStarted(f.path(), ++index, listings.size());
            try {
                FolderReport r = new MailFolderSync(ctx, f, remoteFolders.get(f.path()), e.getValue(), deferred,
                        retryIgnored, guard).run(quiet, localMarks.get(e.getKey()), quietMarks.get(e.getKey()));
                reports.add(r);
                ctx.monitor().info("item synchronisation of " + f.path(), describe(r));
            } catch (MassDeleteException ex) {
                // The other folders go on; the cycle ends with the refusals of all of them.
                refused.addAll(ex.refusals());
                reports.add(new FolderReport(f.path(), 0, 0, 0, 0, 0, 0, 0, 0, ex.refusals().get(0).describe()));
                ctx.monitor().error("item synchronisation of " + f.path() + " stopped: too many deletions",
                        ex.refusals().get(0).describe());
            } catch (ConnectionException ex) {
                ctx.monitor().error("item synchronisation of " + f.path() + " stopped: connection lost", ex.getMessage());
                throw ex;
            } catch (IceSyncException | java.io.UncheckedIOException ex) {
                reports.add(new FolderReport(f.path(), 0, 0, 0, 0, 0, 0, 0, 0, ex.getMessage()));
                ctx.monitor().error("item synchronisation of " + f.path() + " failed", ex.getMessage());
            }
        }
        if (moves.moved() > 0 && !reports.isEmpty()) {
            FolderReport first = reports.get(0);
            reports.set(0, new FolderReport(first.folder(), first.downloaded(), first.uploaded(), first.flagsToServer(),
                    first.flagsToLocal(), first.deletedOnServer(), first.deletedLocally(), moves.moved(),
                    first.failed(), first.error()));
        }
        reports.addAll(treeFailures);
        SyncReport report = new SyncReport(changes, reports, Duration.between(start, ctx.clock().now()), notSynced);
        if (!refused.isEmpty()) {
            throw new MassDeleteException(refused, report);
        }
        return report;
    }

    private static String describe(FolderReport r) {
        return r.downloaded() + " downloaded, " + r.uploaded() + " uploaded, "
                + (r.flagsToServer() + r.flagsToLocal()) + " flag changes, "
                + (r.deletedOnServer() + r.deletedLocally()) + " deleted, " + r.failed() + " failed";
    }

    /** F4.8: the first sync of a local store that already holds items needs the caller's choice. */
    private void checkFirstSync() {
        if (ctx.state().value(FIRST_SYNC_KEY).isPresent() || !ctx.state().folders().isEmpty()) {
            return;
        }
        long items = 0;
        List<LocalFolder> localFolders = ctx.local().folders();
        for (LocalFolder f : localFolders) {
            if (f.path().equals(FolderTreeSync.OUTBOX)) {
                continue; // messages waiting to be sent are no synced data
            }
            items += ctx.local().items(f.path()).size();
        }
        if (items == 0) {
            ctx.state().putValue(FIRST_SYNC_KEY, "empty");
            return;
        }
        FirstSyncChoice choice = firstSync.choose(items);
        if (choice == null) {
            throw new IceSyncException("the local store already holds " + items + " items and this profile has never"
                    + " synchronised: choose to delete the local data or to upload it to the server first");
        }
        if (choice == FirstSyncChoice.DELETE_LOCAL) {
            List<LocalFolder> deepestFirst = new ArrayList<>(localFolders);
            deepestFirst.sort(Comparator.comparingInt((LocalFolder f) -> f.path().depth()).reversed());
            for (LocalFolder f : deepestFirst) {
                ctx.local().deleteFolder(f.path());
            }
            ctx.local().flush();
            ctx.monitor().warning("local data deleted before the first synchronisation", items + " items");
        } else {
            ctx.monitor().info("local data will be uploaded where the server does not have it", items + " items");
        }
        ctx.state().putValue(FIRST_SYNC_KEY, choice.name());
    }
}
