package io.icesync.client.internal;

import io.icesync.core.Folder;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.FetchMode;
import io.icesync.core.spi.ItemSink;
import io.icesync.core.spi.RemoteItem;
import io.icesync.core.spi.RemoteStore;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** How much of a message is kept to look for a notice's header: a notice's header is short. */
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
                Head head = new Head(content);
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

    /** Passes a message through, keeping its first bytes (where the header is) as they are read. */
    private static final class Head extends FilterInputStream {
        /** Grown as the message needs, up to HEAD_BYTES: every INBOX message passes here, most are small. */
        private byte[] kept = new byte[2048];
        private int n;

        Head(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && n < HEAD_BYTES) {
                room(1);
                kept[n++] = (byte) b;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = in.read(b, off, len);
            if (r > 0 && n < HEAD_BYTES) {
                int k = Math.min(r, HEAD_BYTES - n);
                room(k);
                System.arraycopy(b, off, kept, n, k);
                n += k;
            }
            return r;
        }

        private void room(int more) {
            if (n + more > kept.length) {
                kept = Arrays.copyOf(kept, Math.min(HEAD_BYTES, Math.max(n + more, kept.length * 2)));
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(kept, n);
        }
    }
}
