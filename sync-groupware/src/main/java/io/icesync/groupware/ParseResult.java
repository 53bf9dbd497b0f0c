package io.icesync.groupware;

import java.util.List;

/** The items read from one input, and the warnings collected on the way. */
public record ParseResult<T>(List<T> items, List<ParseWarning> warnings) {
    /**
     * Copies both lists.
     *
     * @param items    the items read, in input order
     * @param warnings what was skipped or repaired on the way
     */
    public ParseResult {
        items = List.copyOf(items);
        warnings = List.copyOf(warnings);
    }
}
