package io.icesync.core;

import java.util.Objects;

/**
 * A folder as one side of a sync sees it: its path, what it holds, its role and the user's rights on it.
 *
 * @param path       the folder's path; never the root
 * @param kind       what it holds
 * @param specialUse its role, {@link SpecialUse#NONE} for none
 * @param rights     the user's rights on it
 */
public record Folder(FolderPath path, FolderKind kind, SpecialUse specialUse, Rights rights) {
    /**
     * Checks the folder.
     *
     * @param path       the folder's path; not the root
     * @param kind       what it holds; not null
     * @param specialUse its role; not null
     * @param rights     the user's rights on it; not null
     * @throws IllegalArgumentException when {@code path} is the root
     * @throws NullPointerException     when a component is null
     */
    public Folder {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(specialUse, "specialUse");
        Objects.requireNonNull(rights, "rights");
        if (path.isRoot()) {
            throw new IllegalArgumentException("the root is not a folder");
        }
    }

    /**
     * A plain mail folder with every right.
     *
     * @param path the folder's path; not the root
     * @return the folder
     */
    public static Folder mail(FolderPath path) {
        return new Folder(path, FolderKind.MAIL, SpecialUse.NONE, Rights.ALL);
    }

    /**
     * The path of the folder that holds this one.
     *
     * @return the parent path; the root for a top-level folder
     */
    public FolderPath parent() {
        return path.parent();
    }

    /**
     * The same folder at another path.
     *
     * @param p the new path; not the root
     * @return a copy with {@code p} as its path
     */
    public Folder withPath(FolderPath p) {

        return new Folder(p, kind, specialUse, rights);
    }
}
