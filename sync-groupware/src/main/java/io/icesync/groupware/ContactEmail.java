package io.icesync.groupware;

import java.util.List;

/** An e-mail address with its types as written, lower case (home, work, internet, pref...). */
public record ContactEmail(String address, List<String> types) {
    public ContactEmail {
        types = List.copyOf(types);
    }
}
