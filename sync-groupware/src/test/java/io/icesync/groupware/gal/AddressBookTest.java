package io.icesync.groupware.gal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.FolderPath;
import io.icesync.groupware.Contact;
import io.icesync.groupware.VCardCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whose a book is follows from where its folder lies on the server. */
class AddressBookTest {
    private static final Contact NOBODY = new VCardCodec().parse("BEGIN:VCARD\r\nVERSION:4.0\r\nEMAIL:info@example.fr\r\nEND:VCARD\r\n")
            .items().get(0);

    @Test
    void anotherUsersFolderIsSharedAndNamesItsOwner() {
        AddressBook b = AddressBook.at(FolderPath.of("~anne@iwdemo.test", "Contacts"), List.of());

        assertThat(b.owner()).isEqualTo("anne@iwdemo.test");
        assertThat(b.shared()).isTrue();
        assertThat(b.own()).isFalse();
    }

    @Test
    void publicFoldersAreSharedWithoutAnOwner() {
        assertThat(AddressBook.at(FolderPath.of("Public Folders", "Annuaire"), List.of()))
                .satisfies(b -> assertThat(b.shared()).isTrue()).satisfies(b -> assertThat(b.owner()).isNull());
        assertThat(AddressBook.at(FolderPath.of("Shared Folders", "Clients"), List.of()).shared()).isTrue();
    }

    @Test
    void anyOtherFolderIsTheUsersOwn() {
        AddressBook b = AddressBook.at(FolderPath.of("Contacts", "Public Folders"), List.of());

        assertThat(b.own()).isTrue();
        assertThat(b.owner()).isNull();
        assertThatThrownBy(() -> AddressBook.at(FolderPath.root(), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCardWithoutANameShowsItsAddress() {
        AddressList gal = AddressList.of(List.of(AddressBook.at(FolderPath.of("Contacts"), List.of(NOBODY))));

        assertThat(gal.entries(DisplayOrder.NATIVE)).singleElement()
                .satisfies(e -> assertThat(e.displayName()).isEqualTo("info@example.fr"));
        assertThat(gal.search("info", DisplayOrder.NATIVE)).hasSize(1);
    }
}
