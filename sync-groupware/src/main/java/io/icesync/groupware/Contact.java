package io.icesync.groupware;

import ezvcard.VCard;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.ImageType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Birthday;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.Note;
import ezvcard.property.Organization;
import ezvcard.property.Photo;
import ezvcard.property.Telephone;
import ezvcard.property.Title;
import ezvcard.property.VCardProperty;
import io.icesync.groupware.internal.ContactSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A vCard (2.1, 3.0 or 4.0; {@link #version()} says which, and it is written back in it). The
 * {@code withX} methods return a copy where only that property changed; every other line,
 * including properties IceSync does not model, is written back as it came.
 */
public record Contact(String version, String formattedName, ContactName name, List<String> nicknames,
                      List<ContactEmail> emails, List<ContactPhone> phones, List<ContactAddress> addresses,
                      List<String> organization, String title, List<String> urls, LocalDate birthday,
                      LocalDate anniversary, ContactPhoto photo, List<String> notes, List<String> categories, String uid,
                      Instant revision, ContactSource source) {

    public Contact {
        nicknames = List.copyOf(nicknames);
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        addresses = List.copyOf(addresses);
        organization = List.copyOf(organization);
        urls = List.copyOf(urls);
        notes = List.copyOf(notes);
        categories = List.copyOf(categories);
        Objects.requireNonNull(source, "source");
    }

    /** The card as ez-vcard parsed it. */
    public VCard original() {
        return source.vcard();
    }

    /** A hash of the content that ignores order, folding, encoding and PRODID (PITFALL 11). */
    public String contentKey() {
        return source.contentKey();
    }

    public boolean sameContent(Contact other) {
        return other != null && contentKey().equals(other.contentKey());
    }

    public Contact withFormattedName(String value) {
        return edit("FN", value == null ? List.of() : List.of(new FormattedName(value)));
    }

    public Contact withTitle(String value) {
        return edit("TITLE", value == null ? List.of() : List.of(new Title(value)));
    }

    public Contact withOrganization(List<String> units) {
        if (units == null || units.isEmpty()) {
            return edit("ORG", List.of());
        }
        Organization org = new Organization();
        org.getValues().addAll(units);
        return edit("ORG", List.of(org));
    }

    public Contact withEmails(List<ContactEmail> values) {
        List<VCardProperty> props = new ArrayList<>();
        for (ContactEmail e : values) {
            Email p = new Email(e.address());
            e.types().forEach(t -> p.getTypes().add(EmailType.get(t)));
            props.add(p);
        }
        return edit("EMAIL", props);
    }

    public Contact withPhones(List<ContactPhone> values) {
        List<VCardProperty> props = new ArrayList<>();
        for (ContactPhone t : values) {
            Telephone p = new Telephone(t.number());
            t.types().forEach(x -> p.getTypes().add(TelephoneType.get(x)));
            props.add(p);
        }
        return edit("TEL", props);
    }

    public Contact withNotes(List<String> values) {
        return edit("NOTE", values.stream().<VCardProperty>map(Note::new).toList());
    }

    public Contact withBirthday(LocalDate value) {
        return edit("BDAY", value == null ? List.of() : List.of(new Birthday(value)));
    }

    public Contact withPhoto(ContactPhoto value) {
        if (value == null) {
            return edit("PHOTO", List.of());
        }
        ImageType type = value.mediaType() == null ? null : ImageType.find(null, value.mediaType(), null);
        Photo p = value.data() != null ? new Photo(value.data(), type) : new Photo(value.url(), type);
        return edit("PHOTO", List.of(p));
    }

    public Contact withCategories(List<String> values) {
        if (values == null || values.isEmpty()) {
            return edit("CATEGORIES", List.of());
        }
        ezvcard.property.Categories c = new ezvcard.property.Categories();
        c.getValues().addAll(values);
        return edit("CATEGORIES", List.of(c));
    }

    private Contact edit(String name, List<VCardProperty> props) {
        return source.edit(name, props);
    }
}
