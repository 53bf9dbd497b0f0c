package io.icesync.core.spi;

import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The client side of a sync. Defaults: Maildir per folder ({@code io.icesync.core.store}) and an
 * in-memory store for tests. Paths are the same {@link FolderPath}s as on the server.
 */
public interface LocalStore extends AutoCloseable {

    /**
     * Whether this store keeps the items of folders of this kind; the engine syncs items only there
     * (the folders themselves are synced whatever their kind). Default: mail only.
     *
     * @param kind a folder kind
     * @return true when the items of folders of {@code kind} are synced into this store
     */
    default boolean syncsItemsOf(FolderKind kind) {
        return kind == FolderKind.MAIL;
    }

    /**
     * Lists the store's folders.
     *
     * @return every folder, parents before children
     */
    List<LocalFolder> folders();

    /**
     * The parts of this store (a root directory) that were missing when it opened or hold no folder
     * now, with the kinds of folder kept there. The engine never takes the synced folders of those kinds
     * for folders the user deleted: a cycle that would delete them on the server stops with a
     * {@link io.icesync.core.engine.MassDeleteException} instead. Default: none.
     *
     * @return the empty roots, or an empty list when every root holds folders
     */
    default List<EmptyRoot> emptyRoots() {
        return List.of();
    }

    /**
     * The folder whose items are stored at {@code file} (a file or directory of this store, at any depth
     * within the folder's own directory), for telling which folder a change on disk concerns (F4.3).
     * Empty when the file belongs to no folder this store knows, or the store keeps no files. Default: empty.
     *
     * @param file a path on disk, as a file watcher reports it
     * @return the folder that {@code file} belongs to, or empty
     */
    default Optional<FolderPath> folderAt(Path file) {
        return Optional.empty();
    }

    /**
     * Creates a folder and its missing parents. Creating an existing folder returns it.
     *
     * @param path the folder's path
     * @param kind what the folder holds, which may decide where the store keeps it
     * @return the folder, with its id
     */
    LocalFolder createFolder(FolderPath path, FolderKind kind);

    /**
     * Renames or moves a folder with its items and sub-folders; the folder keeps its id.
     *
     * @param from the folder's current path
     * @param to   its new path
     */
    void renameFolder(FolderPath from, FolderPath to);

    /**
     * The server changed the kind of a synced folder ({@code path} keeps its path). A store that keeps
     * folders of both kinds alike answers null: nothing moves, and the engine only records the new kind.
     * A store that keeps them differently (mail in a Maildir, contacts as files) moves the folder: it
     * makes the folder where the new kind lives and removes the old one with its items (the engine
     * downloads them again), and returns the new folder, whose id differs from the old one's.
     *
     * <p>The engine calls it only when every item of the folder is synced, and after recording its
     * intent; after a kill it calls it again, so it must finish a move half done (it may answer null
     * when nothing is left to do: the engine then looks at {@link #folders()}, where a new id at
     * {@code path} means the folder moved). While the old and the new folder both exist,
     * {@link #folders()} lists only the new one at {@code path}. A store that cannot move the folder
     * (it has sub-folders where it is) throws {@link io.icesync.core.KindChangeRefusedException}
     * before changing anything. The default keeps kinds alike.
     *
     * @param path the folder whose kind changed
     * @param to   its new kind
     * @return the folder at {@code path} in its new place, or null when nothing had to move
     */
    default LocalFolder changeKind(FolderPath path, FolderKind to) {
        return null;
    }

    /**
     * Deletes a folder with its items (not its sub-folders, which must be gone already).
     *
     * @param path the folder to delete
     */
    void deleteFolder(FolderPath path);

    /**
     * Lists the items of a folder.
     *
     * @param folder the folder
     * @return every item of the folder, in no particular order
     */
    List<LocalItem> items(FolderPath folder);

