package io.icesync.core.engine;

import io.icesync.core.FolderPath;
import java.util.Objects;

/**
 * A change of rights or shares found while syncing the folder tree (F8), for the app to show.
 *
 * @param kind   what happened
 * @param folder the folder, as the server names it
 * @param owner  the account that shares it, or null for the user's own folder
 * @param before the letters before (empty for a new share)
 * @param after  the letters now (empty for a revoked share)
 * @param keptAside where a revoked share's unsynced items were kept, or null when there were none
 */
public record SharingEvent(Kind kind, FolderPath folder, String owner, String before, String after,
                           FolderPath keptAside) {
    /** The kinds of sharing change. */
    public enum Kind {
        /** The user's rights on a folder changed on the server. */
        RIGHTS_CHANGED,
        /** Another user shares a folder: it waits for subscribe or refuse. */
        SHARE_OFFERED,
        /** A share is gone (revoked, or the folder deleted): its local copy is removed. */
        SHARE_REVOKED
    }

    /**
     * Checks the event; null letters are taken as empty.
     *
     * @param kind      what happened; not null
     * @param folder    the folder; not null
     * @param owner     the account that shares it, or null
     * @param before    the letters before, or null for none
     * @param after     the letters now, or null for none
     * @param keptAside where a revoked share's unsynced items were kept, or null
     * @throws NullPointerException when {@code kind} or {@code folder} is null
     */
    public SharingEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(folder, "folder");
        before = before == null ? "" : before;
        after = after == null ? "" : after;
    }

    /**
     * Describes the change for the session log and for a person.
     *
     * @return one line
     */

    public String describe() {
        return switch (kind) {
            case RIGHTS_CHANGED -> "rights on '" + folder + "' changed on the server: '" + before + "' -> '" + after + "'";
            case SHARE_OFFERED -> owner + " shares '" + folder + "' with you ('" + after + "'): subscribe or refuse it";
            case SHARE_REVOKED -> "the share '" + folder + "' of " + owner + " is gone: its local copy is removed"
                    + (keptAside == null ? "" : "; unsynced items kept in '" + keptAside + "'");
        };
    }
}
