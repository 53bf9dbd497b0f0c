package io.icesync.client.internal;

import io.icesync.client.InvalidMessageException;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** The TNEF attachments of a message file: parts typed application/ms-tnef, or named winmail.dat. */
public final class TnefParts {
    /**
     * For parsing only, made at the first message parsed: a Session looks the mail providers up through
     * ServiceLoader, once per Session.
     */
    private static final class Parsing {
        static final Session SESSION = Session.getInstance(new Properties());
    }

    /** A TNEF stream begins with this number, little-endian (MS-OXTNEF 2.1.3.1). */
    private static final byte[] SIGNATURE = {0x78, (byte) 0x9f, 0x3e, 0x22};

    /** One TNEF stream: where it was found (for errors) and its bytes, transfer encoding removed. */
    public record Stream(String where, byte[] tnef) {
    }

    private TnefParts() {
    }

    /** The TNEF streams of {@code file}; a file that is itself a TNEF stream is one. */
    public static List<Stream> of(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Stream> out = new ArrayList<>();
        if (startsWithSignature(bytes)) {
            out.add(new Stream(file.getFileName().toString(), bytes));
            return out;
        }
        try {
            MimeMessage m = new MimeMessage(Parsing.SESSION, new ByteArrayInputStream(bytes));
            collect(m, "message", out);
        } catch (MessagingException | IOException e) {
            throw new InvalidMessageException(file + " is not a readable message: " + e.getMessage(), e);
        }
        return out;
    }

    private static void collect(Part p, String where, List<Stream> out) throws MessagingException, IOException {
        String type = baseType(p);
        if (type.startsWith("multipart/")) {
            Object content = p.getContent();
            if (content instanceof Multipart mp) {
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart b = mp.getBodyPart(i);
                    collect(b, where + " part " + (i + 1), out);
                }
            }
            return;
        }
        String name = fileName(p);
        if (type.equals("application/ms-tnef") || type.equals("application/vnd.ms-tnef")
                || "winmail.dat".equalsIgnoreCase(name)) {
            try (InputStream in = p.getInputStream()) {
                out.add(new Stream(name != null ? name + " (" + where + ")" : where, in.readAllBytes()));
            }
        }
    }

    private static String baseType(Part p) throws MessagingException {
        String header = p.getContentType();
        if (header == null) {
            return "text/plain";
        }
        try {
            return new ContentType(header).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException e) {
            return "application/octet-stream";
        }
    }

    private static String fileName(Part p) {
        try {
            return p.getFileName();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static boolean startsWithSignature(byte[] b) {
        if (b.length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (b[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }
}
