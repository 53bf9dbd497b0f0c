package io.icesync.client;

import java.util.List;

/**
 * A message waiting in the profile's Outbox, and why it has not left yet.
 *
 * @param file       its file name in {@code mail/Outbox/new} or {@code cur}
 * @param messageId  its Message-ID, or null when it has none yet (one is given before it is sent)
 * @param subject    its subject, or null
 * @param recipients the addresses of To, Cc and Bcc
 * @param failures   how many times sending it failed
 * @param lastError  why the last try failed, or why sending stopped before it (no SMTP server, a server
 *                   that cannot be reached), or null
 * @param ignored    whether it failed {@value io.icesync.core.spi.IgnoredItem#LIMIT} times and waits
 *                   until the ignored list is cleared
 */
public record OutboxMessage(String file, String messageId, String subject, List<String> recipients, int failures,
                            String lastError, boolean ignored) {
    /**
     * Copies the recipients.
     *
     * @param file       its file name in the Outbox
     * @param messageId  its Message-ID, or null
     * @param subject    its subject, or null
     * @param recipients the addresses of To, Cc and Bcc, not null
     * @param failures   how many times sending it failed
     * @param lastError  why the last try failed or sending stopped, or null
     * @param ignored    whether it is on the ignored list
     */
    public OutboxMessage {
        recipients = List.copyOf(recipients);
    }

    /**
     * Why it waits, for people.
     *
     * @return one line: ignored, failed, waiting or queued, with the last error when there is one
     */
    public String reason() {
        if (ignored) {
            return "ignored after " + failures + " failures (icesync ignored clear sends it again): " + lastError;
        }
        if (failures > 0) {
            return "failed " + failures + "x, tried again next cycle: " + lastError;
        }
        if (lastError != null) {
            return "waiting: " + lastError;
        }
        return "queued, leaves at the next sync";
    }
}
