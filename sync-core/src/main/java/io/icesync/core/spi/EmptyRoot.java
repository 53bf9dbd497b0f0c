package io.icesync.core.spi;

import io.icesync.core.FolderKind;
import java.util.Set;

/**
 * A part of a local store (a root directory) that was missing when the store opened, or holds no
 * folder now, and the kinds of folder the store keeps there.
 *
 * @param location what to show a person (a directory)
 * @param missing  true when it did not exist (the store made it empty), false when it holds no folder
 */
public record EmptyRoot(String location, boolean missing, Set<FolderKind> kinds) {
    public EmptyRoot {
        kinds = Set.copyOf(kinds);
    }

    /** One phrase for a person: "the local store /p/mail is missing". */
    public String describe() {
        return "the local store " + location + (missing ? " is missing" : " holds no folder");
    }
}
