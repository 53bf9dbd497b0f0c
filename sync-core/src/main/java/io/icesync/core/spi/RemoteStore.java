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

    /** Connects and logs in if not yet connected; what the server said about itself. */
    ServerInfo connect();

    /** Every folder the user can see, parents before children. Non-selectable placeholders are left out. */
    List<Folder> folders();

    /** Creates {@code path} (its parents must exist). */
    void createFolder(FolderPath path, FolderKind kind);

    /** Renames or moves a folder with its sub-folders. */
    void renameFolder(FolderPath from, FolderPath to);

    /** Deletes an empty-of-children folder and its items. */
    void deleteFolder(FolderPath path);

    /**
     * The folder's items: everything when {@code since} is null or names another UIDVALIDITY,
     * else what changed since then (see {@link RemoteChanges}). With {@code withMessageIds}
     * every listed item carries its Message-ID (costs a header fetch; used to rematch items).
     */
    RemoteChanges changes(FolderPath folder, RemoteCursor since, boolean withMessageIds);

    /**
     * As {@link #changes(FolderPath, RemoteCursor, boolean)}, for a folder above the folder sync
     * threshold (F4.5) with {@code newOnly}: a store that can only list a folder in full (no
     * CONDSTORE) may then answer, when {@code since} is of the same UIDVALIDITY, with the items new
     * since {@code since} and every UID still there, and leave the flags of older items unread. The
     * default lists as the three-argument form does.
     */
    default RemoteChanges changes(FolderPath folder, RemoteCursor since, boolean withMessageIds, boolean newOnly) {
        return changes(folder, since, withMessageIds);
    }

    /** The folder's cursor now, without listing items (cheap: STATUS). */
    RemoteCursor status(FolderPath folder);

    /** Downloads the given items in order, each streamed to {@code sink}; a missing UID is reported to {@link ItemSink#failed}. */
    void fetch(FolderPath folder, List<RemoteItem> items, FetchMode mode, ItemSink sink);

    /**
     * Adds an item; returns its new UID, or 0 when the server does not say (no UIDPLUS).
     *
     * <p>The engine calls {@link #append(FolderPath, Flags, Instant, long, String, ContentSource)}, which
     * comes here unless the store overrides it; a store whose items have names overrides that one too.
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
     * @param name the item's name in the local store ({@link LocalItem#name()}), or null when it has none
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
     */
    default long replace(FolderPath folder, long uid, Flags flags, Instant internalDate, long size, String name,
                         ContentSource content) {
        return append(folder, flags, internalDate, size, name, content);
    }

    /** Sets the flags and keywords of items to exactly the given values. */
    void setFlags(FolderPath folder, Map<Long, Flags> flagsByUid);

    /** Moves items to another folder; returns old UID -> new UID where the server says (COPYUID). */
    Map<Long, Long> move(FolderPath from, Collection<Long> uids, FolderPath to);

    /** Removes exactly these items (UID EXPUNGE where possible, never a plain EXPUNGE of others' deletions). */
    void delete(FolderPath folder, Collection<Long> uids);

    /** UIDs of the items whose Message-ID header equals {@code messageId}. */
    List<Long> findByMessageId(FolderPath folder, String messageId);

    /**
     * True for a folder another user shares with this one (the server's Other Users namespace): the
     * sync cannot re-create it when it goes, so a revoked share is removed locally with its unsynced
     * items kept aside. The default: no folder is.
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
