package io.icesync.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A message a client handed to the test server's SMTP: envelope sender and recipients, the login
 * it authenticated with (null when it did not), and the bytes of DATA as sent (dots undone).
 *
 * @param from       the envelope sender of {@code MAIL FROM}, without angle brackets ("" for the null sender)
 * @param recipients the envelope recipients of the accepted {@code RCPT TO}s, in order
 * @param login      the account the client authenticated as, or null
 * @param content    the message's bytes as sent, dot-stuffing undone; not copied
 * @param at         when the server accepted the message
 */
public record SentMail(String from, List<String> recipients, String login, byte[] content, Instant at) {
    /**
     * Keeps an unmodifiable copy of the recipients.
     *
     * @param from       the envelope sender
     * @param recipients the envelope recipients, in order; not null
     * @param login      the account the client authenticated as, or null
     * @param content    the message's bytes as sent
     * @param at         when the server accepted the message
     */
    public SentMail {
        recipients = List.copyOf(recipients);
    }

    /** {@return the message's bytes read as UTF-8, headers included} */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
