package io.icesync.core;

import java.util.Locale;
import java.util.Optional;

/**
 * The ready-made sets of the sharing window (F8.1). "All" is every right but administer, "Full"
 * every right; "Read/Write" reads, adds, changes and deletes items but leaves sub-folders alone.
 */
public enum AccessPreset {
    /** Read only. */
    READ("read", "lrs"),
    /** Items read, added, changed and deleted; no sub-folder created or deleted. */
    READ_WRITE("read-write", "lrswipte"),
    /** Everything but administer. */
    ALL("all", "lrswipkxte"),
    /** Everything: the grantee has the owner's rights. */
    FULL("full", "lrswipkxtea");

    private final String label;
    private final String letters;

    AccessPreset(String label, String letters) {
        this.label = label;
        this.letters = letters;
    }

    /**
     * The name used on the command line and in JSON.
     *
     * @return the label, e.g. {@code read-write}
     */
    public String label() {
        return label;
    }

    /**
     * The rights the preset gives.
     *
     * @return the RFC 4314 letters of the preset, in RFC order
     */
    public String letters() {
        return letters;
    }

    /**
     * The preset of a label ({@code read}, {@code read-write}, {@code all}, {@code full}; case-blind), if any.
     *
     * @param label the label; surrounding spaces are ignored, and {@code _} or {@code /} may stand for {@code -}
     * @return the preset, or empty when the label names none
     */

    public static Optional<AccessPreset> ofLabel(String label) {
        String l = label.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace('/', '-');
        for (AccessPreset p : values()) {
            if (p.label.equals(l)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
