package io.icesync.groupware.internal;

import ezvcard.VCard;
import ezvcard.io.text.VCardReader;
import ezvcard.parameter.VCardParameter;
import ezvcard.property.Address;
import ezvcard.property.DateOrTimeProperty;
import ezvcard.property.Email;
import ezvcard.property.Photo;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import io.icesync.groupware.Contact;
import io.icesync.groupware.ContactAddress;
import io.icesync.groupware.ContactEmail;
import io.icesync.groupware.ContactName;
import io.icesync.groupware.ContactPhone;
import io.icesync.groupware.ContactPhoto;
import io.icesync.groupware.GroupwareFormatException;
import io.icesync.groupware.ParseWarning;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads vCard text into {@link Contact}s, each with its raw lines and ez-vcard's parse. */
public final class VCardMapper {
    private VCardMapper() {
    }

    public static List<Contact> read(String text, List<ParseWarning> warnings) {
        int before = warnings.size();
        RawComponent root = ContentLineReader.read(text, "VCARD", 1, warnings);
        List<RawComponent> cards = new ArrayList<>();
        for (RawComponent c : root.components()) {
            if (c.name().equals("VCARD")) {
                cards.add(c);
            } else {
                warnings.add(new ParseWarning(c.line(), c.name() + " is not a VCARD; skipped"));
            }
        }
        List<VCard> parsed;
        if (warnings.size() == before) {
            parsed = parse(text, 0, warnings);
        } else {
            parsed = new ArrayList<>();
            for (RawComponent c : cards) {
                parsed.addAll(parse(ContentLineWriter.write(c), c.line(), warnings));
            }
        }
        if (parsed.size() != cards.size()) {
            throw new GroupwareFormatException("VCARD", 0, "ez-vcard read " + parsed.size() + " cards where there are "
                    + cards.size(), null);
        }
        List<Contact> out = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            out.add(map(cards.get(i), parsed.get(i)));
        }
        return out;
    }

    static Contact reread(RawComponent card) {
        List<VCard> parsed = parse(ContentLineWriter.write(card), card.line(), new ArrayList<>());
        return map(card, parsed.get(0));
    }

    private static List<VCard> parse(String text, int firstLine, List<ParseWarning> warnings) {
        try (VCardReader reader = new VCardReader(text)) {
            List<VCard> out = new ArrayList<>();
            VCard card;
            while ((card = reader.readNext()) != null) {
                out.add(card);
                for (ezvcard.io.ParseWarning w : reader.getWarnings()) {
                    int line = w.getLineNumber() == null ? 0 : w.getLineNumber() + Math.max(0, firstLine - 1);
                    warnings.add(new ParseWarning(line, "vCard: " + w.getMessage()));
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("reading a string", e);
        }
    }

    private static Contact map(RawComponent raw, VCard v) {
        String version = v.getVersion() == null ? raw.value("VERSION") : v.getVersion().getVersion();
        StructuredName n = v.getStructuredName();
        ContactName name = n == null ? null
                : new ContactName(n.getFamily(), n.getGiven(), n.getAdditionalNames(), n.getPrefixes(), n.getSuffixes());
        List<String> nicknames = new ArrayList<>();
        v.getNicknames().forEach(x -> nicknames.addAll(x.getValues()));
        List<ContactEmail> emails = new ArrayList<>();
        for (Email e : v.getEmails()) {
            emails.add(new ContactEmail(e.getValue(), types(e.getTypes())));
        }
        List<ContactPhone> phones = new ArrayList<>();
        for (Telephone t : v.getTelephoneNumbers()) {
            phones.add(new ContactPhone(t.getText() != null ? t.getText() : String.valueOf(t.getUri()), types(t.getTypes())));
        }
        List<ContactAddress> addresses = new ArrayList<>();
        for (Address a : v.getAddresses()) {
            addresses.add(new ContactAddress(a.getPoBox(), a.getExtendedAddressFull(), a.getStreetAddressFull(), a.getLocality(),
                    a.getRegion(), a.getPostalCode(), a.getCountry(), types(a.getTypes())));
        }
        List<String> org = v.getOrganization() == null ? List.of() : v.getOrganization().getValues();
        String title = v.getTitles().isEmpty() ? null : v.getTitles().get(0).getValue();
        List<String> urls = new ArrayList<>();
        v.getUrls().forEach(u -> urls.add(u.getValue()));
        LocalDate birthday = date(v.getBirthday());
        LocalDate anniversary = date(v.getAnniversary());
        if (anniversary == null) {
            // vCard 3.0 and 2.1 have no ANNIVERSARY: Apple, Outlook and Evolution use X- properties
            for (String x : List.of("X-ANNIVERSARY", "X-MS-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY")) {
                if (anniversary == null && raw.value(x) != null) {
                    anniversary = parseDate(raw.value(x));
                }
            }
        }
        ContactPhoto photo = null;
        if (!v.getPhotos().isEmpty()) {
            Photo p = v.getPhotos().get(0);
            String media = p.getContentType() == null ? null : p.getContentType().getMediaType();
            photo = new ContactPhoto(p.getData(), media, p.getUrl());
        }
        List<String> notes = new ArrayList<>();
        v.getNotes().forEach(x -> notes.add(x.getValue()));
        List<String> categories = new ArrayList<>();
        v.getCategoriesList().forEach(x -> categories.addAll(x.getValues()));
        String uid = v.getUid() == null ? null : v.getUid().getValue();
        Instant revision = v.getRevision() == null ? null : instant(v.getRevision().getValue());
        String fn = v.getFormattedName() == null ? null : v.getFormattedName().getValue();
        return ModelAccess.factory().contact(version, fn, name, nicknames, emails, phones, addresses, org, title, urls, birthday, anniversary,
                photo, notes, categories, uid, revision, new ContactSource(raw, v));
    }

    private static List<String> types(List<? extends VCardParameter> types) {
        List<String> out = new ArrayList<>();
        for (VCardParameter t : types) {
            out.add(t.getValue().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static LocalDate date(DateOrTimeProperty p) {
        if (p == null) {
            return null;
        }
        Temporal t = p.getDate();
        if (t instanceof LocalDate d) {
            return d;
        }
        if (t instanceof LocalDateTime l) {
            return l.toLocalDate();
        }
        if (t instanceof OffsetDateTime o) {
            return o.toLocalDate();
        }
        if (t instanceof ZonedDateTime z) {
            return z.toLocalDate();
        }
        if (t instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC).toLocalDate();
        }
        return p.getText() == null ? null : parseDate(p.getText());
    }

    private static LocalDate parseDate(String s) {
        String v = s.trim();
        try {
            return v.length() >= 10 && v.charAt(4) == '-' ? LocalDate.parse(v.substring(0, 10))
                    : LocalDate.parse(v.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }

    private static Instant instant(Temporal t) {
        if (t instanceof Instant i) {
            return i;
        }
        if (t instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (t instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (t instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (t instanceof LocalDate d) {
            return d.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return null;
    }
}
