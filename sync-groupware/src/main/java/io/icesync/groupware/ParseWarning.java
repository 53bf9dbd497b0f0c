package io.icesync.groupware;

/** A recoverable oddity met while reading: the object was read (or skipped) and reading went on. */
public record ParseWarning(int line, String message) {
    @Override
    public String toString() {
        return line > 0 ? "line " + line + ": " + message : message;
    }
}
