package io.icesync.core.internal;

import io.icesync.core.MissingDependencyException;

/** Checks for the optional libraries before a class that links against them is loaded. */
public final class OptionalLibraries {
    private OptionalLibraries() {
    }

    /** SQLite, for the default state store ({@code state.db}). */
    public static void requireSqlite(String feature) {
        require("org.sqlite.JDBC", "org.xerial:sqlite-jdbc", feature,
                "give your own SyncStateStore (IceSync.builder().state(...), or StateStores.inMemory())");
    }

    /** Throws {@link MissingDependencyException} unless {@code className} can be loaded. */
    public static void require(String className, String artifact, String feature, String alternative) {
        try {
            Class.forName(className, false, OptionalLibraries.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MissingDependencyException(feature, artifact, alternative);
        }
    }
}
