package io.icesync.core.spi;

import io.icesync.core.FolderPath;
import java.util.Map;

/**
 * Access lists of a server that has them (RFC 4314 ACL; IMAP here), and its namespace of folders other
 * users share (RFC 2342). Identifiers and letters go as the server spells them; reading them in
 * IceWarp's terms is {@link io.icesync.core.AccessRights}'s job.
 */
public interface AccessControl {
    /**
     * Tells whether the server keeps access lists.
     *
     * @return true when the server has the {@code ACL} capability
     */
    boolean hasAccessLists();

    /**
     * Reads a folder's access list (GETACL; the user needs the {@code a} right there).
     *
     * @param folder the folder
     * @return identifier to letters, in the server's order
     */
    Map<String, String> accessList(FolderPath folder);

    /**
     * Reads the access lists of several folders; a store may send the GETACLs together (pipelined),
     * this default reads them one by one.
     *
     * @param folders the folders
     * @return folder to its list (identifier to letters); a folder whose list the server refuses
     *         (gone, or no {@code a} there) is left out
     */
    default Map<FolderPath, Map<String, String>> accessLists(java.util.Collection<FolderPath> folders) {
        Map<FolderPath, Map<String, String>> out = new java.util.LinkedHashMap<>();
        for (FolderPath f : folders) {
            try {
                out.put(f, accessList(f));
            } catch (io.icesync.core.IceSyncException e) {
                // Refused for this folder only: the others are still read.
            }
        }
        return out;
    }

    /**
     * Sets one identifier's letters, replacing what it had (SETACL).
     *
     * @param folder     the folder
     * @param identifier the user, group or special identifier ({@code anyone}) as the server spells it
     * @param letters    the RFC 4314 rights letters to give
     */
    void setAccess(FolderPath folder, String identifier, String letters);

    /**
     * Removes one identifier from the list (DELETEACL).
     *
     * @param folder     the folder
     * @param identifier the identifier as the server spells it
     */
    void removeAccess(FolderPath folder, String identifier);

    /**
     * Reads the logged-in user's own rights on a folder (MYRIGHTS).
     *
     * @param folder the folder
     * @return the rights letters the server gives the user there
     */
    String myRights(FolderPath folder);

    /**
     * The prefix of other users' folders as the server names them (NAMESPACE), e.g. {@code ~} or
     * {@code shared/}; empty when the server has none.
     *
     * @return the prefix, or an empty string
     */
    String otherUsersPrefix();

    /**
     * The hierarchy separator of folder names on the wire.
     *
     * @return the character between levels of a folder name, such as {@code /} or {@code .}
     */

    char separator();
}
