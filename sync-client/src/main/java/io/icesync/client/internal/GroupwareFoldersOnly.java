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
 * The IMAP server as a GroupWare profile's engine sees it (F10.3): only its groupware folders (contacts,
 * events, tasks, notes, journal), or none when groupware comes over CalDAV/CardDAV. Mail reaches INBOX
 * over POP3 alone, so the engine never syncs a mail folder, and a message is never fetched twice.
 * Everything else (the APPEND of sent mail to Sent) goes straight to the server.
 */
public final class GroupwareFoldersOnly implements RemoteStore {
    private final RemoteStore imap;
    private final boolean none;

    /** @param none true when groupware comes over DAV: the engine then sees no folder at all */
    public GroupwareFoldersOnly(RemoteStore imap, boolean none) {
        this.imap = imap;
        this.none = none;
    }

    @Override
    public List<Folder> folders() {
        if (none) {
            return List.of();
        }
        return imap.folders().stream()
                .filter(f -> f.kind() != FolderKind.MAIL && f.kind() != FolderKind.DOCUMENTS).toList();
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
    public boolean sharedByOthers(FolderPath folder) {
        return imap.sharedByOthers(folder);
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
