package io.icesync.core;

/**
 * A feature was used whose library is not on the class path: IceSync declares some libraries optional
 * (SQLite for the default state store...) so that an application that does without the feature does not
 * carry them. The message names the Maven artifact to add.
 */
public class MissingDependencyException extends IceSyncException {
    private static final long serialVersionUID = 1L;

    /** The missing library as {@code groupId:artifactId}. */
    private final String artifact;

    /**
     * Creates the exception with a message that says what to add to the build.
     *
     * @param feature     what was used, e.g. "the SQLite state store"
     * @param artifact    the missing library as {@code groupId:artifactId}
     * @param alternative another way to do without it, or "" for none
     */
    public MissingDependencyException(String feature, String artifact, String alternative) {
        super(feature + " needs " + artifact + " on the class path: add it to your build (the IceSync BOM"
                + " manages its version)" + (alternative.isEmpty() ? "" : ", or " + alternative));
        this.artifact = artifact;
    }

    /**
     * The library to add.
     *
     * @return the missing library as {@code groupId:artifactId}
     */
    public String artifact() {

        return artifact;
    }
}
