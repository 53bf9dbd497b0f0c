package io.icesync.groupware;

import java.util.List;

/** A telephone number (text or tel: URI as written) with its types, lower case (cell, home, work, fax...). */
public record ContactPhone(String number, List<String> types) {
    /**
     * Copies the types.
     *
     * @param number the number, as text or a tel: URI as written
     * @param types  the types (cell, home, work, fax...), lower case
     */
    public ContactPhone {
        types = List.copyOf(types);
    }
}
