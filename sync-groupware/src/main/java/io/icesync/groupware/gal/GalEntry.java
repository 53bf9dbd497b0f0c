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
    /**
     * Checks the entry and copies its addresses.
     *
     * @param displayName the name shown
     * @param emails      the e-mail addresses in card order
     * @param folder      the book it comes from
     * @param owner       the book's owner for another user's book, else null
     * @param shared      whether the book is another user's or public
     * @param sourceOrder its position in the book, from 0
     * @param contact     the card it was made from
     */
    public GalEntry {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(contact, "contact");
        emails = List.copyOf(emails);
    }

    /** {@return the first e-mail address, or null when the card has none} */
    public String primaryEmail() {
        return emails.isEmpty() ? null : emails.get(0);
    }
}
