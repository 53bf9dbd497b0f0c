package io.icesync.groupware;

import java.util.List;

/** A telephone number (text or tel: URI as written) with its types, lower case (cell, home, work, fax...). */
public record ContactPhone(String number, List<String> types) {
    public ContactPhone {
        types = List.copyOf(types);
    }
}
