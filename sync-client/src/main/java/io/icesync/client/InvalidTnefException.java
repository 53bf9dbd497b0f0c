package io.icesync.client;

import io.icesync.core.IceSyncException;
import java.nio.file.Path;

/** A message's winmail.dat (application/ms-tnef) cannot be opened: it is not a readable TNEF stream. */
public class InvalidTnefException extends IceSyncException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    public InvalidTnefException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The message (or TNEF) file that holds it. */
    public Path file() {
        return file;
    }
}
