package io.icesync.core;

import java.util.Objects;

/**
 * One entry of a folder's access list: who, and with which rights.
 *
 * @param grantee the user, group or anyone
 * @param rights  the rights given
 */
public record Grant(Grantee grantee, AccessRights rights) {
    /**
     * Checks that no component is null.
     *
     * @param grantee the user, group or anyone
     * @param rights  the rights given
     * @throws NullPointerException when a component is null
     */
    public Grant {

        Objects.requireNonNull(grantee, "grantee");
        Objects.requireNonNull(rights, "rights");
    }
}
