package io.icesync.groupware;

import io.icesync.groupware.internal.TextValues;
import java.util.List;

/** Categories (F5.1, names only) as one CATEGORIES line. */
final class Categories {
    private Categories() {
    }

    static List<String> lines(List<String> names) {
        return names == null || names.isEmpty() ? List.of() : List.of("CATEGORIES:" + TextValues.joinList(names));
    }
}
