package io.icesync.imap.internal;

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
 * {@link RemoteStore} over IMAP on Angus Mail. Angus connects, secures, logs in and selects
 * (with QRESYNC where offered); listings, downloads, flag stores, moves and expunges go as compact
 * UID commands whose answers are handled as they arrive, so that a 10,000-message folder costs a
 * handful of round trips and a bounded amount of memory. Per-folder questions of a folder listing
 * (Kolab folder type, MYRIGHTS) are pipelined.
 *
 * <p>One class per concern, over one {@link ImapConnection}: {@link FolderTree}, {@link ItemListing},
 * {@link Transfers}, {@link Edits}. This store's lock serialises every call, except {@link #abort()}
 * and the start of {@link #close()}, which cut the connections without it.
 */
public final class AngusImapStore implements RemoteStore, io.icesync.core.spi.AccessControl {
    private final ImapConnection conn;
    private final AccessLists acl;
    private final FolderTree tree;
    private final ItemListing listing;
    private final Transfers transfers;
    private final Edits edits;

    public AngusImapStore(ImapOptions opt) {
        this.conn = new ImapConnection(opt);
        this.tree = new FolderTree(conn);
        this.listing = new ItemListing(conn, tree);
        this.transfers = new Transfers(conn);
        this.edits = new Edits(conn);
        this.acl = new AccessLists(conn);
    }

    @Override
    public synchronized boolean hasAccessLists() {
        conn.begin();
        return conn.info.has("ACL");
    }

    @Override
    public synchronized java.util.Map<String, String> accessList(FolderPath folder) {
        return acl.list(folder);
    }

    @Override
    public synchronized java.util.Map<FolderPath, java.util.Map<String, String>> accessLists(
            java.util.Collection<FolderPath> folders) {
        return acl.lists(folders);
    }

    @Override
    public synchronized void setAccess(FolderPath folder, String identifier, String letters) {
        acl.set(folder, identifier, letters);
    }

    @Override
    public synchronized void removeAccess(FolderPath folder, String identifier) {
        acl.remove(folder, identifier);
    }

    @Override
    public synchronized String myRights(FolderPath folder) {
        return acl.myRights(folder);
    }

    @Override
    public synchronized String otherUsersPrefix() {
        return acl.otherUsersPrefix();
    }

    @Override
    public synchronized char separator() {
        conn.begin();
        return conn.sep;
    }

    /** True once the IceWarp connector greeting was sent (only to servers advertising X-ICEWARP-SERVER). */
    public boolean iceWarpHelloSent() {
        return conn.iceWarpHelloSent();
    }

    /** How many connections sent the IceWarp connector greeting (the store's and each folder connection). */
    public int iceWarpGreetings() {
        return conn.iceWarpGreetings();
    }

    /** The options this store connects with (a push connection reuses them). */
    public ImapOptions options() {
        return conn.opt;
    }

    /** Connects if needed; also allows connections again after {@link #abort()}. */
    @Override
    public synchronized ServerInfo connect() {
        return conn.connect();
    }

    @Override
    public synchronized List<Folder> folders() {
        return tree.folders();
    }

    @Override
    public synchronized void createFolder(FolderPath path, FolderKind kind) {
        tree.createFolder(path, kind);
    }

    @Override
    public synchronized void renameFolder(FolderPath from, FolderPath to) {
        tree.renameFolder(from, to);
    }

    @Override
    public synchronized void deleteFolder(FolderPath path) {
        tree.deleteFolder(path);
    }

    @Override
    public synchronized RemoteCursor status(FolderPath folder) {
        return tree.status(folder);
    }

    @Override
    public synchronized RemoteChanges changes(FolderPath folder, RemoteCursor since, boolean withMessageIds) {
        return listing.changes(folder, since, withMessageIds, false);
    }

    @Override
    public synchronized RemoteChanges changes(FolderPath folder, RemoteCursor since, boolean withMessageIds,
                                              boolean newOnly) {
        return listing.changes(folder, since, withMessageIds, newOnly);
    }

    @Override
    public synchronized List<Long> findByMessageId(FolderPath folder, String messageId) {
        return listing.findByMessageId(folder, messageId);
    }

    @Override
    public synchronized void fetch(FolderPath folder, List<RemoteItem> items, FetchMode mode, ItemSink sink) {
        transfers.fetch(folder, items, mode, sink);
    }

    @Override
    public synchronized long append(FolderPath folder, Flags flags, Instant internalDate, long size,
                                    ContentSource content) {
        return transfers.append(folder, flags, internalDate, size, content);
    }

    @Override
    public synchronized void setFlags(FolderPath folder, Map<Long, Flags> flagsByUid) {
        edits.setFlags(folder, flagsByUid);
    }

    @Override
    public synchronized Map<Long, Long> move(FolderPath from, Collection<Long> uids, FolderPath to) {
        return edits.move(from, uids, to);
    }

    @Override
    public synchronized void delete(FolderPath folder, Collection<Long> uids) {
        edits.delete(folder, uids);
    }

    /** Closes the sockets without waiting for a call in progress, which then fails; see {@link RemoteStore#abort()}. */
    @Override
    public void abort() {
        conn.abort();
    }

    /** Cuts a call in progress first, so that closing never waits for a server that hangs. */
    @Override
    public void close() {
        conn.abort();
        synchronized (this) {
            conn.dropConnection();
        }
    }

    @Override
    public String toString() {
        return conn.opt.toString();
    }
}
