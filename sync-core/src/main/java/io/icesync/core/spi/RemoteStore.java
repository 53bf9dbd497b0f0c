package io.icesync.core.spi;

import io.icesync.core.Flags;
import io.icesync.core.Folder;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The server side of a sync. The default is IMAP ({@code io.icesync.imap}); a custom connector
 * implements this to sync against anything else. Methods throw subtypes of
 * {@link io.icesync.core.IceSyncException}; a store is used by one thread at a time, except
 * {@link #abort()}, which another thread calls to cut a call that hangs.
 */
public interface RemoteStore extends AutoCloseable {

    /**
     * Connects and logs in if not yet connected.
     *
     * @return what the server said about itself on connecting
     */
    ServerInfo connect();

    /**
     * Lists the folders the user can see.
     *
     * @return every folder, parents before children; non-selectable placeholders are left out
     */
    List<Folder> folders();

    /**
     * Creates a folder.
     *
     * @param path the new folder; its parents must exist
     * @param kind what the folder holds (mail, contacts, documents ...), for servers that type folders
     */
    void createFolder(FolderPath path, FolderKind kind);

    /**
     * Renames or moves a folder with its sub-folders.
     *
     * @param from the folder's current path
     * @param to   its new path; the parent must exist
     */
    void renameFolder(FolderPath from, FolderPath to);

    /**
     * Deletes a folder that has no sub-folders, with its items.
     *
     * @param path the folder to delete
     */
    void deleteFolder(FolderPath path);

    /**
     * The folder's items: everything when {@code since} is null or names another UIDVALIDITY,
     * else what changed since then (see {@link RemoteChanges}). With {@code withMessageIds}
     * every listed item carries its Message-ID (costs a header fetch; used to rematch items).
     *
     * @param folder         the folder to list
     * @param since          the cursor the last sync left, or null for a full listing
     * @param withMessageIds true to have every listed item carry its Message-ID
     * @return the items, with the folder's cursor now
     */
    RemoteChanges changes(FolderPath folder, RemoteCursor since, boolean withMessageIds);

    /**
     * As {@link #changes(FolderPath, RemoteCursor, boolean)}, for a folder above the folder sync
     * threshold (F4.5) with {@code newOnly}: a store that can only list a folder in full (no
     * CONDSTORE) may then answer, when {@code since} is of the same UIDVALIDITY, with the items new
     * since {@code since} and every UID still there, and leave the flags of older items unread. The
     * default lists as the three-argument form does.
     *
     * @param folder         the folder to list
     * @param since          the cursor the last sync left, or null for a full listing
     * @param withMessageIds true to have every listed item carry its Message-ID
     * @param newOnly        true to allow the cheaper answer above for a large folder
     * @return the items, with the folder's cursor now
     */
    default RemoteChanges changes(FolderPath folder, RemoteCursor since, boolean withMessageIds, boolean newOnly) {
        return changes(folder, since, withMessageIds);
    }

    /**
     * Reads a folder's cursor without listing items (cheap: STATUS).
     *
     * @param folder the folder to ask about
     * @return the folder's cursor now
     */
    RemoteCursor status(FolderPath folder);

    /**
     * Downloads the given items in order, each streamed to {@code sink}; a missing UID is reported
     * to {@link ItemSink#failed}.
     *
     * @param folder the folder that holds the items
     * @param items  the items to download, as listed by {@link #changes(FolderPath, RemoteCursor, boolean)}
     * @param mode   whole items or headers only
     * @param sink   receives each item's content while the download runs
     */
    void fetch(FolderPath folder, List<RemoteItem> items, FetchMode mode, ItemSink sink);

    /**
     * Adds an item; returns its new UID, or 0 when the server does not say (no UIDPLUS).
     *
     * <p>The engine calls {@link #append(FolderPath, Flags, Instant, long, String, ContentSource)}, which
     * comes here unless the store overrides it; a store whose items have names overrides that one too.
     *
     * @param folder       the folder to add to
     * @param flags        the item's flags and keywords
     * @param internalDate the item's received date on the server (IMAP INTERNALDATE)
     * @param size         the content's length in bytes
     * @param content      the item's bytes, which the store may read more than once (a retry)
     * @return the new item's UID, or 0 when the server does not say
     */
    long append(FolderPath folder, Flags flags, Instant internalDate, long size, ContentSource content);

    /**
     * Adds a local item under the name it has locally: as
     * {@link #append(FolderPath, Flags, Instant, long, ContentSource)}, with a name hint. A server whose
     * items have names (a WebDAV documents server) names the item after {@code name} when it can and
     * lists that name in {@link RemoteItem#name()}; when {@code name} is null, unusable there or taken,
     * it chooses a name of its own. The name is never part of the content, which is the item's bytes as
     * they are. The default ignores the name and calls
     * {@link #append(FolderPath, Flags, Instant, long, ContentSource)}, which is right for servers whose
     * items have no names (IMAP); a store that hands items on to another store overrides it to pass
     * the name on.
     *
     * @param folder       the folder to add to
     * @param flags        the item's flags and keywords
     * @param internalDate the item's received date on the server (IMAP INTERNALDATE)
     * @param size         the content's length in bytes
     * @param name the item's name in the local store ({@link LocalItem#name()}), or null when it has none
     * @param content      the item's bytes, which the store may read more than once (a retry)
     * @return the new item's UID, or 0 when the server does not say
     */
    default long append(FolderPath folder, Flags flags, Instant internalDate, long size, String name,
                        ContentSource content) {
        return append(folder, flags, internalDate, size, content);
    }

    /**
     * Puts a new version of item {@code uid} on the server and returns the new version's UID (0 when
     * the server does not say). The engine calls this for a local edit of an item that has a version,
     * then deletes {@code uid}. The default appends, and the delete removes the old version; a store
     * that can swap content in one step (WebDAV: PUT over the old resource, If-Match its ETag) does
     * so, which leaves no moment with two copies, and the delete then finds {@code uid} gone.
     *
     * @param folder       the folder that holds the item
     * @param uid          the UID of the version being replaced
     * @param flags        the new version's flags and keywords
     * @param internalDate the new version's received date on the server
     * @param size         the new content's length in bytes
     * @param name         the item's name in the local store, or null when it has none
     * @param content      the new version's bytes
     * @return the new version's UID, or 0 when the server does not say
     */
    default long replace(FolderPath folder, long uid, Flags flags, Instant internalDate, long size, String name,
                         ContentSource content) {
        return append(folder, flags, internalDate, size, name, content);
    }

    /**
     * Sets the flags and keywords of items to exactly the given values.
     *
     * @param folder     the folder that holds the items
     * @param flagsByUid the complete new flags of each item, by UID
     */
    void setFlags(FolderPath folder, Map<Long, Flags> flagsByUid);

    /**
     * Moves items to another folder.
     *
     * @param from the folder that holds the items
     * @param uids the items to move
     * @param to   the target folder
     * @return old UID to new UID, for the items the server reports (COPYUID)
     */
    Map<Long, Long> move(FolderPath from, Collection<Long> uids, FolderPath to);

    /**
     * Removes exactly these items (UID EXPUNGE where possible, never a plain EXPUNGE of others' deletions).
     *
     * @param folder the folder that holds the items
     * @param uids   the items to remove
     */
    void delete(FolderPath folder, Collection<Long> uids);

    /**
     * Searches a folder by Message-ID.
     *
     * @param folder    the folder to search
     * @param messageId the Message-ID header value to look for
     * @return the UIDs of the items whose Message-ID header equals {@code messageId}; empty when none
     */
    List<Long> findByMessageId(FolderPath folder, String messageId);

    /**
     * True for a folder another user shares with this one (the server's Other Users namespace): the
     * sync cannot re-create it when it goes, so a revoked share is removed locally with its unsynced
     * items kept aside. The default: no folder is.
     *
     * @param folder the folder to ask about
     * @return true when another user shares the folder with this one
     */

    default boolean sharedByOthers(FolderPath folder) {
        return false;
    }

    /**
     * Called from another thread while a call may be blocked on the network (the engine's cancel or
     * close): cuts the connection without waiting for that call, which then fails with a
     * {@link io.icesync.core.ConnectionException}; no new connection is opened until the next
     * {@link #connect()}. Must not take a lock the blocked call holds. The default does nothing: the
     * call then ends on its own timeouts.
     */
    default void abort() {
    }

    @Override
    void close();
}
