package io.icesync.core.engine;

import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import java.util.Locale;
import java.util.Objects;

/**
 * A server folder whose items a cycle left alone on purpose, e.g. a documents folder when no local
 * store keeps documents: its items stay on the server, untouched, and it is listed in every cycle's
 * report until something changes, so that it is never left out silently.
 *
 * @param folder the folder
 * @param kind   its kind, as the server (or the user) gives it
 * @param reason why its items were not synced
 * @param remedy what the user can do to have them synced
 */
public record UnsyncedFolder(FolderPath folder, FolderKind kind, String reason, String remedy) {
    /**
     * Checks that no component is null.
     *
     * @param folder the folder
     * @param kind   its kind
     * @param reason why its items were not synced
     * @param remedy what the user can do to have them synced
     * @throws NullPointerException when a component is null
     */
    public UnsyncedFolder {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(remedy, "remedy");
    }

    /**
     * A folder of a kind that no local store of the profile keeps.
     *
     * @param folder the folder
     * @param kind   its kind
     * @return the entry, with a reason and a remedy written for a person
     */
    public static UnsyncedFolder notKept(FolderPath folder, FolderKind kind) {
        String k = kind.name().toLowerCase(Locale.ROOT);
        return new UnsyncedFolder(folder, kind, "it is a " + k + " folder and the local store keeps no " + k
                + " items; they stay on the server, untouched",
                "if it holds mail, give it the kind mail (a folder-kind override: Profile.withFolderKind,"
                        + " or icesync folders kind PATH mail); else add a local store for " + k + " items");
    }

    /**
     * Describes the folder for a person.
     *
     * @return one line, such as "Documents: not synced: it is a documents folder...; to sync it: ..."
     */

    public String describe() {
        return folder + ": not synced: " + reason + "; to sync it: " + remedy;
    }
}
