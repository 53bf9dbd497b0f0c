package io.icesync.groupware.gal;

import io.icesync.core.FolderPath;
import io.icesync.groupware.Contact;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The Global Address List (F6.3): every contact of the address books it was built from, searched by
 * prefix and listed in one of the guide's {@link DisplayOrder}s.
 *
 * <pre>{@code
 * AddressList gal = AddressList.fromVdir(profileDir.resolve("groupware"));
 * gal.warnings().forEach(w -> log.warn("{}", w));
 * for (GalEntry e : gal.search("jos", DisplayOrder.NATIVE)) {
 *     show(e.displayName(), e.primaryEmail(), DisplayOrder.NATIVE.folderLabel(e.folder()));
 * }
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class AddressList {
    private final List<AddressBook> books;
    private final List<GalEntry> enumerated;
    private final List<GalWarning> warnings;

    private AddressList(List<AddressBook> books, List<GalWarning> warnings) {
        this.books = List.copyOf(books);
        this.warnings = List.copyOf(warnings);
        List<GalEntry> all = new ArrayList<>();
        for (AddressBook b : this.books) {
            List<Contact> cs = b.contacts();
            for (int i = 0; i < cs.size(); i++) {
                Contact c = cs.get(i);
                all.add(new GalEntry(EntryNames.displayName(c), EntryNames.emails(c), b.folder(), b.owner(), b.shared(), i, c));
            }
        }
        this.enumerated = List.copyOf(all);
    }

    /**
     * A list of these books, in this (the server's) order.
     *
     * @param books the books
     * @return the list, with no warning
     */
    public static AddressList of(List<AddressBook> books) {
        return new AddressList(Objects.requireNonNull(books, "books"), List.of());
    }

    /**
     * Every contacts folder of a profile's groupware store ({@code <profile>/groupware/}): the user's
     * own, other users' shared ones ({@code ~owner@domain/...}) and the public ones. A missing
     * directory is an empty list; an unreadable card or folder is left out with a {@link GalWarning}.
     *
     * @param groupwareDir the profile's {@code groupware/} directory
     * @return the list, with its warnings
     */
    public static AddressList fromVdir(Path groupwareDir) {
        return fromVdir(groupwareDir, folder -> true);
    }

    /**
     * The shared and public contacts folders of the store, which the guide adds automatically, plus
     * the user's own folders that {@code ownBooks} accepts ("Afficher dans le carnet d'adresses").
     *
     * @param groupwareDir the profile's {@code groupware/} directory
     * @param ownBooks     which of the user's own contacts folders are listed
     * @return the list, with its warnings
     */
    public static AddressList fromVdir(Path groupwareDir, Predicate<FolderPath> ownBooks) {
        Objects.requireNonNull(groupwareDir, "groupwareDir");
        Objects.requireNonNull(ownBooks, "ownBooks");
        VdirAddressBooks read = new VdirAddressBooks(ownBooks).read(groupwareDir);
        return new AddressList(read.books, read.warnings);
    }

    /** {@return the books, in the order they were given (for a vdir: its folder tree, by directory name)} */
    public List<AddressBook> books() {
        return books;
    }

    /** {@return what could not be read (cards skipped, folders left out); empty when everything was read} */
    public List<GalWarning> warnings() {
        return warnings;
    }

    /** {@return how many entries the list holds} */
    public int size() {
        return enumerated.size();
    }

    /**
     * Every entry, in this order.
     *
     * @param order how books and entries are ordered
     * @return the entries
     */
    public List<GalEntry> entries(DisplayOrder order) {
        return search("", order);
    }

    /**
     * The entries where {@code prefix} starts the name shown, a word of it, the given or family
     * name, an address or its local part; case and accents do not count. An empty prefix lists all.
     *
     * @param prefix what the user typed
     * @param order  how the entries found are ordered
     * @return the matching entries
     */
    public List<GalEntry> search(String prefix, DisplayOrder order) {
        Objects.requireNonNull(order, "order");
        String folded = SearchText.fold(prefix);
        List<GalEntry> out = new ArrayList<>();
        for (GalEntry e : enumerated) {
            if (SearchText.matches(e, folded)) {
                out.add(e);
            }
        }
        out.sort(EntryOrder.of(order));
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "AddressList[" + books.size() + " books, " + enumerated.size() + " entries"
                + (warnings.isEmpty() ? "" : ", " + warnings.size() + " warnings") + "]";
    }
}
