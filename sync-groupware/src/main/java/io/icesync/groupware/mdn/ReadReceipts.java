package io.icesync.groupware.mdn;

import io.icesync.core.spi.Clock;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read receipts (F6.5): when the app reports a message as read, decides whether a receipt goes out
 * and sends it, at most once per message.
 *
 * <pre>{@code
 * ReadReceipts receipts = ReadReceipts.builder("jean@example.com", ReceiptSender.builder(smtp).credentials(user, pw).trust(trust).build())
 *         .policy(ReceiptPolicy.defaults().withMode(ReceiptMode.ALWAYS))
 *         .prompt((request, reason) -> askTheUser(request, reason))
 *         .record(ReceiptRecord.file(profileDir.resolve("receipts.txt")))
 *         .build();
 * receipts.messageRead(message, Instant.now());
 * }</pre>
 *
 * The rules, in order: no {@code Disposition-Notification-To}, nothing; a receipt, automatic mail
 * or list mail is never answered; {@link ReceiptMode#NEVER} sends nothing; a message already
 * answered (by the {@link ReceiptRecord}) gets nothing more; {@link ReceiptMode#ALWAYS} sends at once
 * unless RFC 8098 section 2.1 wants consent (the address differs from the Return-Path, there is no
 * Return-Path, or several addresses ask), in which case, as in {@link ReceiptMode#ASK}, the
 * {@link ReceiptPrompt} decides. The answer is recorded before sending, so a crash may lose a
 * receipt but never send two; a failed send forgets it, so a later attempt may send it.
 */
public final class ReadReceipts {
    /**
     * For parsing only, made at the first message parsed: a Session looks the mail providers up through
     * ServiceLoader, once per Session.
     */
    private static final class Parsing {
        static final Session SESSION = Session.getInstance(new Properties());
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReadReceipts.class);

    private final String user;
    private final ReceiptSender sender;
    private final ReceiptPolicy policy;
    private final ReceiptPrompt prompt;
    private final ReceiptRecord record;
    private final String reportingUa;
    private final Clock clock;

    private ReadReceipts(Builder b) {
        this.clock = b.clock;
        this.user = b.user;
        this.sender = b.sender;
        this.policy = b.policy;
        this.prompt = b.prompt;
        this.record = b.record;
        this.reportingUa = b.reportingUa != null ? b.reportingUa
                : user.substring(user.lastIndexOf('@') + 1) + "; IceSync";
    }

    /**
     * Receipts from this user's address (the From and Final-Recipient), sent through this sender.
     *
     * @param user   the user's address
     * @param sender sends the receipts over SMTP
     * @return the builder
     */
    public static Builder builder(String user, ReceiptSender sender) {
        return new Builder(user, sender);
    }

    /** {@return the mode and text receipts follow} */
    public ReceiptPolicy policy() {
        return policy;
    }

    /**
     * Reports a message (its raw RFC 5322 bytes) as read at {@code readAt}.
     *
     * @param raw    the message
     * @param readAt when the user read it
     * @return what was done: sent, asked, declined, or why nothing was due
     * @throws IllegalArgumentException when the bytes are not a readable message
     */
    public ReceiptOutcome messageRead(byte[] raw, Instant readAt) {
        try {
            return messageRead(new MimeMessage(Parsing.SESSION, new ByteArrayInputStream(raw)), readAt);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("not a readable message: " + e.getMessage(), e);
        }
    }

    /**
     * Reports a message as read at {@code readAt}; says what was done.
     *
     * @param message the message
     * @param readAt  when the user read it
     * @return what was done: sent, asked, declined, or why nothing was due
     */
    public ReceiptOutcome messageRead(MimeMessage message, Instant readAt) {
        Objects.requireNonNull(readAt, "readAt");
        Optional<ReceiptRequest> found = ReceiptRequest.of(message);
        if (found.isEmpty()) {
            return ReceiptOutcome.NOT_REQUESTED;
        }
        ReceiptRequest request = found.get();
        if (request.refusal().isPresent()) {
            LOG.debug("no read receipt for {}: {}", request.key(), request.refusal().get());
            return ReceiptOutcome.NOT_ALLOWED;
        }
        if (policy.mode() == ReceiptMode.NEVER) {
            return ReceiptOutcome.NEVER_SENT;
        }
        if (record.contains(request.key())) {
            return ReceiptOutcome.ALREADY_ANSWERED;
        }
        Optional<AskReason> consent = request.consentNeeded();
        boolean automatic = policy.mode() == ReceiptMode.ALWAYS && consent.isEmpty();
        if (!automatic) {
            if (prompt == null) {
                return ReceiptOutcome.NOT_ASKED;
            }
            boolean yes = prompt.send(request, consent.orElse(AskReason.POLICY));
            if (!yes) {
                record.add(request.key());
                return ReceiptOutcome.DECLINED;
            }
        }
        if (!record.add(request.key())) {
            return ReceiptOutcome.ALREADY_ANSWERED;
        }
        try {
            MimeMessage mdn = MdnMessage.build(sender.session(), request, user, policy.render(request, readAt), automatic,
                    reportingUa, clock.now());
            sender.send(mdn, request.notifyTo());
        } catch (MessagingException | RuntimeException e) {
            record.remove(request.key());
            if (e instanceof RuntimeException) {
                throw (RuntimeException) e;
            }
            throw new IllegalStateException("the read receipt could not be built: " + e.getMessage(), e);
        }
        LOG.debug("read receipt for {} sent to {}", request.key(), request.notifyTo());
        return ReceiptOutcome.SENT;
    }

    /** What the receipts need. */
    public static final class Builder {
        private final String user;
        private final ReceiptSender sender;
        private ReceiptPolicy policy = ReceiptPolicy.defaults();
        private ReceiptPrompt prompt;
        private ReceiptRecord record = ReceiptRecord.inMemory();
        private String reportingUa;
        private Clock clock = Clock.SYSTEM;

        private Builder(String user, ReceiptSender sender) {
            this.user = Objects.requireNonNull(user, "user").trim();
            if (this.user.lastIndexOf('@') <= 0) {
                throw new IllegalArgumentException("'" + user + "' is not an e-mail address");
            }
            this.sender = Objects.requireNonNull(sender, "sender");
        }

        /**
         * The mode and text (default: ask, with the default text).
         *
         * @param p the policy
         * @return this builder
         */
        public Builder policy(ReceiptPolicy p) {
            this.policy = Objects.requireNonNull(p, "policy");
            return this;
        }

        /**
         * The user's answer when they must be asked; without one, such receipts are not sent.
         *
         * @param p asks the user
         * @return this builder
         */
        public Builder prompt(ReceiptPrompt p) {
            this.prompt = p;
            return this;
        }

        /**
         * Where answered requests are kept (default: in memory).
         *
         * @param r the record
         * @return this builder
         */
        public Builder record(ReceiptRecord r) {
            this.record = Objects.requireNonNull(r, "record");
            return this;
        }

        /**
         * The receipt's Reporting-UA field (default: the user's domain and "IceSync").
         *
         * @param ua the field's value
         * @return this builder
         */
        public Builder reportingUa(String ua) {
            this.reportingUa = ua;
            return this;
        }

        /**
         * The clock that dates receipts (default: the system's).
         *
         * @param c the clock
         * @return this builder
         */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** {@return the read receipts with this builder's settings} */
        public ReadReceipts build() {
            return new ReadReceipts(this);
        }
    }
}
