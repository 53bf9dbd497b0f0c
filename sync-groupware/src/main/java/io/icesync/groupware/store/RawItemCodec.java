package io.icesync.groupware.store;

import io.icesync.core.Flags;
import io.icesync.core.FolderKind;

/**
 * For remote stores whose items are the objects themselves (CalDAV, CardDAV): the content is the
 * iCalendar or vCard text, with no message around it.
 */
public final class RawItemCodec implements ItemCodec {
    @Override
    public String name() {
        return "raw";
    }

    @Override
    public LocalObject decode(FolderKind kind, byte[] content) {
        ObjectText text = ObjectText.of(content);
        if (text.problem() != null) {
            throw new MalformedItemException("an object that cannot be read: " + text.problem());
        }
        String s = new String(content, 0, Math.min(content.length, 64), java.nio.charset.StandardCharsets.US_ASCII)
                .toUpperCase(java.util.Locale.ROOT);
        return new LocalObject(text.uid(), s.contains("BEGIN:VCARD") ? "vcf" : "ics", content);
    }

    @Override
    public byte[] encode(FolderKind kind, LocalObject object) {
        return object.content();
    }

    /** None: CalDAV and CardDAV list every object without flags, so a file written here must not differ. */
    @Override
    public Flags unknownObjectFlags() {
        return Flags.NONE;
    }
}
