package io.icesync.core;

/**
 * The system flags of IMAP (RFC 9051 2.3.2) with their Maildir letters. Tags (categories) are
 * keywords, not flags (F5.1); follow-up is {@link #FLAGGED} and completed the keyword
 * {@code $Completed} (F5.2).
 */
public enum Flag {
    /** {@code \Draft}, Maildir {@code D}: a draft not sent yet. */
    DRAFT("\\Draft", 'D'),
    /** {@code \Flagged}, Maildir {@code F}: marked for follow-up. */
    FLAGGED("\\Flagged", 'F'),
    /** {@code \Answered}, Maildir {@code R}: replied to. */
    ANSWERED("\\Answered", 'R'),
    /** {@code \Seen}, Maildir {@code S}: read. */
    SEEN("\\Seen", 'S'),
    /** {@code \Deleted}, Maildir {@code T}: marked for deletion (trashed). */
    DELETED("\\Deleted", 'T');

    private final String imap;
    private final char maildir;

    Flag(String imap, char maildir) {
        this.imap = imap;
        this.maildir = maildir;
    }

    /**
     * The flag's IMAP name.
     *
     * @return the name with its backslash, such as {@code \Seen}
     */
    public String imapName() {
        return imap;
    }

    /**
     * The flag's letter in a Maildir file name's info part.
     *
     * @return the letter, such as {@code S}
     */
    public char maildirLetter() {
        return maildir;
    }

    /**
     * Finds a flag by its IMAP name, ignoring case.
     *
     * @param name the name with its backslash, such as {@code \Seen}
     * @return the flag, or null when no system flag has that name
     */
    public static Flag ofImapName(String name) {
        for (Flag f : values()) {
            if (f.imap.equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }

    /**
     * Finds a flag by its Maildir letter.
     *
     * @param c the letter, upper-case
     * @return the flag, or null when no flag has that letter
     */
    public static Flag ofMaildirLetter(char c) {

        for (Flag f : values()) {
            if (f.maildir == c) {
                return f;
            }
        }
        return null;
    }
}
