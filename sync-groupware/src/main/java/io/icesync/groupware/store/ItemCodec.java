package io.icesync.groupware.store;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;

/**
 * How groupware objects travel inside IMAP messages, chosen per folder. {@link #decode} takes the
 * object out of a server message; a message the codec does not understand is kept whole as an
 * {@code eml} object, so nothing is lost. {@link #encode} builds the message for an object, and
 * gives the same bytes for the same object (its Message-ID comes from the content), which is how an
 * upload interrupted by a crash is recognised on the server.
 */
public interface ItemCodec {
    /** {@return a short name for settings and logs, such as {@code mime} or {@code kolab3}} */
    String name();

    /**
     * The object inside a server message of a folder of this kind.
     *
     * @param kind    the folder's kind
     * @param message the server's message
     * @return the object
     * @throws MalformedItemException when the message holds no readable object
     */
    LocalObject decode(FolderKind kind, byte[] message);

    /**
     * The server message for an object; an {@code eml} object is returned as it is.
     *
     * @param kind   the folder's kind
     * @param object the object
     * @return the message's bytes
     */
    byte[] encode(FolderKind kind, LocalObject object);

    /**
     * {@return the flags of an object file the store holds no flags for (written by another program):
     * {@code \Seen}, as IceWarp's groupware messages carry it}
     */
    default Flags unknownObjectFlags() {
        return Flags.of(Flag.SEEN);
    }
}
