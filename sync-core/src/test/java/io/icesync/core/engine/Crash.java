package io.icesync.core.engine;

/** A simulated kill: an Error, so that no catch for exceptions in the engine stops it. */
final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash(String where) {
        super("simulated crash before " + where);
    }
}
