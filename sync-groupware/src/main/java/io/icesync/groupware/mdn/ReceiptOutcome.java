package io.icesync.groupware.mdn;

/** What happened when a message was reported as read. */
public enum ReceiptOutcome {
    /** A receipt was sent. */
    SENT,
    /** The message asks for no receipt. */
    NOT_REQUESTED,
    /** The message is itself a receipt, automatic mail (Auto-Submitted) or list mail: never answered. */
    NOT_ALLOWED,
    /** The policy is {@link ReceiptMode#NEVER}. */
    NEVER_SENT,
    /** The user declined when asked. */
    DECLINED,
    /** The user had to be asked but the app gave no {@link ReceiptPrompt}: nothing sent. */
    NOT_ASKED,
    /** A receipt was already sent (or declined) for this message. */
    ALREADY_ANSWERED
}
