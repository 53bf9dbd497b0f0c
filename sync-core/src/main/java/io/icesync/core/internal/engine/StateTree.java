package io.icesync.core.internal.engine;

import io.icesync.core.FolderPath;
import io.icesync.core.spi.FolderState;
import io.icesync.core.spi.SyncStateStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Folder-tree operations on the state store that touch a folder and everything below it. */
final class StateTree {
    private StateTree() {
    }

    /** Moves the state rows of {@code from} and its sub-folders under {@code to}, in one transaction. */
    static void rebase(SyncStateStore state, FolderPath from, FolderPath to) {
        state.inTransaction(() -> {
            List<FolderState> moving = new ArrayList<>();
            for (FolderState f : state.folders()) {
                if (f.path().startsWith(from)) {
                    moving.add(f);
                }
            }
            // Deepest first, so that no new path collides with an old one still present.
            moving.sort(Comparator.comparingInt((FolderState f) -> f.path().depth()).reversed());
            for (FolderState f : moving) {
                state.putFolder(f.withPath(f.path().rebase(from, to)));
            }
        });
    }
}
