package io.icesync.core.spi;

import io.icesync.core.Flags;
import java.time.Instant;

/**
 * What a listing says of one server item. {@code messageId} is filled only when asked for
 * (see {@link RemoteStore#changes}); {@code size} is the RFC 822 size in bytes.
 *
 * <p>{@code name} is the item's name on the server, for servers whose items have names of their
 * own: the file name of a document on a WebDAV documents server, for instance. It is null where
 * items have none (IMAP: a message is its UID). The engine hands it to
 * {@link LocalStore#add(io.icesync.core.FolderPath, Flags, long, String, java.io.InputStream)} when
 * the item is downloaded, as a hint for the local copy's name; it plays no part in the item's identity,
 * which is the UID alone.
 *
 * @param uid          the item's UID in its folder
 * @param flags        its flags and keywords
 * @param size         its RFC 822 size in bytes
 * @param internalDate its received date on the server, or null when not known
 * @param messageId    its Message-ID, or null when not asked for or absent
 * @param name         its name on the server, or null where items have none
 */

public record RemoteItem(long uid, Flags flags, long size, Instant internalDate, String messageId, String name) {

    /**
     * An item without a name (mail).
     *
     * @param uid          the item's UID in its folder
     * @param flags        its flags and keywords
     * @param size         its RFC 822 size in bytes
     * @param internalDate its received date on the server, or null when not known
     * @param messageId    its Message-ID, or null when not asked for or absent
     */
    public RemoteItem(long uid, Flags flags, long size, Instant internalDate, String messageId) {
        this(uid, flags, size, internalDate, messageId, null);
    }

    /**
     * The same item under another name.
     *
     * @param itemName the name, or null for none
     * @return a copy of this item with {@code itemName} as its name
     */

    public RemoteItem withName(String itemName) {
        return new RemoteItem(uid, flags, size, internalDate, messageId, itemName);
    }
}
