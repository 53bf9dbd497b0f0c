package io.icesync.client.internal;

import io.icesync.client.InvalidTnefException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hmef.Attachment;
import org.apache.poi.hmef.HMEFMessage;
import org.apache.poi.hmef.attribute.MAPIAttribute;
import org.apache.poi.hmef.attribute.MAPIStringAttribute;
import org.apache.poi.hsmf.datatypes.MAPIProperty;

/** One TNEF stream opened with Apache POI's HMEF into named files: its attachments, then its body. */
public final class TnefUnpacker {
    private static final int MAX_NAME = 200;

    /** A file to write: a plain file name (no folder) and its bytes. */
    public record File(String name, byte[] content) {
    }

    private TnefUnpacker() {
    }

    /** @param message the file the stream came from, named in errors */
    public static List<File> unpack(Path message, TnefParts.Stream part) {
        try {
            HMEFMessage tnef = new HMEFMessage(new ByteArrayInputStream(part.tnef()));
            List<File> out = new ArrayList<>();
            int n = 0;
            for (Attachment a : tnef.getAttachments()) {
                n++;
                String name = a.getLongFilename() != null ? a.getLongFilename() : a.getFilename();
                out.add(new File(safeName(name, "attachment-" + n), a.getContents()));
            }
            body(tnef, MAPIProperty.RTF_COMPRESSED, "message.rtf", out);
            body(tnef, MAPIProperty.BODY_HTML, "message.html", out);
            body(tnef, MAPIProperty.BODY, "message.txt", out);
            return out;
        } catch (IOException | RuntimeException e) {
            // HMEF reports a damaged stream with runtime exceptions of several kinds.
            throw new InvalidTnefException(message, "the TNEF attachment " + part.where() + " of " + message
                    + " cannot be opened: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    private static void body(HMEFMessage tnef, MAPIProperty property, String name, List<File> out) {
        MAPIAttribute attr = tnef.getMessageMAPIAttribute(property);
        if (attr == null) {
            return;
        }
        // Strings as UTF-8; RTF (decompressed) and binary HTML as the bytes they are.
        byte[] data = attr instanceof MAPIStringAttribute s ? s.getDataString().getBytes(StandardCharsets.UTF_8)
                : attr.getData();
        if (data.length > 0) {
            out.add(new File(name, data));
        }
    }

    /** The last segment of {@code name}, without characters file systems refuse; {@code otherwise} when none is left. */
    static String safeName(String name, String otherwise) {
        if (name == null) {
            return otherwise;
        }
        String s = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        s = s.replaceAll("[\\p{Cntrl}:*?\"<>|]", "_").strip();
        while (s.startsWith(".")) {
            s = s.substring(1);
        }
        if (s.length() > MAX_NAME) {
            int dot = s.lastIndexOf('.');
            String ext = dot > 0 && s.length() - dot <= 16 ? s.substring(dot) : "";
            s = s.substring(0, MAX_NAME - ext.length()) + ext;
        }
        return s.isEmpty() ? otherwise : s;
    }
}
