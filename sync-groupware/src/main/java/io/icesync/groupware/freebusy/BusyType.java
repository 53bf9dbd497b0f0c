package io.icesync.groupware.freebusy;

import java.util.Locale;

/** The kind of a free/busy period (RFC 5545 FBTYPE), weakest first: where periods overlap, the stronger shows. */
public enum BusyType {
    /** Free time the server publishes as such. */
    FREE("FREE"),
    /** Tentatively busy. */
    BUSY_TENTATIVE("BUSY-TENTATIVE"),
    /** Busy. */
    BUSY("BUSY"),
    /** Unavailable (out of office hours, away). */
    BUSY_UNAVAILABLE("BUSY-UNAVAILABLE");

    private final String icalName;

    BusyType(String icalName) {
        this.icalName = icalName;
    }

    /** {@return the FBTYPE value, such as {@code BUSY-TENTATIVE}} */
    public String icalName() {
        return icalName;
    }

    /**
     * The type an FBTYPE value names; no value is BUSY (RFC 5545's default), and so is a value this
     * code does not know, as RFC 5545 asks of unrecognised x-names.
     *
     * @param fbtype the parameter's value in any case, or null
     * @return the type
     */
    public static BusyType ofIcal(String fbtype) {
        if (fbtype == null) {
            return BUSY;
        }
        String v = fbtype.trim().toUpperCase(Locale.ROOT);
        for (BusyType t : values()) {
            if (t.icalName.equals(v)) {
                return t;
            }
        }
        return BUSY;
    }
}
