package io.icesync.groupware.gal;

import java.nio.file.Path;
import java.util.Objects;

/** A card or folder left out of the address list (or partly read), with the file and the reason. */
public record GalWarning(Path file, String message) {
    /**
     * @param file    the card or folder concerned
     * @param message why it was left out or partly read
     */
    public GalWarning {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return file + ": " + message;
    }
}
