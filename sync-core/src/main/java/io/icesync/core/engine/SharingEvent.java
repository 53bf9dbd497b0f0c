package io.icesync.core.engine;

import io.icesync.core.FolderPath;
import java.util.Objects;

/**
 * A change of rights or shares found while syncing the folder tree (F8), for the app to show.
 *
 * @param kind   what happened
 * @param folder the folder, as the server names it
 * @param owner  the account that shares it, or null for the user's own folder
 * @param before the letters before (empty for a new share); for an access list, its entries before, as
 *               {@link #describeList} writes them
 * @param after  the letters now (empty for a revoked share); for an access list, its entries now
 * @param keptAside where a revoked share's unsynced items were kept, or null when there were none
 * @param notice the Message-ID of the "share offered" message in INBOX that led to this offer, or null
 */
public record SharingEvent(Kind kind, FolderPath folder, String owner, String before, String after,
                           FolderPath keptAside, String notice) {
    /** The kinds of sharing change. */
    public enum Kind {
        /** The user's rights on a folder changed on the server. */
        RIGHTS_CHANGED,
        /** Another user shares a folder: it waits for subscribe or refuse. */
        SHARE_OFFERED,
        /** A share is gone (revoked, or the folder deleted): its local copy is removed. */
        SHARE_REVOKED,
        /** Who may use one of the user's folders changed on the server (made by another client, or carried
         *  to a folder that inherits its parent's list); before and after are the access lists. */
        ACCESS_LIST_CHANGED,
        /** A folder could not be given the grants it should have (inherited from its parent, or of a
         *  whole-account share): before is its list, after the list wanted; tried again at the next refresh. */
        ACCESS_LIST_NOT_APPLIED
    }

    /**
     * An event not linked to a notice message.
     *
     * @param kind      what happened; not null
     * @param folder    the folder; not null
     * @param owner     the account that shares it, or null
     * @param before    the letters before, or null for none
     * @param after     the letters now, or null for none
     * @param keptAside where a revoked share's unsynced items were kept, or null
     */
    public SharingEvent(Kind kind, FolderPath folder, String owner, String before, String after,
                        FolderPath keptAside) {
        this(kind, folder, owner, before, after, keptAside, null);
    }

    /**
     * An access list as {@link Kind#ACCESS_LIST_CHANGED} events show it: {@code identifier letters}
     * pairs joined by {@code ", "}, in the server's order.
     *
     * @param list identifier to letters
     * @return the entries as one line; empty for an empty list
     */
    public static String describeList(java.util.Map<String, String> list) {
        StringBuilder b = new StringBuilder();
        list.forEach((id, letters) -> b.append(b.length() == 0 ? "" : ", ").append(id).append(' ').append(letters));
        return b.toString();
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
     * @param notice    the Message-ID of the notice message behind an offer, or null
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
            case SHARE_OFFERED -> owner + " shares '" + folder + "' with you ('" + after + "'): subscribe or refuse it"
                    + (notice == null ? "" : " (notice " + notice + ")");
            case SHARE_REVOKED -> "the share '" + folder + "' of " + owner + " is gone: its local copy is removed"
                    + (keptAside == null ? "" : "; unsynced items kept in '" + keptAside + "'");
            case ACCESS_LIST_CHANGED -> "who may use '" + folder + "' changed on the server: [" + before + "] -> ["
                    + after + "]";
            case ACCESS_LIST_NOT_APPLIED -> "could not give '" + folder + "' the grants it should have: [" + before
                    + "] should be [" + after + "]; tried again at the next refresh";
        };
    }
}
