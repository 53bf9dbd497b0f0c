package io.icesync.core;

/**
 * The rights a folder's owner gives in IceWarp's terms (F8.1), each a group of RFC 4314 letters:
 * on items and on sub-folders, as the sharing window describes them.
 */
public enum AccessRight {
    /** Same rights as the owner, including changing who may use the folder: {@code a}. */
    ADMINISTER("a", 'a'),
    /** See the folder and read its items: {@code l r s}. */
    READ("lrs", 'r'),
    /** Add items and create sub-folders: {@code i p k}. */
    WRITE("ipk", 'i'),
    /** Delete items and sub-folders: {@code t e x}. */
    DELETE("tex", 't'),
    /** Change items: {@code w}. */
    MODIFY("w", 'w');

    private final String letters;
    private final char key;

    AccessRight(String letters, char key) {
        this.letters = letters;
        this.key = key;
    }

    /**
     * The rights in RFC terms.
     *
     * @return the RFC 4314 letters this right grants
     */
    public String letters() {
        return letters;
    }

    /**
     * The one letter that must be there for this right to count as held (its item part).
     *
     * @return the key letter
     */
    public char key() {
        return key;
    }

    /**
     * The name used on the command line and in JSON.
     *
     * @return the constant's name in lower case: {@code administer}, {@code read}...
     */

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
