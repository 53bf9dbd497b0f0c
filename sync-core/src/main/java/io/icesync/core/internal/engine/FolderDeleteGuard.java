package io.icesync.core.internal.engine;

import io.icesync.core.Folder;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.engine.DeleteGuard;
import io.icesync.core.engine.MassDeleteException;
import io.icesync.core.engine.MassDeleteException.Refusal;
import io.icesync.core.engine.MassDeleteException.Side;
import io.icesync.core.spi.EmptyRoot;
import io.icesync.core.spi.FolderState;
import io.icesync.core.spi.LocalFolder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Before the folder tree is changed: which synced folders the tree sync would delete on each side,
 * and whether the {@link DeleteGuard} lets it. Counted from the listings alone, before any write.
 * A folder whose local copy is gone is one the user deleted unless a local folder still holds its id
 * (a rename); a folder gone from the server may be a rename there when a new server folder of the same
 * kind appeared, so each such new folder excuses one. Folders re-created because they still hold
 * unsynced items are counted too: the guard errs on the side of asking.
 */
final class FolderDeleteGuard {
    private FolderDeleteGuard() {
    }

    /**
     * @param synced  the synced folders the tree sync may act on (not excluded, not being moved)
     * @param remote  the server's folders by path
     * @param local   the local folders by path
     * @param localIds the ids of every local folder
     * @param emptyRoots the local store's missing or empty parts, asked only when a local copy is gone
     */
    static void check(DeleteGuard guard, Collection<FolderState> synced, Map<FolderPath, Folder> remote,
                      Map<FolderPath, LocalFolder> local, Set<String> localIds,
                      java.util.function.Supplier<List<EmptyRoot>> emptyRoots) {
        if (!guard.enabled() || synced.isEmpty()) {
            return;
        }
        Map<FolderKind, Integer> freshOnServer = new EnumMap<>(FolderKind.class);
        Set<FolderPath> known = synced.stream().map(FolderState::path).collect(Collectors.toSet());
        for (Folder f : remote.values()) {
            if (!known.contains(f.path())) {
                freshOnServer.merge(f.kind(), 1, Integer::sum);
            }
        }
        List<FolderState> goneHere = new ArrayList<>();
        List<FolderPath> goneThere = new ArrayList<>();
        for (FolderState s : synced) {
            boolean here = local.containsKey(s.path()) || localIds.contains(s.localId());
            boolean there = remote.containsKey(s.path());
            if (there && !here) {
                goneHere.add(s);
            } else if (here && !there) {
                int renames = freshOnServer.getOrDefault(s.kind(), 0);
                if (renames > 0) {
                    freshOnServer.put(s.kind(), renames - 1);
                } else {
                    goneThere.add(s.path());
                }
            }
        }
        List<Refusal> refusals = new ArrayList<>();
        String rootReason = null;
        // Asked only when a local copy is gone: a store may rescan its tree to answer.
        for (EmptyRoot r : goneHere.isEmpty() ? List.<EmptyRoot>of() : emptyRoots.get()) {
            if (goneHere.stream().anyMatch(s -> r.kinds().contains(s.kind()))) {
                rootReason = rootReason == null ? r.describe() : rootReason + "; " + r.describe();
            }
        }
        List<FolderPath> serverDeletes = goneHere.stream().map(FolderState::path).sorted().toList();
        if (rootReason != null || guard.tooManyFolders(serverDeletes.size(), synced.size())) {
            refusals.add(new Refusal(Side.SERVER, null, serverDeletes.size(), synced.size(), serverDeletes, rootReason));
        }
        if (guard.tooManyFolders(goneThere.size(), synced.size())) {
            refusals.add(new Refusal(Side.LOCAL, null, goneThere.size(), synced.size(),
                    goneThere.stream().sorted().toList(), null));
        }
        if (!refusals.isEmpty()) {
            throw new MassDeleteException(refusals, null);
        }
    }
}
