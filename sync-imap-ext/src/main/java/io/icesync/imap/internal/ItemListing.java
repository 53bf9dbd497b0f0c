package io.icesync.imap.internal;

import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.MessageHeaders;
import io.icesync.core.spi.RemoteChanges;
import io.icesync.core.spi.RemoteCursor;
import io.icesync.core.spi.RemoteItem;
import jakarta.mail.MessagingException;
import jakarta.mail.event.MailEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.imap.MessageVanishedEvent;
import org.eclipse.angus.mail.imap.ResyncData;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a folder of an {@link AngusImapStore} holds and what changed in it (QRESYNC, CONDSTORE or a full listing); lookups by Message-ID. */
final class ItemListing {
    private static final Logger LOG = LoggerFactory.getLogger(AngusImapStore.class);

    private final ImapConnection conn;
    private final FolderTree tree;

    ItemListing(ImapConnection conn, FolderTree tree) {
        this.conn = conn;
        this.tree = tree;
    }

    /** @param newOnly without CONDSTORE, list only the items new since {@code since} (F4.5, see RemoteStore) */
    RemoteChanges changes(FolderPath folder, RemoteCursor since, boolean withMessageIds, boolean newOnly) {
        conn.begin();
        try {
            boolean qresync = conn.info.has("QRESYNC");
            boolean condstore = conn.info.has("CONDSTORE") || qresync;
            boolean incremental = since != null && condstore && since.highestModSeq() > 0;
            if (incremental && unchangedSince(folder, since, qresync)) {
                return new RemoteChanges(since, false, List.of(), null, null);
            }
            List<MailEvent> events = conn.select(folder, incremental && qresync
                    ? new ResyncData(since.uidValidity(), since.highestModSeq())
                    : condstore ? ResyncData.CONDSTORE : null);
            IceImapStore.Folder f = conn.selected;
            RemoteCursor now = new RemoteCursor(f.getUIDValidity(), condstore ? Math.max(0, f.getHighestModSeq()) : 0,
                    f.getUIDNext());
            conn.selectedCounters.put(folder, new ImapConnection.Counters(now, f.count()));
            if (!incremental && newOnly && !condstore && since != null && since.uidNext() > 0
                    && now.uidValidity() == since.uidValidity()) {
                List<RemoteItem> added = now.uidNext() <= since.uidNext() ? List.of()
                        : list(f, since.uidNext(), null, withMessageIds);
                return new RemoteChanges(now, false, added, null, allUids(f));
            }
            if (!incremental || now.uidValidity() != since.uidValidity()) {
                return RemoteChanges.complete(now, list(f, 1, null, withMessageIds));
            }
            List<RemoteItem> changed = now.highestModSeq() == since.highestModSeq() ? List.of()
                    : list(f, 1, since.highestModSeq(), withMessageIds);
            if (qresync) {
                List<Long> gone = new ArrayList<>();
                for (MailEvent e : events) {
                    if (e instanceof MessageVanishedEvent v) {
                        for (long u : v.getUIDs()) {
                            gone.add(u);
                        }
                    }
                }
                return new RemoteChanges(now, false, changed, gone.stream().mapToLong(Long::longValue).toArray(), null);
            }
            return new RemoteChanges(now, false, changed, null, allUids(f));
        } catch (IceSyncException e) {
            throw e;
        } catch (Exception e) {
            throw conn.fail("list the items of '" + folder + "'", e);
        } finally {
            conn.used();
        }
    }

