package io.icesync.client.internal;

import io.icesync.core.Flags;
import io.icesync.core.Folder;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.ContentSource;
import io.icesync.core.spi.FetchMode;
import io.icesync.core.spi.ItemSink;
import io.icesync.core.spi.RemoteChanges;
import io.icesync.core.spi.RemoteCursor;
import io.icesync.core.spi.RemoteItem;
import io.icesync.core.spi.RemoteStore;
import io.icesync.core.spi.ServerInfo;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The server's folders as the engine sees them once shares are taken into account (F8): the user's own
 * folders, and of the folders other users share (the Other Users namespace) only those the user
 * subscribed to. Each listing also keeps the state's mirror of rights up to date: the user's rights on
 * each folder, the shares offered, changed or gone (each an event for the app), and the grants of a
 * whole-account share given to folders that lack them (new folders included).
 */
public final class SharedFoldersFilter implements RemoteStore {
    private final RemoteStore imap;
    private final ShareMirror mirror;

    public SharedFoldersFilter(RemoteStore imap, ShareMirror mirror) {
        this.imap = imap;
        this.mirror = mirror;
    }

    @Override
    public List<Folder> folders() {
        return mirror.update(imap.folders());
    }

    @Override
    public boolean sharedByOthers(FolderPath folder) {
        return mirror.isShared(folder);
    }

    @Override
    public ServerInfo connect() {
        return imap.connect();
    }

    @Override
    public void createFolder(FolderPath path, FolderKind kind) {
        imap.createFolder(path, kind);
    }

    @Override
    public void renameFolder(FolderPath from, FolderPath to) {
        imap.renameFolder(from, to);
    }

    @Override
    public void deleteFolder(FolderPath path) {
        imap.deleteFolder(path);
    }

    @Override
    public RemoteChanges changes(FolderPath folder, RemoteCursor since, boolean withMessageIds) {
        return imap.changes(folder, since, withMessageIds);
    }

    @Override
    public RemoteChanges changes(FolderPath folder, RemoteCursor since, boolean withMessageIds, boolean newOnly) {
        return imap.changes(folder, since, withMessageIds, newOnly);
    }

    @Override
    public RemoteCursor status(FolderPath folder) {
        return imap.status(folder);
    }

    @Override
    public void fetch(FolderPath folder, List<RemoteItem> items, FetchMode mode, ItemSink sink) {
        imap.fetch(folder, items, mode, sink);
    }

    @Override
    public long append(FolderPath folder, Flags flags, Instant internalDate, long size, ContentSource content) {
        return imap.append(folder, flags, internalDate, size, content);
    }

    @Override
    public long append(FolderPath folder, Flags flags, Instant internalDate, long size, String name,
                       ContentSource content) {
        return imap.append(folder, flags, internalDate, size, name, content);
    }

    @Override
    public long replace(FolderPath folder, long uid, Flags flags, Instant internalDate, long size, String name,
                        ContentSource content) {
        return imap.replace(folder, uid, flags, internalDate, size, name, content);
    }

    @Override
    public void setFlags(FolderPath folder, Map<Long, Flags> flagsByUid) {
        imap.setFlags(folder, flagsByUid);
    }

    @Override
    public Map<Long, Long> move(FolderPath from, Collection<Long> uids, FolderPath to) {
        return imap.move(from, uids, to);
    }

    @Override
    public void delete(FolderPath folder, Collection<Long> uids) {
        imap.delete(folder, uids);
    }

    @Override
    public List<Long> findByMessageId(FolderPath folder, String messageId) {
        return imap.findByMessageId(folder, messageId);
    }

    @Override
    public void abort() {
        imap.abort();
    }

    @Override
    public void close() {
        imap.close();
    }
}
