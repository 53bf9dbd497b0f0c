package io.icesync.webdav;

/** The server's answer could not be read (a multistatus that is not well-formed XML, for example). */
public class MalformedResponseException extends WebDavException {
    private static final long serialVersionUID = 1L;

    public MalformedResponseException(String message, int status, String url, Throwable cause) {
        super(message, status, url, cause);
    }
}
