package io.icesync.core;

/** A local store or the sync state store failed to read or write (disk full, permissions, corrupt file). */
public class StoreException extends IceSyncException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what could not be read or written, and why
     * @param cause   the I/O or SQL error, or null
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * "{@code what}: the reason", the reason said in words where Java gives only a path (access denied...).
     *
     * @param what the operation that failed, e.g. "cannot write /p/mail/cur/1"
     * @param e    the I/O error, kept as the cause
     * @return the exception, to throw
     */
    public static StoreException of(String what, java.io.IOException e) {
        return new StoreException(what + ": " + reason(e), e);
    }

    /**
     * Why an I/O operation on a file failed, in words: "permission denied", "read-only file system"...
     *
     * @param e the I/O error
     * @return the reason, lower-case first; the exception's class name when it gives none
     */

    public static String reason(java.io.IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "it exists already";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason().substring(0, 1).toLowerCase(java.util.Locale.ROOT) + f.getReason().substring(1);
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
