package io.icesync.groupware;

import java.util.List;

/** An e-mail address with its types as written, lower case (home, work, internet, pref...). */
public record ContactEmail(String address, List<String> types) {
    /**
     * Copies the types.
     *
     * @param address the address as written
     * @param types   the types (home, work, internet, pref...), lower case
     */
    public ContactEmail {
        types = List.copyOf(types);
    }
}
