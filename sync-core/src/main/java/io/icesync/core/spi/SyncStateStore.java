package io.icesync.core.spi;

import io.icesync.core.FolderPath;
import java.util.List;
import java.util.Optional;

/**
 * What IceSync remembers between syncs: the last synced folder tree, one row per synced item
 * pair, pending intents, failures (the ignored list), the session log and a few named values.
 * Default: one SQLite file per profile; an in-memory version for tests.
 *
 * <p>Every method commits on its own unless called inside {@link #inTransaction}, whose work
 * commits all together or not at all. A store is written by one thread at a time; reads may come
 * from other threads while a cycle runs (a status shown meanwhile), and must not see the work of a
 * transaction not yet committed.
 */
public interface SyncStateStore extends AutoCloseable {

    /**
     * Runs {@code work} in one transaction; nested calls join the outer one. A thrown exception rolls
     * back and is passed on.
     *
     * @param work the reads and writes to commit together
     */
    void inTransaction(Runnable work);

    // --- folders

    /**
     * Lists the synced folders.
     *
     * @return every folder row, in no particular order
     */
    List<FolderState> folders();

    /**
     * Looks a folder up by its row id.
     *
     * @param id the id the store gave the folder ({@link FolderState#id()})
     * @return the folder, or empty when no folder has that id
     */
    Optional<FolderState> folder(long id);

    /**
     * Looks a folder up by its path.
     *
     * @param path the folder's path as last synced
     * @return the folder, or empty when none has that path
     */
    Optional<FolderState> folderByPath(FolderPath path);

    /**
     * Inserts (id 0) or updates a folder. Paths are unique.
     *
     * @param folder the folder to save
     * @return the folder as saved, with its id
     */
    FolderState putFolder(FolderState folder);

    /**
     * Removes a folder with its item rows and failures.
     *
     * @param folderId the folder's id; an unknown id is ignored
     */
    void removeFolder(long folderId);

    // --- items

    /**
     * Lists the item pairs of one folder.
     *
     * @param folderId the folder's id
     * @return the folder's item pairs; empty for an unknown folder
     */
    List<ItemState> items(long folderId);

    /**
     * Looks an item pair up by its server UID.
     *
     * @param folderId the folder's id
     * @param uid      the server item's UID in that folder
     * @return the pair, or empty when none has that UID
     */
    Optional<ItemState> itemByUid(long folderId, long uid);

    /**
     * Looks an item pair up by its local id, in whichever folder (local ids are unique across folders).
     *
     * @param localId the local item's id ({@link LocalItem#id()})
     * @return the pair, or empty when none has that local id
     */
    Optional<ItemState> itemByLocalId(String localId);

    /**
     * Inserts or replaces the pair keyed by its local id (a pair that moved folder is updated in place).
     *
     * @param item the pair to save
     */
    void putItem(ItemState item);

    /**
     * Removes one item pair.
     *
     * @param localId the pair's local id; an unknown id is ignored
     */
    void removeItem(String localId);

    /**
     * Removes every item row of a folder (UIDVALIDITY change), keeping the folder row.
     *
     * @param folderId the folder's id
     */
    void removeItems(long folderId);

    /**
     * Counts the item pairs.
     *
     * @return how many item pairs exist in all folders
     */
    long itemCount();

    // --- intents

    /**
     * Records an intent before its action starts.
     *
     * @param op the intent; its id is ignored
     * @return the intent as saved, with the id the store gave it
     */
    PendingOp addPending(PendingOp op);

    /**
     * Forgets an intent once its action is done or resolved.
     *
     * @param id the intent's id ({@link PendingOp#id()})
     */
    void removePending(long id);

    /**
     * Lists the intents not yet removed, which a start resolves.
     *
     * @return every pending intent, oldest first
     */
    List<PendingOp> pending();

    // --- failures and the ignored list (F4.7)

