package io.icesync.groupware.internal;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.property.VCardProperty;
import io.icesync.groupware.Contact;
import io.icesync.groupware.ParseWarning;
import java.util.ArrayList;
import java.util.List;

/** What a {@link Contact} was read from: the VCARD as written (every line kept) and ez-vcard's parse of it. */
public final class ContactSource {
    private final RawComponent raw;
    private final VCard vcard;

    public ContactSource(RawComponent raw, VCard vcard) {
        this.raw = raw;
        this.vcard = vcard;
    }

    public RawComponent raw() {
        return raw;
    }

    public VCard vcard() {
        return vcard;
    }

    public String contentKey() {
        return ContentKey.of(raw);
    }

    /**
     * The contact with every {@code name} property replaced by {@code props}, serialised by
     * ez-vcard in the card's own version; the other lines keep their bytes.
     */
    public Contact edit(String name, List<VCardProperty> props) {
        List<RawProperty> lines = new ArrayList<>();
        if (!props.isEmpty()) {
            VCard holder = new VCard();
            props.forEach(holder::addProperty);
            VCardVersion version = vcard.getVersion() == null ? VCardVersion.V3_0 : vcard.getVersion();
            String text = Ezvcard.write(holder).version(version).prodId(false).go();
            RawComponent written = ContentLineReader.read(text, "VCARD", 1, new ArrayList<ParseWarning>()).components().get(0);
            for (RawProperty p : written.properties()) {
                if (!p.is("VERSION")) {
                    // line 0 marks it as new, so the writer folds it
                    lines.add(new RawProperty(p.unfolded(), p.unfolded(), p.group(), p.name(), p.params(), p.value(), 0));
                }
            }
            if (lines.stream().anyMatch(RawProperty::quotedPrintable)) {
                lines = keepPhysical(written, lines);
            }
        }
        RawComponent edited = raw.replace(name, lines);
        return VCardMapper.reread(edited);
    }

    /** Quoted-printable lines cannot be refolded with spaces, so they keep ez-vcard's own line breaks. */
    private static List<RawProperty> keepPhysical(RawComponent written, List<RawProperty> lines) {
        List<RawProperty> out = new ArrayList<>();
        for (RawProperty p : written.properties()) {
            if (!p.is("VERSION")) {
                out.add(new RawProperty(p.text(), p.unfolded(), p.group(), p.name(), p.params(), p.value(), Integer.MAX_VALUE));
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContactSource s && s.raw.equals(raw);
    }

    @Override
    public int hashCode() {
        return raw.hashCode();
    }
}