    /**
     * The items of a folder with these ids, those that exist; for a cycle that knows which few items it
     * needs (a folder whose change mark is unchanged, after a few changes on the server), so that it costs
     * per item asked, not per item of the folder. The default lists the whole folder and keeps those.
     *
     * @param folder the folder
     * @param ids    the ids of the items wanted
     * @return those of the items that are in the folder, in no particular order
     */
    default List<LocalItem> items(FolderPath folder, java.util.Collection<String> ids) {
        java.util.Set<String> wanted = new java.util.HashSet<>(ids);
        return items(folder).stream().filter(l -> wanted.contains(l.id())).toList();
    }

    /**
     * A short text that is the same for as long as nothing in the folder's items changed (no item added,
     * removed, moved, re-flagged or rewritten, by this store or by another program), and differs once
     * anything did; null when the store cannot tell (it is then listed every cycle). The engine compares
     * it with the mark taken at the folder's last complete sync and, when both sides are quiet, skips
     * listing the folder's items: a cycle with nothing to do then costs per folder, not per item.
     * A store must answer null rather than risk the same mark for two different contents (a change in
     * the same clock tick as the mark was read, for instance). Default: null.
     *
     * @param folder the folder
     * @return the folder's current mark, or null when the store cannot tell
     */
    default String changeMark(FolderPath folder) {
        return null;
    }

    /**
     * Opens the content of an item.
     *
     * @param folder the item's folder
     * @param id     the item's id ({@link LocalItem#id()})
     * @return the item's bytes; the caller closes the stream
     */
    InputStream open(FolderPath folder, String id);

    /**
     * Writes a new item and returns its id. The item is visible to this store object at once, but
     * may not survive a crash (nor be seen by other programs) until {@link #flush} returns.
     *
     * <p>The engine calls {@link #add(FolderPath, Flags, long, String, InputStream)}, which comes here
     * unless the store overrides it; a store whose items have names overrides that one too.
     *
     * @param folder  the folder to add to
     * @param flags   the item's flags and keywords
     * @param uidHint the server UID to record with the item (0 for none), see {@link LocalItem#uidHint()}
     * @param content the item's bytes
     * @return the new item's id
     */
    String add(FolderPath folder, Flags flags, long uidHint, InputStream content);

    /**
     * Writes a new item downloaded from the server under the name it has there: as
     * {@link #add(FolderPath, Flags, long, InputStream)}, with a name hint. A store whose items have
     * names (a directory of documents) names the item after {@code name} when it can and lists that
     * name in {@link LocalItem#name()}; when {@code name} is null, unusable here or taken, it chooses a
     * name of its own. The name is never part of the content, which is the item's bytes as they are.
     * The default ignores the name and calls {@link #add(FolderPath, Flags, long, InputStream)}, which
     * is right for stores whose items have no names (mail); a store that hands items on to another
     * store overrides it to pass the name on.
     *
     * @param folder  the folder to add to
     * @param flags   the item's flags and keywords
     * @param uidHint the server UID to record with the item (0 for none), see {@link LocalItem#uidHint()}
     * @param name    the item's name on the server ({@link RemoteItem#name()}), or null when it has none
     * @param content the item's bytes
     * @return the new item's id
     */
    default String add(FolderPath folder, Flags flags, long uidHint, String name, InputStream content) {
        return add(folder, flags, uidHint, content);
    }

    /** Makes every change made so far durable (fsync). Called once per group of changes, not per item. */
    void flush();

    /**
     * Replaces an item's content, keeping its id and flags (a headers-only item completed later, F4.6).
     *
     * @param folder  the item's folder
     * @param id      the item's id
     * @param content the new bytes
     */
    void replaceContent(FolderPath folder, String id, InputStream content);

    /**
     * Replaces an item's flags and keywords.
     *
     * @param folder the item's folder
     * @param id     the item's id
     * @param flags  the complete new flags
     */
    void setFlags(FolderPath folder, String id, Flags flags);

    /**
     * Moves an item to another folder; it keeps its id.
     *
     * @param from the item's folder
     * @param id   the item's id
     * @param to   the target folder
     */
    void move(FolderPath from, String id, FolderPath to);

    /**
     * Deletes an item; deleting an item that is already gone is not an error.
     *
     * @param folder the item's folder
     * @param id     the item's id
     */

    void delete(FolderPath folder, String id);

    @Override
    void close();
}
