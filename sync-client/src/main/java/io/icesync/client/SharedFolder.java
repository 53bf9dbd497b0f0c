package io.icesync.client;

import io.icesync.core.AccessRights;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.ShareState;

/**
 * A folder another user shares with this one (F8.5).
 *
 * @param path   the folder as the server lists it, as {@link Sharing#subscribe} and {@link Sharing#refuse} take it
 * @param owner  the account that shares it
 * @param rights the rights given to this user
 * @param status offered, subscribed or refused
 */
public record SharedFolder(FolderPath path, String owner, AccessRights rights, ShareState.Status status) {
    static SharedFolder of(ShareState s) {
        return new SharedFolder(s.path(), s.owner(), AccessRights.fromServer(s.rights()), s.status());
    }
}