    /**
     * Counts one more failure of an item.
     *
     * @param folder      the item's folder
     * @param key         the item's key within the folder ({@link IgnoredItem#key()})
     * @param description what the item is, to show to the user (a subject, a file name)
     * @param error       what went wrong this time
     * @return the updated record, with the new count and time
     */
    IgnoredItem recordFailure(FolderPath folder, String key, String description, String error);

    /**
     * Forgets the failures of one item (it synced after all).
     *
     * @param folder the item's folder
     * @param key    the item's key within the folder
     */
    void clearFailure(FolderPath folder, String key);

    /**
     * Forgets the failures of every item of a folder.
     *
     * @param folder the folder, or null for all folders
     */
    void clearFailures(FolderPath folder);

    /**
     * Lists the failed items, the ignored ones included.
     *
     * @return every item with at least one failure, most recent first
     */
    List<IgnoredItem> failures();

    // --- session log (F11.2): only the last 200 events are kept

    /**
     * Appends an event to the session log; the oldest events beyond the last 200 are dropped.
     *
     * @param event the event to keep
     */
    void log(SessionEvent event);

    /**
     * Reads the end of the session log.
     *
     * @param max how many events at most
     * @return the last {@code max} events, oldest first
     */
    List<SessionEvent> recentEvents(int max);

    // --- named values (counters, first-sync decision, schema facts)

    /**
     * Reads a named value.
     *
     * @param key the value's name
     * @return the value, or empty when none is stored under {@code key}
     */
    Optional<String> value(String key);

    /**
     * Stores a named value, replacing the one under the same name.
     *
     * @param key   the value's name
     * @param value the value
     */
    void putValue(String key, String value);

    // --- rights and shares (F8); stores that keep none refuse to be asked

    /**
     * Whether this store keeps folder rights, shares and account grants (the methods below). A store that
     * does not (the default) is used without the sharing features: folders other users share are then
     * synced as the server lists them, with no offer to answer.
     *
     * @return true when the rights, shares and grants methods below work
     */

    default boolean keepsSharing() {
        return false;
    }

    /**
     * Reads the rights of every folder as last seen on the server.
     *
     * @return one entry per folder whose rights are kept
     * @throws UnsupportedOperationException when the store keeps no sharing ({@link #keepsSharing()} false)
     */
    default List<FolderAccess> folderAccess() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no folder rights");
    }

    /**
     * Saves (replaces) the rights of one folder.
     *
     * @param access the folder's rights
     * @throws UnsupportedOperationException when the store keeps no sharing
     */
    default void putFolderAccess(FolderAccess access) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no folder rights");
    }

    /**
     * Forgets the rights of one folder.
     *
     * @param path the folder
     * @throws UnsupportedOperationException when the store keeps no sharing
     */
    default void removeFolderAccess(FolderPath path) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no folder rights");
    }

    /**
     * Reads the folders other users share with this one.
     *
     * @return every share, offered, subscribed or refused
     * @throws UnsupportedOperationException when the store keeps no sharing
     */
    default List<ShareState> shares() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no shares");
    }

    /**
     * Saves (replaces) one share.
     *
     * @param share the share, keyed by its folder path
     * @throws UnsupportedOperationException when the store keeps no sharing
     */
    default void putShare(ShareState share) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no shares");
    }

    /**
     * Forgets one share.
     *
     * @param path the shared folder's path
     * @throws UnsupportedOperationException when the store keeps no sharing
     */
    default void removeShare(FolderPath path) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no shares");
    }

    /**
     * Reads the grants of a whole-account share (F8.4), which apply to every folder, new ones too.
     *
     * @return grantee identifier to rights letters
     * @throws UnsupportedOperationException when the store keeps no sharing
     */
    default java.util.Map<String, String> accountGrants() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no account grants");
    }

    /**
     * Saves a whole-account grant.
     *
     * @param identifier the grantee's identifier
     * @param letters    the granted rights letters, or null to remove the grant
     * @throws UnsupportedOperationException when the store keeps no sharing
     */

    default void putAccountGrant(String identifier, String letters) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no account grants");
    }

    @Override
    void close();
}
