package io.icesync.core.spi;

import io.icesync.core.FolderKind;
import java.util.Set;

/**
 * A part of a local store (a root directory) that was missing when the store opened, or holds no
 * folder now, and the kinds of folder the store keeps there.
 *
 * @param location what to show a person (a directory)
 * @param missing  true when it did not exist (the store made it empty), false when it holds no folder
 * @param kinds    the kinds of folder the store keeps there
 */
public record EmptyRoot(String location, boolean missing, Set<FolderKind> kinds) {
    /**
     * Copies {@code kinds}.
     *
     * @param location what to show a person (a directory)
     * @param missing  true when it did not exist, false when it holds no folder
     * @param kinds    the kinds of folder the store keeps there; not null
     */
    public EmptyRoot {
        kinds = Set.copyOf(kinds);
    }

    /**
     * Describes the root for a person.
     *
     * @return one phrase, such as "the local store /p/mail is missing"
     */

    public String describe() {
        return "the local store " + location + (missing ? " is missing" : " holds no folder");
    }
}
