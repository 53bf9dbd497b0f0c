package io.icesync.groupware.gal;

import io.icesync.core.FolderPath;
import io.icesync.groupware.Contact;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One contacts folder in the address list: its path, whose it is ({@code owner}: another user's
 * address, or null for the user's own and for public folders), whether it is shared or public, and
 * its contacts in folder order.
 */
public record AddressBook(FolderPath folder, String owner, boolean shared, List<Contact> contacts) {
    /** First segments of the server's public namespace (IceWarp shows either, depending on its version). */
    static final List<String> PUBLIC_ROOTS = List.of("Public Folders", "Shared Folders");

    /**
     * Checks the folder and copies the contacts.
     *
     * @param folder   the contacts folder, not the root
     * @param owner    another user's address for their shared folder, else null
     * @param shared   whether the book is another user's or public
     * @param contacts its contacts in folder order
     * @throws IllegalArgumentException when the folder is the root
     */
    public AddressBook {
        Objects.requireNonNull(folder, "folder");
        if (folder.isRoot()) {
            throw new IllegalArgumentException("an address book is a folder, not the root");
        }
        contacts = List.copyOf(contacts);
    }

    /**
     * A book whose owner and sharing follow from where the folder lies: under {@code ~owner@domain/}
     * it is that user's shared folder, under "Public Folders" or "Shared Folders" a public one,
     * anywhere else the user's own.
     *
     * @param folder   the contacts folder
     * @param contacts its contacts in folder order
     * @return the book
     */
    public static AddressBook at(FolderPath folder, List<Contact> contacts) {
        String first = folder.names().isEmpty() ? "" : folder.names().get(0);
        if (first.startsWith("~") && first.length() > 1) {
            return new AddressBook(folder, first.substring(1), true, contacts);
        }
        boolean isPublic = PUBLIC_ROOTS.stream().anyMatch(r -> r.toLowerCase(Locale.ROOT).equals(first.toLowerCase(Locale.ROOT)));
        return new AddressBook(folder, null, isPublic, contacts);
    }

    /** {@return whether this book is the user's own (neither another user's nor public)} */
    public boolean own() {
        return !shared;
    }
}
