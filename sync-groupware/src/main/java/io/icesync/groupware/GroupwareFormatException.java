package io.icesync.groupware;

import io.icesync.core.IceSyncException;

/** An iCalendar or vCard object that cannot be read: {@link #what()} names the object, {@link #line()} where it broke. */
public class GroupwareFormatException extends IceSyncException {
    private static final long serialVersionUID = 1L;
    private final String what;
    private final int line;
    private final String problem;

    public GroupwareFormatException(String what, int line, String problem, Throwable cause) {
        super(what + (line > 0 ? " at line " + line : "") + ": " + problem, cause);
        this.what = what;
        this.line = line;
        this.problem = problem;
    }

    /** The object that failed, such as {@code VEVENT} or {@code VCARD}. */
    public String what() {
        return what;
    }

    /** What was wrong, without the location. */
    public String problem() {
        return problem;
    }

    /** The 1-based line of the input where the problem was found, 0 when unknown. */
    public int line() {
        return line;
    }
}
