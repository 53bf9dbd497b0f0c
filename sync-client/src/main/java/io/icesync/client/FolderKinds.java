package io.icesync.client;

import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.InvalidSettingException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a profile writes folder paths and kinds, in {@code profile.json} and on the command line: a path
 * is its names joined with {@code /} ({@code "Projets/Notes"}), a name that itself holds {@code /} or
 * {@code \} has a backslash before that character ({@code "Q1\/Q2"} is one folder named {@code Q1/Q2}),
 * as in {@code settings.folderSelections}; a kind is a {@link FolderKind} name in any case.
 */
public final class FolderKinds {
    /** The kinds as a user types them: {@code mail, contacts, events, tasks, notes, journal, documents}. */
    public static final String NAMES = Arrays.stream(FolderKind.values()).map(FolderKinds::kindText)
            .collect(Collectors.joining(", "));

    private FolderKinds() {
    }

    /**
     * The folder a text names; the empty text (the root) and a dangling backslash are refused.
     *
     * @param text the path as written, e.g. {@code "Projets/Notes"}
     * @return the folder
     * @throws InvalidSettingException for a null, empty or badly escaped text
     */
    public static FolderPath parsePath(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidSettingException("folder", "expected a folder path such as \"Projets/Notes\", got "
                    + (text == null ? "nothing" : "\"\" (the root is not a folder)"));
        }
        try {
            return FolderPath.parseEscaped(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("folder", "bad folder path \"" + text + "\": " + e.getMessage(), e);
        }
    }

    /**
     * The text {@link #parsePath} reads back as {@code path}.
     *
     * @param path a folder
     * @return its names joined with {@code /}, escaped where needed
     */
    public static String pathText(FolderPath path) {
        return path.escaped();
    }

    /**
     * The kind a text names ({@code contacts}, {@code EVENTS}...); anything else is refused with the list of kinds.
     *
     * @param text a kind name in any case, surrounding blanks ignored
     * @return the kind
     * @throws InvalidSettingException when the text is null or names no kind
     */
    public static FolderKind parseKind(String text) {
        if (text != null) {
            try {
                return FolderKind.valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw new InvalidSettingException("kind", (text == null ? "no kind given" : "\"" + text + "\" is not a folder kind")
                + "; the kinds are " + NAMES);
    }

    /**
     * The kind as a user types it: its name in lower case.
     *
     * @param kind a folder kind
     * @return e.g. {@code contacts}
     */
    public static String kindText(FolderKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
