package io.icesync.webdav;

/**
 * The downloaded bytes are not what the caller expected (size or SHA-256). Nothing was written to
 * the target and the partial file was removed, so the next attempt starts from zero.
 */
public class DownloadMismatchException extends WebDavException {
    private static final long serialVersionUID = 1L;
    /** @serial what the caller expected */
    private final String expected;
    /** @serial what was received */
    private final String actual;

    /**
     * A download whose content is not what was expected; the partial file is dropped.
     *
     * @param what     what differs: the size or the SHA-256
     * @param expected what the caller expected, a size in bytes or a SHA-256 in lower-case hex
     * @param actual   what was received, in the same form
     * @param status   the HTTP status of the answer
     * @param url      the URL of the resource
     */
    public DownloadMismatchException(String what, String expected, String actual, int status, String url) {
        super(url + ": the " + what + " is " + actual + ", expected " + expected, status, url, null);
        this.expected = expected;
        this.actual = actual;
    }

    /** {@return what the caller expected: a size in bytes or a SHA-256 in lower-case hex} */
    public String expected() {
        return expected;
    }

    /** {@return what was received, in the same form} */
    public String actual() {
        return actual;
    }
}
