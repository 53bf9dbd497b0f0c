package io.icesync.webdav;

/** The server's answer could not be read (a multistatus that is not well-formed XML, for example). */
public class MalformedResponseException extends WebDavException {
    private static final long serialVersionUID = 1L;

    /**
     * An answer that cannot be read.
     *
     * @param message what failed, naming the operation and the resource
     * @param status  the HTTP status of the answer
     * @param url     the URL of the resource
     * @param cause   the parser's failure, or null
     */
    public MalformedResponseException(String message, int status, String url, Throwable cause) {
        super(message, status, url, cause);
    }
}
