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

    public ParseResult<Contact> parse(String text) {
        List<ParseWarning> warnings = new ArrayList<>();
        List<Contact> contacts = VCardMapper.read(text, warnings);
        return new ParseResult<>(contacts, warnings);
    }

    /** Reads the bytes as UTF-8; vCard 2.1 values in another charset name it in CHARSET and are quoted-printable. */
    public ParseResult<Contact> parse(InputStream in) {
        try {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String write(Contact contact) {
        return ContentLineWriter.write(contact.source().raw());
    }

    public String writeAll(List<Contact> contacts) {
        StringBuilder out = new StringBuilder();
        for (Contact c : contacts) {
            ContentLineWriter.write(c.source().raw(), out);
        }
        return out.toString();
    }
}
