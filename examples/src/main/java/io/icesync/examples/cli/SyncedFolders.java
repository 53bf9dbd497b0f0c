package io.icesync.examples.cli;

import io.icesync.client.FolderKinds;
import io.icesync.client.IceSync;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The folders {@code icesync sync --folder} names, checked against those the profile has synced. */
final class SyncedFolders {
    /** How many synced folders an error lists before "...". */
    private static final int SHOWN = 20;

    private SyncedFolders() {
    }

    /** A folder the profile has not synced, with the synced ones for the hint. */
    static final class UnknownFolderException extends IceSyncException {
        private static final long serialVersionUID = 1L;
        private final String hint;

        UnknownFolderException(String message, String hint) {
            super(message);
            this.hint = hint;
        }

        String hint() {
            return hint;
        }
    }

    /** The paths typed, each a synced folder of the profile at {@code dir}; none typed gives an empty list. */
    static List<FolderPath> resolve(Path dir, List<String> typed) {
        if (typed.isEmpty()) {
            return List.of();
        }
        List<FolderPath> paths = new ArrayList<>();
        for (String t : typed) {
            paths.add(FolderKinds.parsePath(t));
        }
        Map<FolderPath, FolderKind> synced = IceSync.syncedFolders(dir);
        for (int i = 0; i < paths.size(); i++) {
            if (!synced.containsKey(paths.get(i))) {
                throw new UnknownFolderException("no synced folder \"" + typed.get(i) + "\" in " + dir, hint(dir, synced));
            }
        }
        return paths.stream().distinct().toList();
    }

    private static String hint(Path dir, Map<FolderPath, FolderKind> synced) {
        if (synced.isEmpty()) {
            return "the profile has synced no folder yet: run icesync sync --dir " + dir + " --once first";
        }
        String names = synced.keySet().stream().limit(SHOWN).map(FolderKinds::pathText).collect(Collectors.joining(", "));
        return "the synced folders: " + names + (synced.size() > SHOWN ? ", ..." : "")
                + " (a folder new on the server is synced by a full icesync sync --once first)";
    }
}
