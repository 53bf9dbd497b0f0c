package io.icesync.core;

/** The access rights of RFC 4314, one letter each. */
public enum Right {
    /** {@code l}: the folder is listed. */
    LOOKUP('l'),
    /** {@code r}: the folder can be opened and its items read. */
    READ('r'),
    /** {@code s}: the seen state of items is kept. */
    SEEN('s'),
    /** {@code w}: flags and keywords other than seen and deleted can be changed. */
    WRITE('w'),
    /** {@code i}: items can be added (APPEND, COPY into it). */
    INSERT('i'),
    /** {@code p}: mail can be sent to the folder's submission address. */
    POST('p'),
    /** {@code k}: sub-folders can be created. */
    CREATE_MAILBOX('k'),
    /** {@code x}: the folder can be deleted or renamed. */
    DELETE_MAILBOX('x'),
    /** {@code t}: items can be marked deleted. */
    DELETE_MESSAGES('t'),
    /** {@code e}: deleted items can be expunged. */
    EXPUNGE('e'),
    /** {@code a}: the access list can be changed. */
    ADMINISTER('a');

    private final char letter;

    Right(char letter) {
        this.letter = letter;
    }

    /**
     * The right's letter in an access list.
     *
     * @return the RFC 4314 letter
     */
    public char letter() {
        return letter;
    }

    /**
     * The right for an RFC 4314 letter.
     *
     * @param c the letter
     * @return the right, or null for letters this model does not know (RFC 2086 {@code c} and {@code d} included)
     */

    public static Right ofLetter(char c) {
        for (Right r : values()) {
            if (r.letter == c) {
                return r;
            }
        }
        return null;
    }
}
