package io.icesync.client;

import io.icesync.core.FolderPath;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An attachment link found in a synced message (IceWarp's SmartAttach) or event ({@code ATTACH} URL),
 * as the profile records it (F6.2, F7.1). Fetch it with {@link Attachments#fetch}.
 *
 * @param id       short and stable, to type in a command: {@code icesync attachments fetch ID}
 * @param folder   the folder of the message or event
 * @param item     the message's Message-ID or the event's UID, or null when it has none
 * @param localId  the item's id in the profile's local store
 * @param title    the message's subject or the event's summary, or null
 * @param fileName the file name the item gives (as the server names it, not yet made safe for a disk)
 * @param url      where the file is
 * @param size     its size in bytes, or -1 when the item does not say
 * @param sha256   its SHA-256 in lower-case hex, or null when the item does not say
 * @param state    whether it was fetched
 * @param error    why the last fetch failed, or null
 * @param file     where it was fetched to (under the profile's {@code attachments/}), or null
 */
public record Attachment(String id, FolderPath folder, String item, String localId, String title, String fileName,
                         URI url, long size, String sha256, State state, String error, Path file) {
    /** Where a link is. */
    public enum State {
        /** Recorded, never fetched. */
        NOT_FETCHED,
        /** Fetched, complete and checked: {@link #file()} holds it. */
        FETCHED,
        /** The last fetch failed: {@link #error()} says why. */
        FAILED
    }

    /**
     * Checks the link.
     *
     * @param id       short and stable, to type in a command
     * @param folder   the folder of the message or event
     * @param item     the message's Message-ID or the event's UID, or null
     * @param localId  the item's id in the profile's local store
     * @param title    the message's subject or the event's summary, or null
     * @param fileName the file name the item gives
     * @param url      where the file is
     * @param size     its size in bytes, or -1 when the item does not say
     * @param sha256   its SHA-256 in lower-case hex, or null
     * @param state    whether it was fetched
     * @param error    why the last fetch failed, or null
     * @param file     where it was fetched to, or null
     * @throws NullPointerException when {@code id}, {@code folder}, {@code localId}, {@code fileName},
     *         {@code url} or {@code state} is null
     */
    public Attachment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(localId, "localId");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(state, "state");
    }
}
