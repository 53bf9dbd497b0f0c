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
    /** The id of the link asked for. */
    private final String id;
    /** The link's URL, or null when no link has the id. */
    private final URI url;

    /**
     * @param id      the id of the link asked for
     * @param url     the link's URL, or null when no link has the id
     * @param message what failed, naming the link
     * @param cause   what the download met, or null
     */
    public AttachmentException(String id, URI url, String message, Throwable cause) {
        super(message, cause);
        this.id = id;
        this.url = url;
    }

    /**
     * The id of the link.
     *
     * @return the id as asked for, never null
     */
    public String id() {
        return id;
    }

    /**
     * The link's URL.
     *
     * @return the URL, or null when no link has the id
     */
    public URI url() {
        return url;
    }
}
