package io.icesync.groupware.mdn;

/** Why the user is asked before a receipt goes out. */
public enum AskReason {
    /** The policy is {@link ReceiptMode#ASK}. */
    POLICY,
    /** The receipt would go to an address other than the message's Return-Path (RFC 8098 section 2.1): it may be forged. */
    ADDRESS_DIFFERS,
    /** The message has no Return-Path to compare with (RFC 8098 section 2.1). */
    NO_RETURN_PATH,
    /** The receipt would go to several addresses (RFC 8098 section 2.1). */
    SEVERAL_ADDRESSES
}
