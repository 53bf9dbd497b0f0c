package io.icesync.core.settings;

/**
 * What IceSync does when a message that asks for a read receipt is marked read here and the cycle
 * takes that to the server (F6.5, the guide's "Mode de confirmation"). The same three modes as the
 * groupware module's {@code ReceiptMode}, which carries them out.
 */
public enum ReadReceiptMode {
    /** "Demander chaque fois": the request waits for the user's answer. */
    ASK,
    /** "Toujours envoyer": sent at once, unless RFC 8098 wants the user asked (then as ASK). */
    ALWAYS,
    /** "Ne jamais envoyer". */
    NEVER
}
