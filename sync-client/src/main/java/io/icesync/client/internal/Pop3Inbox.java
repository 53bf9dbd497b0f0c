package io.icesync.client.internal;

import io.icesync.client.Pop3Mail;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.MessageHeaders;
import io.icesync.core.StoreException;
import io.icesync.core.engine.FirstSyncChoice;
import io.icesync.core.engine.FirstSyncHandler;
import io.icesync.core.engine.FolderReport;
import io.icesync.core.spi.Clock;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.LocalStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * A GroupWare profile's mail (F10.3): the POP3 maildrop's new messages into the local INBOX, each once,
 * and the server copies deleted after the profile's number of days.
 *
 * <p>Crash safety, in this order for each message: (1) its UIDL is announced in the {@link UidlRecord}
 * ({@code intend}); (2) the message is written to the INBOX with a first header line
 * {@value #HEADER}{@code uidl} and flushed; (3) the UIDL is recorded. A recorded UIDL is never fetched
 * again. A kill between (1) and (3) leaves the UIDL announced but not recorded: the next run looks for
 * an INBOX file whose first line names it, records it if one is there, and fetches the message again
 * only if none is, so nothing is lost and nothing doubles. Deletions on the server are sent at QUIT,
 * after every download is recorded; a kill before QUIT deletes nothing.
 *
 * <p>First sync (F4.8): a profile that never read its maildrop and finds mail in the local INBOX asks
 * the {@link FirstSyncHandler}: DELETE_LOCAL empties the INBOX first; UPLOAD_LOCAL keeps the local mail
 * (POP3 cannot upload) and takes a server message whose Message-ID the INBOX already holds for fetched;
 * no answer stops with an error that says so.
 */
public final class Pop3Inbox {
    /** The first header line of a message that came over POP3; what follows is its UIDL. */
    public static final String HEADER = "X-IceSync-UIDL: ";
    public static final FolderPath INBOX = FolderPath.of("INBOX");

    private final LocalStore mail;
    private final UidlRecord record;
    private final Supplier<Pop3Mailbox> server;
    private final Pop3Mail policy;
    private final FirstSyncHandler firstSync;
    private final Clock clock;

    public Pop3Inbox(LocalStore mail, UidlRecord record, Supplier<Pop3Mailbox> server, Pop3Mail policy,
                     FirstSyncHandler firstSync, Clock clock) {
        this.mail = mail;
        this.record = record;
        this.server = server;
        this.policy = policy;
        this.firstSync = firstSync;
        this.clock = clock;
    }

    /** One session: new messages down, old ones deleted as the profile says. Returns what it did to INBOX. */
    public FolderReport fetch() {
        return fetch(n -> {
        });
    }

    /**
     * {@link #fetch()}, telling {@code arrived} how many messages the session stored once they are all
     * recorded, when there are any. The first session of a maildrop tells nothing: what was already on the
     * server is not new mail (as a folder's first sync over IMAP, F11.5).
     */
    public FolderReport fetch(IntConsumer arrived) {
        if (mail.folders().stream().noneMatch(f -> f.path().equals(INBOX))) {
            mail.createFolder(INBOX, FolderKind.MAIL);
        }
        try (Pop3Mailbox box = server.get()) {
            List<Pop3Mailbox.Entry> listed = box.list();
            recover();
            boolean first = !record.started();
            if (first) {
                settleFirstSync(box, listed);
            }
            Map<String, Instant> fetched = record.fetched();
            int downloaded = 0;
            for (Pop3Mailbox.Entry e : listed) {
                if (fetched.containsKey(e.uidl())) {
                    continue;
                }
                record.intend(e.uidl());
                byte[] message = box.retrieve(e.number());
                mail.add(INBOX, Flags.NONE, 0, stamped(e.uidl(), message));
                mail.flush();
                record.record(e.uidl(), clock.now());
                downloaded++;
            }
            if (downloaded > 0 && !first) {
                arrived.accept(downloaded);
            }
            Set<String> kept = new HashSet<>();
            int deleted = 0;
            Map<String, Instant> now = record.fetched();
            for (Pop3Mailbox.Entry e : listed) {
                Instant at = now.get(e.uidl());
                if (at != null && due(at)) {
                    box.delete(e.number());
                    deleted++;
                } else {
                    kept.add(e.uidl());
                }
            }
            box.commit();
            record.keepOnly(kept);
            return new FolderReport(INBOX, downloaded, 0, 0, 0, deleted, 0, 0, 0, null);
        }
    }

    /** Closes the INBOX's store. */
    public void close() {
        mail.close();
    }

    private boolean due(Instant fetchedAt) {
        return !policy.leavesOnServer()
                && !fetchedAt.plus(Duration.ofDays(policy.deleteAfterDays())).isAfter(clock.now());
    }

    /** The UIDLs a kill left announced: recorded if their message reached the INBOX, else fetched again. */
    private void recover() {
        Set<String> pending = new HashSet<>(record.pending());
        pending.removeAll(record.fetched().keySet());
        if (pending.isEmpty()) {
            return;
        }
        for (LocalItem item : mail.items(INBOX)) {
            String uidl = stampOf(item);
            if (uidl != null && pending.remove(uidl)) {
                record.record(uidl, clock.now());
            }
        }
    }

    private void settleFirstSync(Pop3Mailbox box, List<Pop3Mailbox.Entry> listed) {
        List<LocalItem> local = mail.items(INBOX);
        if (!local.isEmpty()) {
            FirstSyncChoice choice = firstSync.choose(local.size());
            if (choice == null) {
                throw new IceSyncException("first sync: the local INBOX already holds " + local.size()
                        + " messages; choose to delete them or to keep them (F4.8) before mail comes over POP3");
            }
            if (choice == FirstSyncChoice.DELETE_LOCAL) {
                local.forEach(i -> mail.delete(INBOX, i.id()));
                mail.flush();
            } else {
                Set<String> ids = new HashSet<>();
                local.forEach(i -> ids.add(messageIdOf(i)));
                Map<String, Instant> fetched = new HashMap<>(record.fetched());
                for (Pop3Mailbox.Entry e : listed) {
                    if (!fetched.containsKey(e.uidl())) {
                        String id = box.messageId(e.number());
                        if (id != null && ids.contains(id)) {
                            record.record(e.uidl(), clock.now());
                        }
                    }
                }
            }
        }
        record.begin();
    }

    private static InputStream stamped(String uidl, byte[] message) {
        byte[] head = (HEADER + uidl + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + message.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(message, 0, all, head.length, message.length);
        return new ByteArrayInputStream(all);
    }

    /** The UIDL on the item's first line, or null. */
    private String stampOf(LocalItem item) {
        try (InputStream in = mail.open(INBOX, item.id())) {
            byte[] first = in.readNBytes(HEADER.length() + 72);
            String text = new String(first, StandardCharsets.US_ASCII);
            int end = text.indexOf('\r') >= 0 ? text.indexOf('\r') : text.indexOf('\n');
            return text.startsWith(HEADER) && end > HEADER.length() ? text.substring(HEADER.length(), end) : null;
        } catch (IOException e) {
            throw StoreException.of("cannot read " + item.id() + " in the INBOX", e);
        }
    }

    private String messageIdOf(LocalItem item) {
        try (InputStream in = mail.open(INBOX, item.id())) {
            return MessageHeaders.messageId(in);
        } catch (IOException e) {
            throw StoreException.of("cannot read " + item.id() + " in the INBOX", e);
        }
    }
}
