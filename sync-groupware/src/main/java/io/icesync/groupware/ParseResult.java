package io.icesync.groupware;

import java.util.List;

/** The items read from one input, and the warnings collected on the way. */
public record ParseResult<T>(List<T> items, List<ParseWarning> warnings) {
    public ParseResult {
        items = List.copyOf(items);
        warnings = List.copyOf(warnings);
    }
}
