package io.icesync.client;

import io.icesync.core.IceSyncException;
import java.net.URI;

/**
 * An attachment link cannot be fetched, or no link has the id asked for. The message names the
 * link (its id, file name and URL); the cause, when there is one, is what the download met
 * ({@link io.icesync.webdav.DownloadMismatchException} for a wrong size or hash,
 * {@link io.icesync.webdav.WebDavException} for a refusal of the server, a connection error...).
 */
public class AttachmentException extends IceSyncException {
    private static final long serialVersionUID = 1L;
    private final String id;
    private final URI url;

    public AttachmentException(String id, URI url, String message, Throwable cause) {
        super(message, cause);
        this.id = id;
        this.url = url;
    }

    /** The id of the link. */
    public String id() {
        return id;
    }

    /** The link's URL, or null when no link has the id. */
    public URI url() {
        return url;
    }
}
