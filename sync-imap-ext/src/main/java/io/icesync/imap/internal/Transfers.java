package io.icesync.imap.internal;

import io.icesync.core.ConnectionException;
import io.icesync.core.Flags;
import io.icesync.core.FolderNotFoundException;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.ProtocolException;
import io.icesync.core.StoreException;
import io.icesync.core.spi.ContentSource;
import io.icesync.core.spi.FetchMode;
import io.icesync.core.spi.ItemSink;
import io.icesync.core.spi.RemoteItem;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Literal;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Downloads (in groups, large items in parts) and uploads of an {@link AngusImapStore}. */
final class Transfers {
    private static final Logger LOG = LoggerFactory.getLogger(AngusImapStore.class);
    /** Items above this size are downloaded in parts of {@link ImapConnection#CHUNK} bytes, one part in memory at a time. */
    static final long LARGE = 2L * 1024 * 1024;
    /** Smaller items are fetched together, one UID FETCH per group of about this many bytes. */
    static final long GROUP_BYTES = 6L * 1024 * 1024;
    static final int GROUP_ITEMS = 1000;
    static final int HEADER_GROUP_ITEMS = 250;

    private final ImapConnection conn;

    Transfers(ImapConnection conn) {
        this.conn = conn;
    }

    void fetch(FolderPath folder, List<RemoteItem> items, FetchMode mode, ItemSink sink) {
        conn.begin();
        try {
            if (items.isEmpty()) {
                return;
            }
            IceImapStore.Folder f = conn.ensureSelected(folder);
            List<RemoteItem> group = new ArrayList<>();
            long bytes = 0;
            for (RemoteItem r : items) {
                // An item of unknown size goes in parts too: nothing unbounded is ever read whole.
                if (mode == FetchMode.FULL && (r.size() > LARGE || r.size() <= 0)) {
                    fetchGroup(f, group, mode, sink);
                    group.clear();
                    bytes = 0;
                    fetchLarge(f, r, sink);
                    continue;
                }
                long cost = mode == FetchMode.FULL ? r.size() : 0;
                int max = mode == FetchMode.FULL ? GROUP_ITEMS : HEADER_GROUP_ITEMS;
                if (!group.isEmpty() && (bytes + cost > GROUP_BYTES || group.size() >= max)) {
                    fetchGroup(f, group, mode, sink);
                    group.clear();
                    bytes = 0;
                }
                group.add(r);
                bytes += cost;
            }
            fetchGroup(f, group, mode, sink);
        } catch (IceSyncException e) {
            throw e;
        } catch (Exception e) {
            throw conn.fail("download items of '" + folder + "'", e);
        } finally {
            conn.used();
        }
    }

    /** One UID FETCH for a group bounded in bytes; the items go to the sink in the order asked. */
    private void fetchGroup(IceImapStore.Folder f, List<RemoteItem> group, FetchMode mode, ItemSink sink)
            throws MessagingException {
        if (group.isEmpty()) {
            return;
        }
        String section = mode == FetchMode.HEADERS ? "BODY.PEEK[HEADER]" : "BODY.PEEK[]";
        Set<Long> wanted = new HashSet<>();
        group.forEach(r -> wanted.add(r.uid()));
        Map<Long, FetchResponse> got = new HashMap<>();
        for (String set : Uids.sets(wanted, ImapConnection.MAX_SET_CHARS)) {
            Argument a = new Argument();
            a.writeAtom(set);
            a.writeAtom("(UID FLAGS " + section + ")");
            ImapConnection.run(f, "UID FETCH", a, r -> {
                if (r instanceof FetchResponse fr) {
                    UID uid = fr.getItem(UID.class);
                    if (uid != null && fr.getItem(BODY.class) != null && wanted.contains(uid.uid)) {
                        got.putIfAbsent(uid.uid, fr);
                        return true;
                    }
                }
                return false;
            });
        }
        Set<Long> done = new HashSet<>();
        for (RemoteItem asked : group) {
            if (!done.add(asked.uid())) {
                continue;
            }
            FetchResponse fr = got.remove(asked.uid());
            if (fr == null) {
                sink.failed(asked.uid(), new ProtocolException("the server " + conn.server() + " returned no content for item "
                        + asked.uid() + " (gone?)", null, null));
                continue;
            }
            jakarta.mail.Flags flags = fr.getItem(FLAGS.class);
            RemoteItem item = new RemoteItem(asked.uid(), flags == null ? asked.flags() : FlagCodec.of(flags),
                    asked.size(), asked.internalDate(), asked.messageId());
            deliver(sink, item, mode == FetchMode.HEADERS, fr.getItem(BODY.class).getByteArrayInputStream(), null);
        }
    }

