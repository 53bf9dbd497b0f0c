package io.icesync.core.spi;

import io.icesync.core.FolderPath;
import java.util.Map;

/**
 * Access lists of a server that has them (RFC 4314 ACL; IMAP here), and its namespace of folders other
 * users share (RFC 2342). Identifiers and letters go as the server spells them; reading them in
 * IceWarp's terms is {@link io.icesync.core.AccessRights}'s job.
 */
public interface AccessControl {
    /** True when the server keeps access lists (the {@code ACL} capability). */
    boolean hasAccessLists();

    /** The folder's access list: identifier to letters, in the server's order (GETACL; needs {@code a}). */
    Map<String, String> accessList(FolderPath folder);

    /** Sets one identifier's letters, replacing what it had (SETACL). */
    void setAccess(FolderPath folder, String identifier, String letters);

    /** Removes one identifier from the list (DELETEACL). */
    void removeAccess(FolderPath folder, String identifier);

    /** The letters the server gives the logged-in user on the folder (MYRIGHTS). */
    String myRights(FolderPath folder);

    /**
     * The prefix of other users' folders as the server names them (NAMESPACE), e.g. {@code ~} or
     * {@code shared/}; empty when the server has none.
     */
    String otherUsersPrefix();

    /** The hierarchy separator of folder names on the wire. */
    char separator();
}
