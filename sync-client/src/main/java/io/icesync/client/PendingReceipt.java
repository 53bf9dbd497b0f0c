package io.icesync.client;

import io.icesync.core.FolderPath;
import io.icesync.groupware.mdn.AskReason;
import java.time.Instant;
import java.util.List;

/**
 * A read receipt waiting for the user's answer (F6.5): a message that asks for one was marked read
 * here while the profile's {@code readReceipts} mode is ASK, or ALWAYS when RFC 8098 wants the user
 * asked ({@code reason}). Answer it with {@link IceSync#answerReceipt}.
 *
 * @param key      what identifies the message (its Message-ID, else a digest of its headers)
 * @param folder   the folder it was read in
 * @param subject  its subject
 * @param notifyTo who asked for the receipt
 * @param reason   why the user is asked
 * @param readAt   when the cycle took the read mark to the server
 */
public record PendingReceipt(String key, FolderPath folder, String subject, List<String> notifyTo, AskReason reason,
                             Instant readAt) {
    /**
     * Copies the recipients.
     *
     * @param key      what identifies the message
     * @param folder   the folder it was read in
     * @param subject  its subject
     * @param notifyTo who asked for the receipt, not null
     * @param reason   why the user is asked
     * @param readAt   when the cycle took the read mark to the server
     */
    public PendingReceipt {
        notifyTo = List.copyOf(notifyTo);
    }
}
