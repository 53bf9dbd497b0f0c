package io.icesync.groupware.mdn;

/**
 * The app's question to its user: send a read receipt for this message? Called on the thread that
 * reported the message as read; the answer is kept, so the user is not asked twice for one message.
 */
@FunctionalInterface
public interface ReceiptPrompt {
    /**
     * Asks the user.
     *
     * @param request the message's request
     * @param reason  why the user is asked
     * @return true to send the receipt, false to decline
     */
    boolean send(ReceiptRequest request, AskReason reason);
}
