package io.icesync.core.spi;

import io.icesync.core.FolderPath;
import java.util.Objects;

/**
 * A folder another user shares with this one (F8.5, the server's Other Users namespace) and what
 * the user answered.
 *
 * @param path   the folder's path as the server lists it (e.g. {@code ~jean@example.com/Calendar})
 * @param owner  the account sharing it
 * @param rights the letters the server gives this user there
 * @param status offered, subscribed or refused
 */
public record ShareState(FolderPath path, String owner, String rights, Status status) {
    /** Where a share stands for this user. */
    public enum Status {
        /** Listed by the server, not answered yet: not synced. */
        OFFERED,
        /** Synced like the user's own folders. */
        SUBSCRIBED,
        /** Never synced, not offered again until the grant changes. */
        REFUSED
    }

    /**
     * Checks that no component is null.
     *
     * @param path   the folder's path as the server lists it
     * @param owner  the account sharing it
     * @param rights the letters the server gives this user there
     * @param status offered, subscribed or refused
     * @throws NullPointerException when a component is null
     */
    public ShareState {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(rights, "rights");
        Objects.requireNonNull(status, "status");
    }

    /**
     * This share with another status.
     *
     * @param s the user's new answer
     * @return a copy with {@code s} as its status
     */

    public ShareState with(Status s) {
        return new ShareState(path, owner, rights, s);
    }
}
