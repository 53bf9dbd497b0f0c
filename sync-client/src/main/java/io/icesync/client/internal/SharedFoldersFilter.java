package io.icesync.client.internal;

import io.icesync.core.Folder;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.MessageHeaders;
import io.icesync.core.spi.FetchMode;
import io.icesync.core.spi.ItemSink;
import io.icesync.core.spi.RemoteItem;
import io.icesync.core.spi.RemoteStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's folders as the engine sees them once shares are taken into account (F8): the user's own
 * folders, and of the folders other users share (the Other Users namespace) only those the user
 * subscribed to. Each listing also keeps the state's mirror of rights up to date: the user's rights on
 * each folder, the shares offered, changed or gone (each an event for the app), the access lists when
 * due, and the grants of a whole-account share given to folders that lack them (new folders included).
 * A folder made here gets its grants at once; a "share offered" notice brought down into INBOX makes the
 * shares listed again at once.
 */
public final class SharedFoldersFilter extends ForwardingRemoteStore {
    /** How much of a message's header block is kept to look for a notice's header: a notice's header is short. */
    private static final int HEAD_BYTES = 16 * 1024;
    private final ShareMirror mirror;

    public SharedFoldersFilter(RemoteStore imap, ShareMirror mirror) {
        super(imap);
        this.mirror = mirror;
    }

    @Override
    public List<Folder> folders() {
        return mirror.update(delegate.folders());
    }

    @Override
    public void createFolder(FolderPath path, FolderKind kind) {
        delegate.createFolder(path, kind);
        mirror.created(path, kind);
    }

    @Override
    public void fetch(FolderPath folder, List<RemoteItem> items, FetchMode mode, ItemSink sink) {
        if (folder.depth() != 1 || !folder.name().equalsIgnoreCase("INBOX")) {
            delegate.fetch(folder, items, mode, sink);
            return;
        }
        List<ShareNoticeReader.Notice> found = new ArrayList<>();
        delegate.fetch(folder, items, mode, new ItemSink() {
            @Override
            public void accept(RemoteItem item, boolean partial, InputStream content) throws IOException {
                MessageHeaders.Tap head = new MessageHeaders.Tap(content, HEAD_BYTES);
                sink.accept(item, partial, head);
                ShareNoticeReader.read(head.bytes()).ifPresent(found::add);
            }

            @Override
            public void failed(long uid, Exception cause) {
                sink.failed(uid, cause);
            }
        });
        if (!found.isEmpty()) {
            // After the download, with the connection free: the listing updates the mirror and tells the offers.
            mirror.noticed(found, this::folders);
        }
    }

    @Override
    public boolean sharedByOthers(FolderPath folder) {
        return mirror.isShared(folder);
    }
}
