package io.icesync.client;

import io.icesync.core.IceSyncException;
import java.nio.file.Path;

/** A message's winmail.dat (application/ms-tnef) cannot be opened: it is not a readable TNEF stream. */
public class InvalidTnefException extends IceSyncException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    /**
     * @param file    the message (or TNEF) file that holds the stream
     * @param message why it cannot be read
     * @param cause   what the TNEF reader met, or null
     */
    public InvalidTnefException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /**
     * The message (or TNEF) file that holds it.
     *
     * @return the file as given to the reader
     */
    public Path file() {
        return file;
    }
}
