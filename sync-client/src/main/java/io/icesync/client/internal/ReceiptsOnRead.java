package io.icesync.client.internal;

import io.icesync.client.PendingReceipt;
import io.icesync.client.Profile;
import io.icesync.core.Endpoint;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.engine.SyncListener;
import io.icesync.core.settings.ReadReceiptMode;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.core.spi.Clock;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.spi.SessionEvent;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.groupware.mdn.AskReason;
import io.icesync.groupware.mdn.ReadReceipts;
import io.icesync.groupware.mdn.ReceiptMode;
import io.icesync.groupware.mdn.ReceiptOutcome;
import io.icesync.groupware.mdn.ReceiptPolicy;
import io.icesync.groupware.mdn.ReceiptRecord;
import io.icesync.groupware.mdn.ReceiptRequest;
import io.icesync.groupware.mdn.ReceiptSender;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Read receipts of a profile (F6.5): hears from the mail engine which messages were marked read here
 * and taken to the server, then, after the cycle, acts by the {@code readReceipts} setting: ALWAYS sends
 * through the profile's SMTP server, ASK (and ALWAYS when RFC 8098 wants consent) keeps the request for
 * the user, NEVER does nothing. {@link ReadReceipts} records a message's key before sending, so a crash
 * between the two loses that receipt rather than sending it twice.
 */
public final class ReceiptsOnRead implements SyncListener {
    /**
     * For parsing only, made at the first message parsed: a Session looks the mail providers up through
     * ServiceLoader, once per Session.
     */
    private static final class Parsing {
        static final Session SESSION = Session.getInstance(new Properties());
    }

    /** Enough of a message for its headers. */
    private static final int MAX_HEADER_BYTES = 256 * 1024;

    private final Supplier<SyncSettings> settings;
    private final Supplier<Profile> profile;
    /** How to log in to the SMTP server: password or token, trust, proxy, the application's mail properties. */
    private final java.util.function.Function<Endpoint, io.icesync.core.ServiceAccess> smtpAccess;
    private final CertificateTrust trust;
    private final LocalStore local;
    private final SyncStateStore state;
    private final ReceiptRecord record;
    private final Clock clock;
    private final List<Marked> marked = new ArrayList<>();

    private record Marked(FolderPath folder, String localId, Instant at) {
    }

    /**
     * Read receipts recorded in {@code file} ({@code read-receipts.txt}; null: in memory). The facade
     * calls this, not the constructor, so that it never names a class of sync-groupware itself.
     */
    public static ReceiptsOnRead open(Supplier<SyncSettings> settings, Supplier<Profile> profile,
                                      java.util.function.Function<Endpoint, io.icesync.core.ServiceAccess> smtpAccess,
                                      CertificateTrust trust, LocalStore local,
                                      SyncStateStore state, java.nio.file.Path file, Clock clock) {
        return new ReceiptsOnRead(settings, profile, smtpAccess, trust, local, state,
                file == null ? ReceiptRecord.inMemory() : ReceiptRecord.file(file), clock);
    }

    public ReceiptsOnRead(Supplier<SyncSettings> settings, Supplier<Profile> profile,
                          java.util.function.Function<Endpoint, io.icesync.core.ServiceAccess> smtpAccess,
                          CertificateTrust trust, LocalStore local, SyncStateStore state, ReceiptRecord record,
                          Clock clock) {
        this.settings = settings;
        this.profile = profile;
        this.smtpAccess = smtpAccess;
        this.trust = trust;
        this.local = local;
        this.state = state;
        this.record = record;
        this.clock = clock;
    }

    @Override
    public void onMarkedRead(FolderPath folder, List<String> localIds) {
        Instant now = clock.now();
        synchronized (marked) {
            localIds.forEach(id -> marked.add(new Marked(folder, id, now)));
        }
    }

    /** Acts on the messages the last cycle marked read; what fails is written to the session log, never thrown. */
    public void settle() {
        List<Marked> todo;
        synchronized (marked) {
            todo = List.copyOf(marked);
            marked.clear();
        }
        ReadReceiptMode mode = settings.get().readReceipts();
        if (todo.isEmpty() || mode == ReadReceiptMode.NEVER) {
            return;
        }
        for (Marked m : todo) {
            try {
                settle(m, mode);
            } catch (RuntimeException e) {
                log(SessionEvent.Level.ERROR, "read receipt not sent for a message of " + m.folder(), e.getMessage());
            }
        }
    }