    /**
     * Whether nothing changed in the folder since the cursor, known without selecting it: its counters
     * from this cycle's folder listing (LIST-STATUS), or from one STATUS where the server cannot list
     * them, show the same UIDVALIDITY, UIDNEXT and HIGHESTMODSEQ, and the same message count as the
     * SELECT that ended at this cursor (an expunge lowers it; no new message came, UIDNEXT says). Without
     * that count (the first cycle of this store), only a QRESYNC server is believed: an expunge moves its
     * HIGHESTMODSEQ too, whereas a server with CONDSTORE alone may keep it.
     */
    private boolean unchangedSince(FolderPath folder, RemoteCursor since, boolean qresync) {
        ImapConnection.Counters now = conn.listedCounters(folder);
        if (now == null && !conn.info.has("LIST-STATUS")) {
            now = tree.counters(folder);
        }
        if (now == null || !since.equals(now.cursor())) {
            return false;
        }
        ImapConnection.Counters then = conn.selectedCounters.get(folder);
        if (then != null && then.cursor().equals(since)) {
            return then.messages() == now.messages();
        }
        return qresync;
    }

    /** One UID FETCH from UID {@code fromUid} on (or what changed since a modseq), read as it arrives. */
    private List<RemoteItem> list(IceImapStore.Folder f, long fromUid, Long changedSince, boolean ids)
            throws MessagingException {
        if (f.count() == 0) {
            return List.of();
        }
        Argument a = new Argument();
        a.writeAtom(fromUid + ":*");
        a.writeAtom("(UID FLAGS RFC822.SIZE INTERNALDATE" + (ids ? " BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])" : ")"));
        if (changedSince != null) {
            a.writeAtom("(CHANGEDSINCE " + changedSince + ")");
        }
        Map<Long, RemoteItem> out = new LinkedHashMap<>();
        ImapConnection.run(f, "UID FETCH", a, r -> {
            if (!(r instanceof FetchResponse fr)) {
                return false;
            }
            UID uid = fr.getItem(UID.class);
            jakarta.mail.Flags flags = fr.getItem(FLAGS.class);
            if (uid == null || flags == null) {
                return false;
            }
            RFC822SIZE size = fr.getItem(RFC822SIZE.class);
            if (size == null) {
                // An unsolicited flag change (another client) arriving mid-listing: keep the newer flags.
                RemoteItem known = out.get(uid.uid);
                if (known != null) {
                    out.put(uid.uid, new RemoteItem(uid.uid, FlagCodec.of(flags), known.size(), known.internalDate(),
                            known.messageId()));
                }
                return true;
            }
            INTERNALDATE date = fr.getItem(INTERNALDATE.class);
            String mid = null;
            if (ids) {
                BODY b = fr.getItem(BODY.class);
                if (b != null) {
                    try {
                        mid = MessageHeaders.messageId(b.getByteArrayInputStream());
                    } catch (IOException e) {
                        mid = null; // an in-memory stream does not fail
                    }
                }
            }
            out.put(uid.uid, new RemoteItem(uid.uid, FlagCodec.of(flags), size.size,
                    date == null || date.getDate() == null ? null : date.getDate().toInstant(), mid));
            return true;
        });
        // "N:*" names the last message even when its UID is below N.
        out.keySet().removeIf(uid -> uid < fromUid);
        return new ArrayList<>(out.values());
    }

    private long[] allUids(IceImapStore.Folder f) throws MessagingException {
        if (f.count() == 0) {
            return new long[0];
        }
        Argument a = new Argument();
        a.writeAtom("ALL");
        return ImapConnection.search(f, a).stream().mapToLong(Long::longValue).sorted().toArray();
    }

    List<Long> findByMessageId(FolderPath folder, String messageId) {
        conn.begin();
        try {
            IceImapStore.Folder f = conn.ensureSelected(folder);
            if (f.count() == 0) {
                return List.of();
            }
            Argument a = new Argument();
            a.writeAtom("HEADER");
            a.writeAtom("Message-ID");
            a.writeString(messageId);
            return ImapConnection.search(f, a).stream().sorted().toList();
        } catch (IceSyncException e) {
            throw e;
        } catch (Exception e) {
            throw conn.fail("search '" + folder + "'", e);
        } finally {
            conn.used();
        }
    }
}