    /**
     * Hands one item to the sink. An I/O error of the sink's own is a local store error; a download
     * that broke off is the connection's (thrown) or the item's (reported to the sink as failed).
     */
    private void deliver(ItemSink sink, RemoteItem item, boolean partial, InputStream in, IOException[] downloadError) {
        Exception sinkError = null;
        try (InputStream content = in) {
            sink.accept(item, partial, content);
        } catch (IOException | RuntimeException e) {
            sinkError = e;
        }
        IOException broken = downloadError == null ? null : downloadError[0];
        if (broken != null) {
            IceSyncException x = conn.mapped("download item " + item.uid(), broken.getCause());
            if (x instanceof ConnectionException) {
                conn.dropConnection();
                throw x;
            }
            if (sinkError != null) {
                sink.failed(item.uid(), x);
            }
            return; // the sink saw the read fail, so it kept nothing of this item
        }
        if (sinkError instanceof IOException io) {
            throw new StoreException("could not store item " + item.uid() + " from " + conn.server() + ": " + io.getMessage(), io);
        }
        if (sinkError != null) {
            throw (RuntimeException) sinkError;
        }
    }

    private void fetchLarge(IceImapStore.Folder f, RemoteItem item, ItemSink sink) {
        IOException[] error = {null};
        ChunkedBody body = new ChunkedBody((offset, length) -> {
            try {
                byte[] part = part(f, item.uid(), offset, length);
                if (part.length == 0 && offset > 0 && item.size() > 0 && offset < item.size()) {
                    throw new MessagingException("item " + item.uid() + " ended at byte " + offset + " of " + item.size()
                            + " (expunged while it was downloaded?)");
                }
                return part;
            } catch (MessagingException | RuntimeException e) {
                String why = "download of item " + item.uid() + " broke off at byte " + offset + ": " + e.getMessage();
                // A lost connection is the network's, not the item's: the engine fetches it again next cycle.
                boolean network = conn.aborted() || Errors.map("download item " + item.uid(), conn.server(), conn.opt.login(), e,
                        null) instanceof ConnectionException;
                error[0] = network ? new io.icesync.core.spi.ContentInterruptedException(why, e) : new IOException(why, e);
                throw error[0];
            }
        }, ImapConnection.CHUNK);
        boolean any;
        try {
            any = body.start();
        } catch (IOException e) {
            throw conn.fail("download item " + item.uid(), e.getCause());
        }
        if (!any) {
            sink.failed(item.uid(), new ProtocolException("the server " + conn.server() + " returned no content for item "
                    + item.uid() + " (gone?)", null, null));
            return;
        }
        deliver(sink, item, false, body, error);
    }

    /** {@code BODY.PEEK[]<offset.length>} of one item; empty when the server sent nothing for it. */
    private static byte[] part(IceImapStore.Folder f, long uid, long offset, int length) throws MessagingException {
        Argument a = new Argument();
        a.writeAtom(String.valueOf(uid));
        a.writeAtom("(UID BODY.PEEK[]<" + offset + "." + length + ">)");
        byte[][] out = {new byte[0]};
        ImapConnection.run(f, "UID FETCH", a, r -> {
            if (r instanceof FetchResponse fr) {
                UID u = fr.getItem(UID.class);
                BODY b = fr.getItem(BODY.class);
                if (u != null && u.uid == uid && b != null) {
                    var bytes = b.getByteArray();
                    out[0] = bytes == null ? new byte[0] : java.util.Arrays.copyOfRange(bytes.getBytes(),
                            bytes.getStart(), bytes.getStart() + bytes.getCount());
                    return true;
                }
            }
            return false;
        });
        return out[0];
    }

    long append(FolderPath folder, Flags flags, Instant internalDate, long size,
                                    ContentSource content) {
        if (size < 0 || size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an item of " + size + " bytes cannot be appended over IMAP");
        }
        conn.begin();
        String name = conn.mailbox(folder);
        IOException[] local = {null};
        Literal literal = new Literal() {
            public int size() {
                return (int) size;
            }

            public void writeTo(OutputStream os) throws IOException {
                try {
                    copyExactly(content, os, size);
                } catch (IOException e) {
                    local[0] = e;
                    throw e;
                }
            }
        };
        jakarta.mail.Flags f = FlagCodec.to(flags, conn.iceWarp());
        Date date = internalDate == null ? null : Date.from(internalDate);
        try {
            AppendUID uid = (AppendUID) ((IMAPFolder) conn.rootFolder()).doCommand(p -> p.appenduid(name, f, date, literal));
            return uid == null ? 0 : uid.uid;
        } catch (Exception e) {
            if (local[0] != null) {
                // Part of the literal went out: the connection cannot be used any more.
                conn.dropConnection();
                throw new StoreException("could not read the item to add to '" + folder + "': " + local[0].getMessage(),
                        local[0]);
            }
            if (ImapConnection.tryCreate(e)) {
                throw new FolderNotFoundException(folder, "server " + conn.server());
            }
            throw conn.fail("add an item to '" + folder + "'", e);
        } finally {
            conn.forget(folder);
            conn.used();
        }
    }

    /** Writes exactly {@code size} bytes; content that turns out shorter or longer fails before the literal completes. */
    static void copyExactly(ContentSource content, OutputStream os, long size) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long left = size;
        try (InputStream in = content.open()) {
            if (left == 0 && in.read() >= 0) {
                throw new IOException("the item is longer than its size of 0 bytes");
            }
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw new IOException("the item ended after " + (size - left) + " of its " + size + " bytes");
                }
                left -= n;
                if (left == 0 && in.read() >= 0) {
                    throw new IOException("the item is longer than its size of " + size + " bytes");
                }
                os.write(buf, 0, n);
            }
        }
    }
}
