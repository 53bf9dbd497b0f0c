package io.icesync.client;

import io.icesync.core.AccessRights;
import io.icesync.core.FolderPath;
import io.icesync.core.Grant;
import java.util.List;

/**
 * The rights of one of the user's folders as last seen on the server (F8), as the state mirrors them.
 *
 * @param path     the folder
 * @param mine     the user's own rights there
 * @param grants   the access list, empty while never read (listing the grants reads it)
 * @param inherits true while the folder follows its parent's list (F8.3)
 */
public record FolderRights(FolderPath path, AccessRights mine, List<Grant> grants, boolean inherits) {
    /**
     * Copies the access list.
     *
     * @param path     the folder
     * @param mine     the user's own rights there
     * @param grants   the access list, never null (empty while never read)
     * @param inherits true while the folder follows its parent's list
     */
    public FolderRights {
        grants = List.copyOf(grants);
    }
}
