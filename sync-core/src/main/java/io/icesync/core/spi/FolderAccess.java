package io.icesync.core.spi;

import io.icesync.core.FolderPath;
import java.util.Map;
import java.util.Objects;

/**
 * The rights of one folder as last seen on the server, kept in the state (F8): the user's own
 * (MYRIGHTS) and, once read, the folder's access list; and whether the folder follows its parent's
 * list (F8.3: inheritance, kept by IceSync since IMAP has none).
 *
 * @param path     the folder
 * @param myRights the letters the server gives the user there
 * @param acl      identifier to letters, in the server's order; null while never read
 * @param inherits true while the folder takes its parent's access list
 */
public record FolderAccess(FolderPath path, String myRights, Map<String, String> acl, boolean inherits) {
    /**
     * Checks the row and copies {@code acl}, keeping its order.
     *
     * @param path     the folder; not null
     * @param myRights the letters the server gives the user there; not null
     * @param acl      identifier to letters, or null while never read
     * @param inherits true while the folder takes its parent's access list
     * @throws NullPointerException when {@code path} or {@code myRights} is null
     */
    public FolderAccess {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(myRights, "myRights");
        acl = acl == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(acl));
    }

    /**
     * This row with another access list.
     *
     * @param list identifier to letters, or null for not read
     * @return a copy with {@code list} as its access list
     */
    public FolderAccess withAcl(Map<String, String> list) {
        return new FolderAccess(path, myRights, list, inherits);
    }

    /**
     * This row with other rights of the user's own.
     *
     * @param letters the letters the server now gives the user
     * @return a copy with {@code letters} as the user's rights
     */
    public FolderAccess withMyRights(String letters) {
        return new FolderAccess(path, letters, acl, inherits);
    }

    /**
     * This row with inheritance on or off.
     *
     * @param on true to have the folder take its parent's access list
     * @return a copy with inheritance set
     */

    public FolderAccess withInherits(boolean on) {
        return new FolderAccess(path, myRights, acl, on);
    }
}
