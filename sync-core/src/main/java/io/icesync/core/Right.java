package io.icesync.core;

/** The access rights of RFC 4314, one letter each. */
public enum Right {
    LOOKUP('l'), READ('r'), SEEN('s'), WRITE('w'), INSERT('i'), POST('p'),
    CREATE_MAILBOX('k'), DELETE_MAILBOX('x'), DELETE_MESSAGES('t'), EXPUNGE('e'), ADMINISTER('a');

    private final char letter;

    Right(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }

    /** The right for an RFC 4314 letter, or null for letters this model does not know. */
    public static Right ofLetter(char c) {
        for (Right r : values()) {
            if (r.letter == c) {
                return r;
            }
        }
        return null;
    }
}
