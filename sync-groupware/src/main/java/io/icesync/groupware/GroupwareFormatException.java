package io.icesync.groupware;

import io.icesync.core.IceSyncException;

/** An iCalendar or vCard object that cannot be read: {@link #what()} names the object, {@link #line()} where it broke. */
public class GroupwareFormatException extends IceSyncException {
    private static final long serialVersionUID = 1L;
    /** @serial the object that failed */
    private final String what;
    /** @serial the 1-based line, 0 when unknown */
    private final int line;
    /** @serial what was wrong */
    private final String problem;

    /**
     * @param what    the object that failed, such as {@code VEVENT} or {@code VCARD}
     * @param line    the 1-based line where the problem was found, 0 when unknown
     * @param problem what was wrong, without the location
     * @param cause   the parser's failure, or null
     */
    public GroupwareFormatException(String what, int line, String problem, Throwable cause) {
        super(what + (line > 0 ? " at line " + line : "") + ": " + problem, cause);
        this.what = what;
        this.line = line;
        this.problem = problem;
    }

    /** {@return the object that failed, such as {@code VEVENT} or {@code VCARD}} */
    public String what() {
        return what;
    }

    /** {@return what was wrong, without the location} */
    public String problem() {
        return problem;
    }

    /** {@return the 1-based line of the input where the problem was found, 0 when unknown} */
    public int line() {
        return line;
    }
}
