package io.icesync.groupware.mdn;

/** What to do when a message asks for a read receipt (F6.5), as the guide's "mode de confirmation" offers. */
public enum ReceiptMode {
    /** Ask the user each time, through the app's {@link ReceiptPrompt}. */
    ASK,
    /** Send without asking, unless RFC 8098 says the user must be asked (see {@link AskReason}). */
    ALWAYS,
    /** Never send one. */
    NEVER
}
