package io.icesync.webdav;

import java.net.URI;
import java.util.Objects;

/**
 * One attachment that IceWarp's SmartAttach took out of a message and left on the server's WebDAV.
 *
 * @param url      the absolute http(s) URL of the file
 * @param fileName the file name the message gives (or the last segment of the URL), not yet made safe for a disk
 * @param size     the size in bytes, or -1 when the message does not say
 * @param sha256   the SHA-256 of the content (lower-case hex), or null when the message does not say
 * @param source   where in the message the link was found
 */
public record SmartAttachLink(URI url, String fileName, long size, String sha256, Source source) {
    /** Where a link was found. */
    public enum Source {
        /** An {@code X-IceWarp-SmartAttach} header. */
        HEADER,
        /** A link in the text/plain or text/html body that points under the WebDAV base. */
        BODY,
        /** An {@code ATTACH} property of an event or task (F6.2) whose value is a URL under the WebDAV base. */
        EVENT
    }

    /**
     * Checks the link.
     *
     * @param url      the absolute http(s) URL of the file
     * @param fileName the file name the message gives
     * @param size     the size in bytes, or -1 when unknown
     * @param sha256   the SHA-256 of the content (lower-case hex), or null
     * @param source   where in the message the link was found
     * @throws IllegalArgumentException for a size below -1
     */
    public SmartAttachLink {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(source, "source");
        if (size < -1) {
            throw new IllegalArgumentException("size must be -1 (unknown) or a size, not " + size);
        }
    }

    /** {@return what a download of this link checks: its size and hash when the message gives them} */
    public DownloadOptions options() {
        DownloadOptions o = DownloadOptions.defaults().withExpectedSize(size);
        return sha256 == null ? o : o.withExpectedSha256(sha256);
    }
}
