package io.icesync.core;

/** The root of every error IceSync raises; subtypes say what the caller can do about it. */
public class IceSyncException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IceSyncException(String message) {
        super(message);
    }

    public IceSyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
