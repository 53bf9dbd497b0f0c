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
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A vCard (2.1, 3.0 or 4.0; {@link #version()} says which, and it is written back in it). The
 * {@code withX} methods return a copy where only that property changed; every other line,
 * including properties IceSync does not model, is written back as it came. Contacts are equal when their values and the text they were read from are.
 */
public final class Contact {
    private final String version;
    private final String formattedName;
    private final ContactName name;
    private final List<String> nicknames;
    private final List<ContactEmail> emails;
    private final List<ContactPhone> phones;
    private final List<ContactAddress> addresses;
    private final List<String> organization;
    private final String title;
    private final List<String> urls;
    private final LocalDate birthday;
    private final LocalDate anniversary;
    private final ContactPhoto photo;
    private final List<String> notes;
    private final List<String> categories;
    private final String uid;
    private final Instant revision;
    private final ContactSource source;

    Contact(String version, String formattedName, ContactName name, List<String> nicknames,
            List<ContactEmail> emails, List<ContactPhone> phones, List<ContactAddress> addresses,
            List<String> organization, String title, List<String> urls, LocalDate birthday,
            LocalDate anniversary, ContactPhoto photo, List<String> notes, List<String> categories, String uid,
            Instant revision, ContactSource source) {
        this.version = version;
        this.formattedName = formattedName;
        this.name = name;
        this.nicknames = List.copyOf(nicknames);
        this.emails = List.copyOf(emails);
        this.phones = List.copyOf(phones);
        this.addresses = List.copyOf(addresses);
        this.organization = List.copyOf(organization);
        this.title = title;
        this.urls = List.copyOf(urls);
        this.birthday = birthday;
        this.anniversary = anniversary;
        this.photo = photo;
        this.notes = List.copyOf(notes);
        this.categories = List.copyOf(categories);
        this.uid = uid;
        this.revision = revision;
        this.source = Objects.requireNonNull(source, "source");
    }

    public String version() {
        return version;
    }

    public String formattedName() {
        return formattedName;
    }

    public ContactName name() {
        return name;
    }

    public List<String> nicknames() {
        return nicknames;
    }

    public List<ContactEmail> emails() {
        return emails;
    }

    public List<ContactPhone> phones() {
        return phones;
    }

    public List<ContactAddress> addresses() {
        return addresses;
    }

    public List<String> organization() {
        return organization;
    }

    public String title() {
        return title;
    }

    public List<String> urls() {
        return urls;
    }

    public LocalDate birthday() {
        return birthday;
    }

    public LocalDate anniversary() {
        return anniversary;
    }

    public ContactPhoto photo() {
        return photo;
    }

    public List<String> notes() {
        return notes;
    }

    public List<String> categories() {
        return categories;
    }

    public String uid() {
        return uid;
    }

    public Instant revision() {
        return revision;
    }

    /** The card as read: {@code original().unwrap(VCard.class)} gives ez-vcard's parse. */
    public Original original() {
        return Items.original(source);
    }

    ContactSource source() {
        return source;
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
        return edit("EMAIL", new ArrayList<>(emailProperties(values)));
    }

    public Contact withPhones(List<ContactPhone> values) {
        return edit("TEL", new ArrayList<>(phoneProperties(values)));
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
        return edit("PHOTO", List.of(photoProperty(value)));
    }

    public Contact withCategories(List<String> values) {
        if (values == null || values.isEmpty()) {
            return edit("CATEGORIES", List.of());
        }
        return edit("CATEGORIES", List.of(categoriesProperty(values)));
    }

    private Contact edit(String name, List<VCardProperty> props) {
        return source.edit(name, props);
    }

    private static List<Email> emailProperties(List<ContactEmail> values) {
        List<Email> props = new ArrayList<>();
        for (ContactEmail e : values) {
            Email p = new Email(e.address());
            e.types().forEach(t -> p.getTypes().add(EmailType.get(t)));
            props.add(p);
        }
        return props;
    }

    private static List<Telephone> phoneProperties(List<ContactPhone> values) {
        List<Telephone> props = new ArrayList<>();
        for (ContactPhone t : values) {
            Telephone p = new Telephone(t.number());
            t.types().forEach(x -> p.getTypes().add(TelephoneType.get(x)));
            props.add(p);
        }
        return props;
    }

    private static Photo photoProperty(ContactPhoto value) {
        ImageType type = value.mediaType() == null ? null : ImageType.find(null, value.mediaType(), null);
        return value.data() != null ? new Photo(value.data(), type) : new Photo(value.url(), type);
    }

    private static ezvcard.property.Categories categoriesProperty(List<String> values) {
        ezvcard.property.Categories c = new ezvcard.property.Categories();
        c.getValues().addAll(values);
        return c;
    }

    private List<Object> values() {
        return Arrays.asList(version, formattedName, name, nicknames, emails, phones, addresses, organization, title, urls, birthday, anniversary, photo, notes, categories, uid, revision, source);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Contact c && values().equals(c.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "Contact[uid=" + uid + ", formattedName=" + formattedName + ", emails=" + emails + ", version=" + version + "]";
    }
}