    private void settle(Marked m, ReadReceiptMode mode) {
        MimeMessage message = headersOf(m.folder(), m.localId());
        Optional<ReceiptRequest> found = ReceiptRequest.of(message);
        if (found.isEmpty() || found.get().refusal().isPresent() || record.contains(found.get().key())) {
            return;
        }
        ReceiptRequest request = found.get();
        Optional<AskReason> consent = request.consentNeeded();
        if (mode == ReadReceiptMode.ALWAYS && consent.isEmpty()) {
            Endpoint smtp = profile.get().services().smtp();
            if (smtp != null) {
                ReceiptOutcome o = receipts(smtp, ReceiptMode.ALWAYS).messageRead(message, m.at());
                log(SessionEvent.Level.INFO, "read receipt " + o.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                        "\"" + request.subject() + "\" to " + request.notifyTo());
                return;
            }
            log(SessionEvent.Level.WARNING, "read receipt not sent: the profile has no SMTP server",
                    "\"" + request.subject() + "\" waits in the pending receipts; give the profile an SMTP server"
                            + " (icesync profile create --smtp HOST:PORT) and answer it");
        }
        List<PendingReceiptsJson.Entry> pending = PendingReceiptsJson.read(state);
        if (pending.stream().noneMatch(e -> e.receipt().key().equals(request.key()))) {
            pending.add(new PendingReceiptsJson.Entry(new PendingReceipt(request.key(), m.folder(), request.subject(),
                    request.notifyTo(), consent.orElse(AskReason.POLICY), m.at()), m.localId()));
            PendingReceiptsJson.write(state, pending);
            log(SessionEvent.Level.INFO, "read receipt waits for your answer", "\"" + request.subject() + "\" from "
                    + request.notifyTo());
        }
    }

    /** The receipts waiting for the user, oldest first. */
    public List<PendingReceipt> pending() {
        return PendingReceiptsJson.read(state).stream().map(PendingReceiptsJson.Entry::receipt).toList();
    }

    /**
     * The user's answer to a waiting receipt: {@code send} sends it through the profile's SMTP server,
     * else it is declined; either way it is never asked again.
     *
     * @throws IllegalArgumentException when no receipt with this key waits
     * @throws IceSyncException when it must be sent and the profile has no SMTP server (it keeps waiting)
     */
    public ReceiptOutcome answer(String key, boolean send) {
        List<PendingReceiptsJson.Entry> pending = PendingReceiptsJson.read(state);
        PendingReceiptsJson.Entry entry = pending.stream().filter(e -> e.receipt().key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no read receipt waits with the key " + key
                        + "; the waiting ones are " + pending.stream().map(e -> e.receipt().key()).toList()));
        ReceiptOutcome outcome;
        if (send) {
            Endpoint smtp = profile.get().services().smtp();
            if (smtp == null) {
                throw new IceSyncException("the read receipt for \"" + entry.receipt().subject() + "\" cannot be sent:"
                        + " the profile has no SMTP server (icesync profile create --smtp HOST:PORT)");
            }
            MimeMessage message = headersOf(entry.receipt().folder(), entry.localId());
            outcome = receiptsBuilder(smtp, ReceiptMode.ASK).prompt((r, reason) -> true).build()
                    .messageRead(message, entry.receipt().readAt());
        } else {
            record.add(key);
            outcome = ReceiptOutcome.DECLINED;
        }
        pending.remove(entry);
        PendingReceiptsJson.write(state, pending);
        return outcome;
    }

    private ReadReceipts receipts(Endpoint smtp, ReceiptMode mode) {
        return receiptsBuilder(smtp, mode).build();
    }

    private ReadReceipts.Builder receiptsBuilder(Endpoint smtp, ReceiptMode mode) {
        Profile p = profile.get();
        ReceiptSender sender = ReceiptSender.builder(smtp).access(smtpAccess.apply(smtp)).build();
        return ReadReceipts.builder(p.account().email(), sender).policy(ReceiptPolicy.defaults().withMode(mode))
                .record(record).clock(clock);
    }

    /** The message's header section, parsed; the body is not read. */
    private MimeMessage headersOf(FolderPath folder, String localId) {
        try (InputStream in = new java.io.BufferedInputStream(local.open(folder, localId))) {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            int last = -1;
            int beforeLast = -1;
            while ((b = in.read()) >= 0 && head.size() < MAX_HEADER_BYTES) {
                head.write(b);
                // A line feed after an empty line ends the headers (CRLF or bare LF).
                if (b == '\n' && (last == '\n' || (last == '\r' && beforeLast == '\n'))) {
                    break;
                }
                beforeLast = last;
                last = b;
            }
            return new MimeMessage(Parsing.SESSION, new ByteArrayInputStream(head.toByteArray()));
        } catch (IOException | MessagingException e) {
            throw new IceSyncException("the message " + localId + " of " + folder + " cannot be read: " + e.getMessage(), e);
        }
    }

    private void log(SessionEvent.Level level, String message, String details) {
        state.log(new SessionEvent(clock.now(), level, message, details));
    }
}
