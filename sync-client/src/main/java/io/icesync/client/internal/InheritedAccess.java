package io.icesync.client.internal;

import io.icesync.core.AccessRights;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.AccessControl;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * F8.3 as IceSync keeps it (IMAP has no inheritance): a sub-folder that follows its parent has the
 * parent's access list, the owner's own entry aside. Making it so is idempotent: running it again
 * after a kill sends only what is still missing.
 */
public final class InheritedAccess {
    private InheritedAccess() {
    }

    /**
     * Whether an identifier is the owner's own entry (the user's login, or {@code owner}), never copied.
     *
     * @param identifier an access-list identifier
     * @param login      the user's login
     * @return true for the owner's entry
     */
    public static boolean isOwner(String identifier, String login) {
        return identifier.toLowerCase(Locale.ROOT).equals("owner") || identifier.equalsIgnoreCase(login);
    }

    /**
     * Whether two lists give the same rights to the same identifiers, the owner's entries aside.
     *
     * @param a     a list
     * @param b     another list
     * @param login the user's login
     * @return true when nothing would be sent to make {@code b} follow {@code a}
     */
    public static boolean same(Map<String, String> a, Map<String, String> b, String login) {
        for (Map.Entry<String, String> e : a.entrySet()) {
            if (!isOwner(e.getKey(), login) && !rights(e.getValue()).equals(rights(b.get(e.getKey())))) {
                return false;
            }
        }
        for (String id : b.keySet()) {
            if (!isOwner(id, login) && !a.containsKey(id)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether two lists are the same, entry by entry, letters compared as rights ({@code c}/{@code d} read
     * as RFC 4314 says): a change of the list on the server.
     *
     * @param a a list
     * @param b another list
     * @return true when both give the same rights to the same identifiers
     */
    public static boolean sameList(Map<String, String> a, Map<String, String> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, String> e : a.entrySet()) {
            if (!rights(e.getValue()).equals(rights(b.get(e.getKey())))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sends what makes {@code to}'s list follow {@code want} (SETACL for an entry missing or different,
     * DELETEACL for one too many), the owner's entry aside.
     *
     * @param acl   the server
     * @param to    the folder that follows
     * @param want  the parent's list
     * @param have  {@code to}'s list now
     * @param login the user's login
     * @return true when something was sent
     */
    public static boolean apply(AccessControl acl, FolderPath to, Map<String, String> want, Map<String, String> have,
                                String login) {
        boolean sent = false;
        for (Map.Entry<String, String> e : want.entrySet()) {
            if (!isOwner(e.getKey(), login) && !rights(e.getValue()).equals(rights(have.get(e.getKey())))) {
                acl.setAccess(to, e.getKey(), rights(e.getValue()).wire());
                sent = true;
            }
        }
        for (String id : have.keySet()) {
            if (!isOwner(id, login) && !want.containsKey(id)) {
                acl.removeAccess(to, id);
                sent = true;
            }
        }
        return sent;
    }

    private static AccessRights rights(String letters) {
        return AccessRights.fromServer(Objects.requireNonNullElse(letters, ""));
    }
}
