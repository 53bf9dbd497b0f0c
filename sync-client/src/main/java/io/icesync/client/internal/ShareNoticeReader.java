package io.icesync.client.internal;

import io.icesync.core.FolderPath;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.util.Optional;

/**
 * Recognises the "share offered" message a server puts in INBOX when someone shares a folder with the
 * user (F8.5), by its {@code X-Share-Folder} header (the folder as the user's server lists it) and
 * {@code X-Share-Rights}. These are the testkit's headers: IceWarp's real notice format is not public,
 * so this class is the one place to change once it is known. A notice is only a hint that the shares
 * changed: what is offered always comes from the server's listing, never from the message.
 */
public final class ShareNoticeReader {
    /** The header that names the shared folder as the grantee's server lists it. */
    public static final String FOLDER_HEADER = "X-Share-Folder";

    private ShareNoticeReader() {
    }

    /**
     * A notice found in a message.
     *
     * @param folder    the folder it says is shared, as the server names it
     * @param messageId the notice's Message-ID, or null when it has none
     */
    public record Notice(String folder, String messageId) {
    }

    /**
     * Reads a message's header.
     *
     * @param head the first bytes of the message (its header, possibly more, possibly cut)
     * @return the notice, or empty for any other message
     */
    public static Optional<Notice> read(byte[] head) {
        InternetHeaders h;
        try {
            h = new InternetHeaders(new ByteArrayInputStream(head));
        } catch (MessagingException e) {
            return Optional.empty();
        }
        String folder = h.getHeader(FOLDER_HEADER, null);
        if (folder == null || folder.isBlank()) {
            return Optional.empty();
        }
        String id = h.getHeader("Message-ID", null);
        return Optional.of(new Notice(folder.trim(), id == null ? null : id.trim()));
    }

    /**
     * The folder a notice names, read with the server's separator.
     *
     * @param notice    a notice
     * @param separator the server's hierarchy separator
     * @return the folder, or empty when the name cannot be a folder path
     */
    public static Optional<FolderPath> folder(Notice notice, char separator) {
        try {
            return Optional.of(FolderPath.parse(notice.folder(), separator));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
