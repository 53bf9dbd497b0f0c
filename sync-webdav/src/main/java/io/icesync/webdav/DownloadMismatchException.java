package io.icesync.webdav;

/**
 * The downloaded bytes are not what the caller expected (size or SHA-256). Nothing was written to
 * the target and the partial file was removed, so the next attempt starts from zero.
 */
public class DownloadMismatchException extends WebDavException {
    private static final long serialVersionUID = 1L;
    private final String expected;
    private final String actual;

    public DownloadMismatchException(String what, String expected, String actual, int status, String url) {
        super(url + ": the " + what + " is " + actual + ", expected " + expected, status, url, null);
        this.expected = expected;
        this.actual = actual;
    }

    /** What the caller expected: a size in bytes or a SHA-256 in lower-case hex. */
    public String expected() {
        return expected;
    }

    /** What was received, in the same form. */
    public String actual() {
        return actual;
    }
}
