package io.icesync.groupware;

import io.icesync.groupware.internal.ContentLineWriter;
import io.icesync.groupware.internal.VCardMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes vCards 2.1 (quoted-printable and CHARSET included), 3.0 and 4.0 as
 * {@link Contact}s. A card is written back in the version it came in, untouched lines byte for
 * byte. Warnings from ez-vcard and about skipped cards are collected in the result; broken
 * BEGIN/END nesting throws {@link GroupwareFormatException} with the line.
 */
public final class VCardCodec {

    /**
     * Reads every VCARD of the text (vCard 2.1, 3.0 or 4.0).
     *
     * @param text the text
     * @return the contacts read, and what was skipped
     * @throws GroupwareFormatException when BEGIN/END nesting is broken, naming the line
     */
    public ParseResult<Contact> parse(String text) {
        List<ParseWarning> warnings = new ArrayList<>();
        List<Contact> contacts = VCardMapper.read(text, warnings);
        return new ParseResult<>(contacts, warnings);
    }

    /**
     * Reads the bytes as UTF-8; vCard 2.1 values in another charset name it in CHARSET and are quoted-printable.
     *
     * @param in the input, read to its end and not closed
     * @return the contacts read, and what was skipped
     * @throws GroupwareFormatException when BEGIN/END nesting is broken, naming the line
     */
    public ParseResult<Contact> parse(InputStream in) {
        try {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param contact the contact
     * @return its VCARD text, properties IceSync does not model kept as they were read
     */
    public String write(Contact contact) {
        return ContentLineWriter.write(contact.source().raw());
    }

    /**
     * @param contacts the contacts
     * @return their VCARDs, one after the other
     */
    public String writeAll(List<Contact> contacts) {
        StringBuilder out = new StringBuilder();
        for (Contact c : contacts) {
            ContentLineWriter.write(c.source().raw(), out);
        }
        return out.toString();
    }
}
