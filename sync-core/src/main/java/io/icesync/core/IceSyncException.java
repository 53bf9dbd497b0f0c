package io.icesync.core;

/** The root of every error IceSync raises; subtypes say what the caller can do about it. */
public class IceSyncException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, for a person; never a credential
     */
    public IceSyncException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, for a person; never a credential
     * @param cause   the error underneath, or null
     */
    public IceSyncException(String message, Throwable cause) {

        super(message, cause);
    }
}
