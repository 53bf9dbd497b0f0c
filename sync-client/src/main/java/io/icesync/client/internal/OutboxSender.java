package io.icesync.client.internal;

import io.icesync.core.ConnectionException;
import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.Folder;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.SpecialUse;
import io.icesync.core.spi.Clock;
import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.RemoteStore;
import io.icesync.core.spi.SessionEvent;
import io.icesync.core.spi.SyncStateStore;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the Outbox's messages exactly once, crash-safe. Each message goes through stages recorded
 * in the state store under its Message-ID before the step they announce: {@code sending} before the
 * SMTP transaction, {@code accepted} once the server took it, {@code appended} once its copy is in
 * the server's Sent folder; then the file leaves the Outbox. After a kill, the next run takes a message
 * up at its stage: an accepted one is only copied to Sent (unless the copy is there already) and a
 * message whose Message-ID is in Sent is never sent again. Only a kill between the server's acceptance
 * and the recording of it (the server's answer in flight) leaves a {@code sending} stage without a
 * copy in Sent: that message is sent again, as a mail client must choose between twice and never.
 *
 * <p>A refused recipient, a message too large or any other refusal of the message is a failure of
 * that message (the ignored list after {@value IgnoredItem#LIMIT}); an unreachable server, a refused
 * login or certificate, or a failed APPEND stop the run and the messages wait, without counting
 * against them.
 */
public final class OutboxSender {
    /** The folder failures of Outbox messages are recorded under. */
    public static final FolderPath FOLDER = FolderPath.of(OutboxFolder.NAME);
    /** The state value that says why the last run stopped before sending everything (absent or empty: it did not). */
    public static final String BLOCKED_KEY = "outbox.blocked";
    private static final String STAGE = "outbox.stage ";
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private final OutboxFolder box;
    private final SyncStateStore state;
    private final RemoteStore remote;
    private final Supplier<SmtpSubmission> smtp;
    private final String account;
    private final Clock clock;
    private FolderPath sent;

    /**
     * @param smtp    opens a submission session, or null when the profile has no SMTP server
     * @param account the account's address: the envelope sender of a message without From
     */
    public OutboxSender(OutboxFolder box, SyncStateStore state, RemoteStore remote, Supplier<SmtpSubmission> smtp,
                        String account, Clock clock) {
        this.box = box;
        this.state = state;
        this.remote = remote;
        this.smtp = smtp;
        this.account = account;
        this.clock = clock;
    }

    /** Sends what waits; returns how many messages left the Outbox. */
    public int run() {
        int left = 0;
        SmtpSubmission session = null;
        String blocked = "";
        try {
            boolean connected = false;
            for (Path file : box.messages()) {
                if (ignored(OutboxFolder.key(file))) {
                    continue;
                }
                if (!connected) {
                    remote.connect();
                    connected = true;
                }
                if (session == null && smtp != null) {
                    session = smtp.get();
                }
                if (sendOne(file, session)) {
                    left++;
                }
            }
        } catch (NoSmtpException e) {
            blocked = e.getMessage();
        } catch (IceSyncException e) {
            // The server or a store failed beyond one message (a refused APPEND, a lost connection): the
            // messages wait at their stage, and the mail sync of the cycle still runs.
            blocked = e.getMessage();
            log(SessionEvent.Level.ERROR, "sending stopped", e.getMessage());
        } finally {
            if (session != null) {
                session.close();
            }
        }
        if (!blocked.equals(state.value(BLOCKED_KEY).orElse(""))) {
            state.putValue(BLOCKED_KEY, blocked);
        }
        return left;
    }

    /** Takes one message from its recorded stage to its end; true when it left the Outbox. */
    private boolean sendOne(Path file, SmtpSubmission session) {
        String key = OutboxFolder.key(file);
        byte[] bytes = box.read(file);
        if (bytes == null) {
            return false;
        }
        OutgoingMessage m;
        try {
            m = OutgoingMessage.parse(bytes, account);
            if (m.messageId() == null) {
                // Before any intent: the Message-ID is what recognises the message after a kill.
                m = m.withNewMessageId(account);
                box.replace(file, m.original());
            }
            if (m.recipients().isEmpty()) {
                throw new IceSyncException("the message has no recipient in To, Cc or Bcc");
            }
        } catch (IceSyncException e) {
            fail(key, file, e);
            return false;
        }
        String stageKey = STAGE + m.messageId();
        String stage = state.value(stageKey).orElse("");
        if (!stage.equals("accepted") && !stage.equals("appended")) {
            if (inSent(m)) {
                stage = "appended";
            } else {
                if (stage.equals("sending")) {
                    log(SessionEvent.Level.WARNING, "sending again", m.messageId()
                            + ": a run stopped while the server was taking it and Sent has no copy");
                }
                if (session == null) {
                    throw new NoSmtpException();
                }
                byte[] out = m.withoutBcc();
                state.putValue(stageKey, "sending");
                try {
                    session.send(out, m.from(), m.recipients());
                } catch (ConnectionException e) {
                    throw e; // in doubt: the stage stays "sending"
                } catch (io.icesync.core.AuthenticationException | io.icesync.core.UntrustedCertificateException e) {
                    state.putValue(stageKey, "refused");
                    throw e;
                } catch (IceSyncException e) {
                    state.putValue(stageKey, "refused");
                    fail(key, file, e);
                    return false;
                }
                state.putValue(stageKey, "accepted");
                stage = "accepted";
            }
        }
        if (stage.equals("accepted")) {
            // The server may have saved it itself, or a run stopped right after the APPEND.
            if (!inSent(m)) {
                byte[] copy = m.withoutBcc();
                remote.append(sentFolder(), Flags.of(Flag.SEEN), clock.now(), copy.length,
                        () -> new ByteArrayInputStream(copy));
            }
            state.putValue(stageKey, "appended");
        }
        box.remove(file);
        state.clearFailure(FOLDER, key);
        log(SessionEvent.Level.INFO, "message sent", m.messageId() + " to " + m.recipients().size()
                + " recipient" + (m.recipients().size() == 1 ? "" : "s") + ", copy in " + sentFolder());
        return true;
    }

    private boolean inSent(OutgoingMessage m) {
        return !remote.findByMessageId(sentFolder(), m.messageId()).isEmpty();
    }

    /** The server's Sent folder: SPECIAL-USE \Sent, else a folder named Sent, else one created. */
    private FolderPath sentFolder() {
        if (sent == null) {
            FolderPath named = null;
            for (Folder f : remote.folders()) {
                if (f.specialUse() == SpecialUse.SENT) {
                    sent = f.path();
                    return sent;
                }
                if (f.path().toString().equalsIgnoreCase("Sent")) {
                    named = f.path();
                }
            }
            if (named == null) {
                named = FolderPath.of("Sent");
                remote.createFolder(named, FolderKind.MAIL);
            }
            sent = named;
        }
        return sent;
    }

    private boolean ignored(String key) {
        return state.failures().stream().anyMatch(i -> i.folder().equals(FOLDER) && i.key().equals(key) && i.ignored());
    }

    private void fail(String key, Path file, IceSyncException e) {
        IgnoredItem rec = state.recordFailure(FOLDER, key, file.getFileName().toString(), e.getMessage());
        LOG.warn("{} not sent ({} of {}): {}", file.getFileName(), rec.failures(), IgnoredItem.LIMIT, e.getMessage());
        log(rec.ignored() ? SessionEvent.Level.ERROR : SessionEvent.Level.WARNING,
                rec.ignored() ? "message ignored after " + rec.failures() + " failures" : "message not sent",
                file.getFileName() + ": " + e.getMessage());
    }

    private void log(SessionEvent.Level level, String message, String details) {
        state.log(new SessionEvent(clock.now(), level, message, details));
    }

    /** No SMTP server in the profile: the messages wait. */
    private static final class NoSmtpException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoSmtpException() {
            super("the profile has no SMTP server (icesync profile create --smtp HOST:PORT)");
        }
    }
}
