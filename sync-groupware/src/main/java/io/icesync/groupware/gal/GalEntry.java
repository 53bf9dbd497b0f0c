package io.icesync.groupware.gal;

import io.icesync.core.FolderPath;
import io.icesync.groupware.Contact;
import java.util.List;
import java.util.Objects;

/**
 * One contact in the address list: the name shown, its e-mail addresses in card order, the book it
 * comes from and its position there (0 for the first card of the folder).
 */
public record GalEntry(String displayName, List<String> emails, FolderPath folder, String owner, boolean shared,
                       int sourceOrder, Contact contact) {
    public GalEntry {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(contact, "contact");
        emails = List.copyOf(emails);
    }

    /** The first e-mail address, or null when the card has none. */
    public String primaryEmail() {
        return emails.isEmpty() ? null : emails.get(0);
    }
}
