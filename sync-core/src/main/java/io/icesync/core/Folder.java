package io.icesync.core;

import java.util.Objects;

/** A folder as one side of a sync sees it: its path, what it holds, its role and the user's rights on it. */
public record Folder(FolderPath path, FolderKind kind, SpecialUse specialUse, Rights rights) {
    public Folder {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(specialUse, "specialUse");
        Objects.requireNonNull(rights, "rights");
        if (path.isRoot()) {
            throw new IllegalArgumentException("the root is not a folder");
        }
    }

    public static Folder mail(FolderPath path) {
        return new Folder(path, FolderKind.MAIL, SpecialUse.NONE, Rights.ALL);
    }

    public FolderPath parent() {
        return path.parent();
    }

    public Folder withPath(FolderPath p) {
        return new Folder(p, kind, specialUse, rights);
    }
}
