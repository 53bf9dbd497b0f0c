package io.icesync.core.internal.engine;

import io.icesync.core.MessageHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads the Message-ID of a message from its header, streaming: only the header is looked at. */
public final class MessageIds {
    /** Headers longer than this are not searched further (a Message-ID comes early in practice). */
    static final int MAX_HEADER = 64 * 1024;

    private MessageIds() {
    }

    /** The Message-ID in {@code in} (read up to the end of the header), or null. Does not close the stream. */
    public static String read(InputStream in) throws IOException {
        return parse(new String(MessageHeaders.headerBlock(in, MAX_HEADER), StandardCharsets.ISO_8859_1));
    }

    /** Wraps a stream so that the Message-ID is captured while the content passes through unchanged. */
    public static Sniffer sniff(InputStream in) {
        return new Sniffer(in);
    }

    /** A pass-through stream that remembers the header section it has seen. */
    public static final class Sniffer extends MessageHeaders.Tap {
        Sniffer(InputStream in) {
            super(in, MAX_HEADER);
        }

        /** The Message-ID seen so far, with its angle brackets, or null. */
        public String messageId() {
            return parse(new String(bytes(), StandardCharsets.ISO_8859_1));
        }
    }

    static String parse(String header) {
        String[] lines = header.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.length() >= 11 && line.substring(0, 11).toLowerCase(Locale.ROOT).equals("message-id:")) {
                StringBuilder v = new StringBuilder(line.substring(11));
                while (i + 1 < lines.length && !lines[i + 1].isEmpty()
                        && (lines[i + 1].charAt(0) == ' ' || lines[i + 1].charAt(0) == '\t')) {
                    v.append(lines[++i]);
                }
                String s = v.toString().trim();
                int lt = s.indexOf('<');
                int gt = s.indexOf('>', lt + 1);
                if (lt >= 0 && gt > lt) {
                    return s.substring(lt, gt + 1);
                }
                return s.isEmpty() ? null : s;
            }
        }
        return null;
    }
}
