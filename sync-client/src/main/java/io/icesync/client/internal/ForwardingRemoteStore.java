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
 * A {@link RemoteStore} that hands every call to another, for the views of a server a profile's engine
 * syncs through (the folders it sees, the shares it takes). Subclasses override what they change.
 */
public abstract class ForwardingRemoteStore implements RemoteStore {
    protected final RemoteStore delegate;

    protected ForwardingRemoteStore(RemoteStore delegate) {
        this.delegate = delegate;
    }

    /** The store this one hands its calls to, as the server connection's own features need it (push). */
    public RemoteStore delegate() {
        return delegate;
    }

    /** The innermost store under any number of forwarding views. */
    public static RemoteStore unwrap(RemoteStore store) {
        RemoteStore s = store;
        while (s instanceof ForwardingRemoteStore f) {
            s = f.delegate;
        }
        return s;
    }

    @Override
    public List<Folder> folders() {
        return delegate.folders();
    }

    @Override
    public ServerInfo connect() {
        return delegate.connect();
    }

    @Override
    public void createFolder(FolderPath path, FolderKind kind) {
        delegate.createFolder(path, kind);
    }

    @Override
    public void renameFolder(FolderPath from, FolderPath to) {
        delegate.renameFolder(from, to);
    }

    @Override
    public void deleteFolder(FolderPath path) {
        delegate.deleteFolder(path);
    }

    @Override
    public RemoteChanges changes(FolderPath folder, RemoteCursor since, boolean withMessageIds) {
        return delegate.changes(folder, since, withMessageIds);
    }

    @Override
    public RemoteChanges changes(FolderPath folder, RemoteCursor since, boolean withMessageIds, boolean newOnly) {
        return delegate.changes(folder, since, withMessageIds, newOnly);
    }

    @Override
    public RemoteCursor status(FolderPath folder) {
        return delegate.status(folder);
    }

    @Override
    public void fetch(FolderPath folder, List<RemoteItem> items, FetchMode mode, ItemSink sink) {
        delegate.fetch(folder, items, mode, sink);
    }

    @Override
    public long append(FolderPath folder, Flags flags, Instant internalDate, long size, ContentSource content) {
        return delegate.append(folder, flags, internalDate, size, content);
    }

    @Override
    public long append(FolderPath folder, Flags flags, Instant internalDate, long size, String name,
                       ContentSource content) {
        return delegate.append(folder, flags, internalDate, size, name, content);
    }

    @Override
    public long replace(FolderPath folder, long uid, Flags flags, Instant internalDate, long size, String name,
                        ContentSource content) {
        return delegate.replace(folder, uid, flags, internalDate, size, name, content);
    }

    @Override
    public void setFlags(FolderPath folder, Map<Long, Flags> flagsByUid) {
        delegate.setFlags(folder, flagsByUid);
    }

    @Override
    public Map<Long, Long> move(FolderPath from, Collection<Long> uids, FolderPath to) {
        return delegate.move(from, uids, to);
    }

    @Override
    public void delete(FolderPath folder, Collection<Long> uids) {
        delegate.delete(folder, uids);
    }

    @Override
    public List<Long> findByMessageId(FolderPath folder, String messageId) {
        return delegate.findByMessageId(folder, messageId);
    }

    @Override
    public boolean sharedByOthers(FolderPath folder) {
        return delegate.sharedByOthers(folder);
    }

    @Override
    public void abort() {
        delegate.abort();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
