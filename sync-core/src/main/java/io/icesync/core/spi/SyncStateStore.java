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

    /** Runs {@code work} in one transaction; nested calls join the outer one. A thrown exception rolls back. */
    void inTransaction(Runnable work);

    // --- folders

    List<FolderState> folders();

    Optional<FolderState> folder(long id);

    Optional<FolderState> folderByPath(FolderPath path);

    /** Inserts (id 0) or updates a folder; returns it with its id. Paths are unique. */
    FolderState putFolder(FolderState folder);

    /** Removes a folder with its item rows and failures. */
    void removeFolder(long folderId);

    // --- items

    List<ItemState> items(long folderId);

    Optional<ItemState> itemByUid(long folderId, long uid);

    /** The item pair with this local id, in whichever folder (local ids are unique across folders). */
    Optional<ItemState> itemByLocalId(String localId);

    /** Inserts or replaces the pair keyed by its local id (a pair that moved folder is updated in place). */
    void putItem(ItemState item);

    void removeItem(String localId);

    /** Removes every item row of a folder (UIDVALIDITY change), keeping the folder row. */
    void removeItems(long folderId);

    /** How many item pairs exist in all folders. */
    long itemCount();

    // --- intents

    /** Records an intent; returns it with its id. */
    PendingOp addPending(PendingOp op);

    void removePending(long id);

    List<PendingOp> pending();

    // --- failures and the ignored list (F4.7)

    /** Counts one more failure of an item; returns the updated record. */
    IgnoredItem recordFailure(FolderPath folder, String key, String description, String error);

    /** Forgets the failures of one item (it synced after all). */
    void clearFailure(FolderPath folder, String key);

    /** Forgets the failures of every item of a folder (null: of all folders). */
    void clearFailures(FolderPath folder);

    /** Every item with at least one failure, most recent first. */
    List<IgnoredItem> failures();

    // --- session log (F11.2): only the last 200 events are kept

    void log(SessionEvent event);

    /** The last {@code max} events, oldest first. */
    List<SessionEvent> recentEvents(int max);

    // --- named values (counters, first-sync decision, schema facts)

    Optional<String> value(String key);

    void putValue(String key, String value);

    // --- rights and shares (F8); stores that keep none refuse to be asked

    /**
     * Whether this store keeps folder rights, shares and account grants (the methods below). A store that
     * does not (the default) is used without the sharing features: folders other users share are then
     * synced as the server lists them, with no offer to answer.
     */
    default boolean keepsSharing() {
        return false;
    }

    /** The rights of every folder as last seen on the server. */
    default List<FolderAccess> folderAccess() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no folder rights");
    }

    /** Saves (replaces) the rights of one folder. */
    default void putFolderAccess(FolderAccess access) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no folder rights");
    }

    /** Forgets the rights of one folder. */
    default void removeFolderAccess(FolderPath path) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no folder rights");
    }

    /** The folders other users share with this one, offered, subscribed or refused. */
    default List<ShareState> shares() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no shares");
    }

    /** Saves (replaces) one share. */
    default void putShare(ShareState share) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no shares");
    }

    /** Forgets one share. */
    default void removeShare(FolderPath path) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no shares");
    }

    /** The grants of a whole-account share (F8.4): identifier to letters, given to every folder, new ones too. */
    default java.util.Map<String, String> accountGrants() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no account grants");
    }

    /** Saves a whole-account grant; null letters remove it. */
    default void putAccountGrant(String identifier, String letters) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no account grants");
    }

    @Override
    void close();
}
