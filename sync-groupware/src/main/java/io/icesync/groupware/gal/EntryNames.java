package io.icesync.groupware.gal;

import io.icesync.groupware.Contact;
import io.icesync.groupware.ContactEmail;
import io.icesync.groupware.ContactName;
import java.util.List;

/** The name an entry shows: FN, else the structured name, else the organisation, else the first address. */
final class EntryNames {
    static final String NO_NAME = "(no name)";

    private EntryNames() {
    }

    static String displayName(Contact c) {
        if (notBlank(c.formattedName())) {
            return c.formattedName().strip();
        }
        ContactName n = c.name();
        if (n != null) {
            String joined = (blankToEmpty(n.given()) + " " + blankToEmpty(n.family())).strip();
            if (!joined.isEmpty()) {
                return joined;
            }
        }
        if (!c.organization().isEmpty() && notBlank(c.organization().get(0))) {
            return c.organization().get(0).strip();
        }
        List<String> emails = emails(c);
        return emails.isEmpty() ? NO_NAME : emails.get(0);
    }

    static List<String> emails(Contact c) {
        return c.emails().stream().map(ContactEmail::address).filter(EntryNames::notBlank).map(String::strip).toList();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
