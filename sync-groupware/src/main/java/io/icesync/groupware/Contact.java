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
import ezvcard.Ezvcard;
import ezvcard.VCardVersion;
import ezvcard.parameter.AddressType;
import ezvcard.property.Address;
import ezvcard.property.Anniversary;
import ezvcard.property.Nickname;
import ezvcard.property.Revision;
import ezvcard.property.StructuredName;
import ezvcard.property.Uid;
import io.icesync.groupware.internal.ContactSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A vCard (2.1, 3.0 or 4.0; {@link #version()} says which, and it is written back in it). The
 * {@code withX} methods return a copy where only that property changed; every other line,
 * including properties IceSync does not model, is written back as it came. A new contact comes
 * from {@link #builder()}; contacts are equal when their values and the text they were read from are.
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

    /** {@return a builder for a new contact; a UID is required} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this contact's values, to make a new contact from them, in the card's version
     * (3.0 for a 2.1 card: new cards are not written in 2.1). Only the modelled values are carried: to change one property and keep everything else
     * as written, use a {@code withX} method instead.
     *
     * @return a builder with this contact's modelled values
     */
    public Builder toBuilder() {
        return new Builder().version("2.1".equals(version) ? "3.0" : version).formattedName(formattedName).name(name).nicknames(nicknames).emails(emails).phones(phones).addresses(addresses).organization(organization).title(title).urls(urls).birthday(birthday).anniversary(anniversary).photo(photo).notes(notes).categories(categories).uid(uid);
    }

    /** {@return the vCard version as read (VERSION): 2.1, 3.0 or 4.0} */
    public String version() {
        return version;
    }

    /** {@return the name shown (FN), or null} */
    public String formattedName() {
        return formattedName;
    }

    /** {@return the structured name (N), or null} */
    public ContactName name() {
        return name;
    }

    /** {@return the nicknames (NICKNAME); empty when it has none} */
    public List<String> nicknames() {
        return nicknames;
    }

    /** {@return the e-mail addresses (EMAIL); empty when it has none} */
    public List<ContactEmail> emails() {
        return emails;
    }

    /** {@return the telephone numbers (TEL); empty when it has none} */
    public List<ContactPhone> phones() {
        return phones;
    }

    /** {@return the postal addresses (ADR); empty when it has none} */
    public List<ContactAddress> addresses() {
        return addresses;
    }

    /** {@return the organization, then its units (ORG); empty when it has none} */
    public List<String> organization() {
        return organization;
    }

    /** {@return the job title (TITLE), or null} */
    public String title() {
        return title;
    }

    /** {@return the web addresses (URL); empty when it has none} */
    public List<String> urls() {
        return urls;
    }

    /** {@return the birthday (BDAY), or null} */
    public LocalDate birthday() {
        return birthday;
    }

    /** {@return the anniversary (ANNIVERSARY), or null} */
    public LocalDate anniversary() {
        return anniversary;
    }

    /** {@return the photo (PHOTO), or null} */
    public ContactPhoto photo() {
        return photo;
    }

    /** {@return the notes (NOTE); empty when it has none} */
    public List<String> notes() {
        return notes;
    }

    /** {@return the categories (CATEGORIES); empty when it has none} */
    public List<String> categories() {
        return categories;
    }

    /** {@return the unique id (UID), or null when the item has none} */
    public String uid() {
        return uid;
    }

    /** {@return the last revision (REV), or null} */
    public Instant revision() {
        return revision;
    }

    /**
     * The card as read: {@code original().unwrap(VCard.class)} gives ez-vcard's parse.
     *
     * @return the card's text and ez-vcard's parse
     */
    public Original original() {
        return Items.original(source);
    }

    ContactSource source() {
        return source;
    }

    /**
     * A hash of the content that ignores order, folding, encoding and PRODID (PITFALL 11).
     *
     * @return the hash, equal for cards that say the same thing
     */
    public String contentKey() {
        return source.contentKey();
    }

    /**
     * Whether {@code other} says the same thing, however it was serialised.
     *
     * @param other another contact, or null
     * @return whether their {@link #contentKey()}s are equal
     */
    public boolean sameContent(Contact other) {
        return other != null && contentKey().equals(other.contentKey());
    }

    /**
     * @param value the new name shown, or null to remove it
     * @return a copy where only the FN changed
     */
    public Contact withFormattedName(String value) {
        return edit("FN", value == null ? List.of() : List.of(new FormattedName(value)));
    }

    /**
     * @param value the new job title, or null to remove it
     * @return a copy where only the TITLE changed
     */
    public Contact withTitle(String value) {
        return edit("TITLE", value == null ? List.of() : List.of(new Title(value)));
    }

    /**
     * @param units the organization, then its units; null or empty to remove it
     * @return a copy where only the ORG changed
     */
    public Contact withOrganization(List<String> units) {
        if (units == null || units.isEmpty()) {
            return edit("ORG", List.of());
        }
        Organization org = new Organization();
        org.getValues().addAll(units);
        return edit("ORG", List.of(org));
    }

    /**
     * @param values the new e-mail addresses; empty to remove them
     * @return a copy where only the EMAIL changed
     */
    public Contact withEmails(List<ContactEmail> values) {
        return edit("EMAIL", new ArrayList<>(emailProperties(values)));
    }

    /**
     * @param values the new telephone numbers; empty to remove them
     * @return a copy where only the TEL changed
     */
    public Contact withPhones(List<ContactPhone> values) {
        return edit("TEL", new ArrayList<>(phoneProperties(values)));
    }

    /**
     * @param values the new notes; empty to remove them
     * @return a copy where only the NOTE changed
     */
    public Contact withNotes(List<String> values) {
        return edit("NOTE", values.stream().<VCardProperty>map(Note::new).toList());
    }

    /**
     * @param value the new birthday, or null to remove it
     * @return a copy where only the BDAY changed
     */
    public Contact withBirthday(LocalDate value) {
        return edit("BDAY", value == null ? List.of() : List.of(new Birthday(value)));
    }

    /**
     * @param value the new photo, or null to remove it
     * @return a copy where only the PHOTO changed
     */
    public Contact withPhoto(ContactPhoto value) {
        if (value == null) {
            return edit("PHOTO", List.of());
        }
        return edit("PHOTO", List.of(photoProperty(value)));
    }

    /**
     * @param values the new categories; empty to remove them
     * @return a copy where only the CATEGORIES changed
     */
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

    /**
     * Values for a new contact, written by ez-vcard in {@link #version(String)} (3.0 unless set) and
     * read back by {@link VCardCodec}, so {@link #build()} gives what parsing that text gives.
     * {@code uid} and {@code formattedName} (FN) are required. An anniversary is ANNIVERSARY in 4.0
     * and X-ANNIVERSARY in 3.0. REV is the time of the build. A bad value fails with
     * {@link IllegalArgumentException} naming the field.
     */
    public static final class Builder {
        private String version = "3.0";
        private String formattedName;
        private ContactName name;
        private List<String> nicknames = List.of();
        private List<ContactEmail> emails = List.of();
        private List<ContactPhone> phones = List.of();
        private List<ContactAddress> addresses = List.of();
        private List<String> organization = List.of();
        private String title;
        private List<String> urls = List.of();
        private LocalDate birthday;
        private LocalDate anniversary;
        private ContactPhoto photo;
        private List<String> notes = List.of();
        private List<String> categories = List.of();
        private String uid;

        private Builder() {
        }

        /**
         * 3.0 or 4.0; 2.1 cards are read and edited, not created (it has no NICKNAME or CATEGORIES).
         *
         * @param value the vCard version, 3.0 or 4.0
         * @return this builder
         */
        public Builder version(String value) {
            version = value;
            return this;
        }

        /**
         * @param value the name shown, or null
         * @return this builder
         */
        public Builder formattedName(String value) {
            formattedName = value;
            return this;
        }

        /**
         * @param value the structured name, or null
         * @return this builder
         */
        public Builder name(ContactName value) {
            name = value;
            return this;
        }

        /**
         * @param value the nicknames
         * @return this builder
         */
        public Builder nicknames(List<String> value) {
            nicknames = value;
            return this;
        }

        /**
         * Addresses with types such as home, work, internet, pref.
         *
         * @param value the e-mail addresses
         * @return this builder
         */
        public Builder emails(List<ContactEmail> value) {
            emails = value;
            return this;
        }

        /**
         * Numbers as text or {@code tel:} URIs, types such as cell, home, work.
         *
         * @param value the telephone numbers
         * @return this builder
         */
        public Builder phones(List<ContactPhone> value) {
            phones = value;
            return this;
        }

        /**
         * @param value the postal addresses
         * @return this builder
         */
        public Builder addresses(List<ContactAddress> value) {
            addresses = value;
            return this;
        }

        /**
         * The organization and its units, outermost first.
         *
         * @param value the organization, then its units
         * @return this builder
         */
        public Builder organization(List<String> value) {
            organization = value;
            return this;
        }

        /**
         * @param value the job title, or null
         * @return this builder
         */
        public Builder title(String value) {
            title = value;
            return this;
        }

        /**
         * @param value the web addresses
         * @return this builder
         */
        public Builder urls(List<String> value) {
            urls = value;
            return this;
        }

        /**
         * @param value the birthday, or null
         * @return this builder
         */
        public Builder birthday(LocalDate value) {
            birthday = value;
            return this;
        }

        /**
         * @param value the anniversary, or null
         * @return this builder
         */
        public Builder anniversary(LocalDate value) {
            anniversary = value;
            return this;
        }

        /**
         * @param value the photo, or null
         * @return this builder
         */
        public Builder photo(ContactPhoto value) {
            photo = value;
            return this;
        }

        /**
         * @param value the notes
         * @return this builder
         */
        public Builder notes(List<String> value) {
            notes = value;
            return this;
        }

        /**
         * @param value the categories
         * @return this builder
         */
        public Builder categories(List<String> value) {
            categories = value;
            return this;
        }

        /**
         * @param value the unique id (required)
         * @return this builder
         */
        public Builder uid(String value) {
            uid = value;
            return this;
        }

        /**
         * {@return the contact}
         *
         * @throws IllegalArgumentException when the UID is missing, the version is not 3.0 or 4.0, or a value cannot be written
         */
        public Contact build() {
            String what = "contact";
            VCardVersion v = VCardVersion.valueOfByStr(version);
            if (v != VCardVersion.V3_0 && v != VCardVersion.V4_0) {
                throw new IllegalArgumentException("contact version must be 3.0 or 4.0: " + version);
            }
            VCard card = new VCard();
            card.setUid(new Uid(Checks.required(what, "uid", uid)));
            card.setFormattedName(Checks.required(what, "formattedName", formattedName));
            if (name != null) {
                StructuredName n = new StructuredName();
                n.setFamily(name.family());
                n.setGiven(name.given());
                n.getAdditionalNames().addAll(name.additional());
                n.getPrefixes().addAll(name.prefixes());
                n.getSuffixes().addAll(name.suffixes());
                card.setStructuredName(n);
            }
            List<String> nicks = Checks.list(what, "nicknames", nicknames);
            if (!nicks.isEmpty()) {
                Nickname nick = new Nickname();
                nick.getValues().addAll(nicks);
                card.addNickname(nick);
            }
            List<ContactEmail> mails = Checks.list(what, "emails", emails);
            mails.forEach(e -> Checks.required(what, "email address", e.address()));
            emailProperties(mails).forEach(card::addEmail);
            List<ContactPhone> tels = Checks.list(what, "phones", phones);
            tels.forEach(t -> Checks.required(what, "phone number", t.number()));
            phoneProperties(tels).forEach(card::addTelephoneNumber);
            for (ContactAddress a : Checks.list(what, "addresses", addresses)) {
                Address adr = new Address();
                adr.setPoBox(a.poBox());
                adr.setExtendedAddress(a.extended());
                adr.setStreetAddress(a.street());
                adr.setLocality(a.locality());
                adr.setRegion(a.region());
                adr.setPostalCode(a.postalCode());
                adr.setCountry(a.country());
                a.types().forEach(t -> adr.getTypes().add(AddressType.get(t)));
                card.addAddress(adr);
            }
            List<String> org = Checks.list(what, "organization", organization);
            if (!org.isEmpty()) {
                card.setOrganization(org.toArray(String[]::new));
            }
            if (title != null) {
                card.addTitle(title);
            }
            Checks.list(what, "urls", urls).forEach(u -> card.addUrl(Checks.plain(what, "url", u)));
            if (birthday != null) {
                card.setBirthday(new Birthday(birthday));
            }
            if (anniversary != null) {
                if (v == VCardVersion.V4_0) {
                    card.setAnniversary(new Anniversary(anniversary));
                } else {
                    // 3.0 has no ANNIVERSARY; Apple and others read this one
                    card.addExtendedProperty("X-ANNIVERSARY", anniversary.toString());
                }
            }
            if (photo != null) {
                if (photo.data() == null && photo.url() == null) {
                    throw new IllegalArgumentException("contact photo needs data or a url");
                }
                card.addPhoto(photoProperty(photo));
            }
            Checks.list(what, "notes", notes).forEach(card::addNote);
            List<String> cats = Checks.list(what, "categories", categories);
            if (!cats.isEmpty()) {
                card.addCategories(categoriesProperty(cats));
            }
            card.setRevision(new Revision(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
            String text = Ezvcard.write(card).version(v).prodId(false).go();
            return new VCardCodec().parse(text).items().get(0);
        }
    }
}
