package io.icesync.imap.internal;

import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.ProtocolException;
import io.icesync.core.spi.ServerInfo;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.iap.ParsingException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.Status;

/**
 * One push connection: logs in on a connection of its own, asks for news (NOTIFY for every personal
 * folder, or EXAMINE of one folder), then waits in IDLE and reads what the server sends, until the
 * connection drops or {@link #close()} cuts it. IDLE is ended and started again every {@code renew}
 * (RFC 2177 asks for less than 29 minutes), so a connection a middlebox dropped without a word is noticed.
 */
final class PushSession implements AutoCloseable {
    /** What NOTIFY asks for: every change of a personal folder, its items and the tree (RFC 5465). */
    static final String NOTIFY_SET =
            "NOTIFY SET (personal (MessageNew MessageExpunge FlagChange MailboxName SubscriptionChange))";

    /** Where the news goes; called on the session's thread. */
    interface Events {
        void changed(FolderPath folder);

        void treeChanged();

        /** The first IDLE started: news flows from now on. */
        void watching();
    }

    private final ImapConnection conn;
    private final FolderPath folder;
    private final Events events;
    private final ScheduledExecutorService timer;
    private final Duration renew;
    private volatile boolean closed;
    private volatile IMAPProtocol idling;

    /** @param folder the folder to IDLE on, or null for NOTIFY over every personal folder */
    PushSession(ImapOptions opt, FolderPath folder, Events events, ScheduledExecutorService timer, Duration renew) {
        this.conn = new ImapConnection(opt);
        this.folder = folder;
        this.events = events;
        this.timer = timer;
        this.renew = renew;
    }

    ServerInfo connect() {
        return conn.connect();
    }

    /** Watches until the connection drops (a {@link IceSyncException}) or {@link #close()} ends it (returns). */
    void watch() {
        char sep = conn.sep;
        conn.onStore(folder == null ? "ask the server for notifications" : "watch " + folder, p -> {
            if (folder == null) {
                if (conn.info.has("CONDSTORE")) {
                    p.enable("CONDSTORE"); // STATUS then carries HIGHESTMODSEQ: a flag change shows
                }
                Response[] r = p.command(NOTIFY_SET, null);
                p.handleResult(r[r.length - 1]);
            } else {
                p.examine(conn.mailbox(folder));
            }
            // Every untagged answer reaches take() through the protocol's handlers: Angus hands them the
            // ones read inside IDLE and also those that come before IDLE's "+" (a change made while IDLE
            // was being renewed), which the loop below never sees.
            org.eclipse.angus.mail.iap.ResponseHandler heard = r -> take(r, sep);
            p.addResponseHandler(heard);
            try {
                boolean first = true;
                while (!closed) {
                    idle(p, sep, first);
                    first = false;
                }
            } finally {
                p.removeResponseHandler(heard);
            }
            return null;
        });
    }

    private void idle(IMAPProtocol p, char sep, boolean first) throws org.eclipse.angus.mail.iap.ProtocolException {
        p.idleStart();
        idling = p;
        ScheduledFuture<?> again = timer.schedule(p::idleAbort, renew.toMillis(), TimeUnit.MILLISECONDS);
        try {
            if (first) {
                events.watching();
            }
            if (closed) {
                p.idleAbort();
            }
            while (true) {
                Response r = p.readIdleResponse();
                if (r == null) {
                    return;
                }
                if (!p.processIdleResponse(r)) { // hands r to take() through the handler
                    return;
                }
            }
        } finally {
            again.cancel(false);
            idling = null;
        }
    }

    private void take(Response r, char sep) {
        if (!(r instanceof IMAPResponse ir) || !r.isUnTagged()) {
            return;
        }
        if (folder == null) {
            if (ir.keyEquals("STATUS")) {
                try {
                    events.changed(FolderPath.parse(new Status(r).mbox, sep));
                } catch (ParsingException | RuntimeException e) {
                    throw new ProtocolException("the server sent a STATUS notification IceSync cannot read: "
                            + Errors.clean(e.getMessage()), r.toString(), e);
                }
            } else if (ir.keyEquals("LIST")) {
                events.treeChanged();
            }
        } else if (Set.of("EXISTS", "EXPUNGE", "FETCH", "VANISHED").stream().anyMatch(ir::keyEquals)) {
            events.changed(folder);
        }
    }

    /** Ends the session from any thread: IDLE is left and the sockets closed, without waiting for a lock. */
    @Override
    public void close() {
        closed = true;
        IMAPProtocol p = idling;
        if (p != null) {
            p.idleAbort();
        }
        conn.abort();
    }

    /** Drops the connection after a failure or at the end (on the session's thread). */
    void drop() {
        conn.dropConnection();
    }
}
