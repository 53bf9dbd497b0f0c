package io.icesync.core;

/**
 * The system flags of IMAP (RFC 9051 2.3.2) with their Maildir letters. Tags (categories) are
 * keywords, not flags (F5.1); follow-up is {@link #FLAGGED} and completed the keyword
 * {@code $Completed} (F5.2).
 */
public enum Flag {
    DRAFT("\\Draft", 'D'), FLAGGED("\\Flagged", 'F'), ANSWERED("\\Answered", 'R'),
    SEEN("\\Seen", 'S'), DELETED("\\Deleted", 'T');

    private final String imap;
    private final char maildir;

    Flag(String imap, char maildir) {
        this.imap = imap;
        this.maildir = maildir;
    }

    public String imapName() {
        return imap;
    }

    public char maildirLetter() {
        return maildir;
    }

    public static Flag ofImapName(String name) {
        for (Flag f : values()) {
            if (f.imap.equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }

    public static Flag ofMaildirLetter(char c) {
        for (Flag f : values()) {
            if (f.maildir == c) {
                return f;
            }
        }
        return null;
    }
}
