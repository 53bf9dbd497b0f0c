package io.icesync.core.internal.engine;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/** Reads the Message-ID of a message from its header, streaming: only the header is looked at. */
public final class MessageIds {
    /** Headers longer than this are not searched further (a Message-ID comes early in practice). */
    static final int MAX_HEADER = 64 * 1024;

    private MessageIds() {
    }

    /** The Message-ID in {@code in} (read up to the end of the header), or null. Does not close the stream. */
    public static String read(InputStream in) throws IOException {
        Sniffer s = new Sniffer(in);
        byte[] buf = new byte[8192];
        while (!s.done() && s.read(buf) >= 0) {
            // reading drives the sniffer
        }
        return s.messageId();
    }

    /** Wraps a stream so that the Message-ID is captured while the content passes through unchanged. */
    public static Sniffer sniff(InputStream in) {
        return new Sniffer(in);
    }

    /** A pass-through stream that remembers the header section it has seen. */
    public static final class Sniffer extends FilterInputStream {
        /** Grown as the header needs, up to MAX_HEADER: most headers are a few kilobytes, and every message passes here. */
        private byte[] header = new byte[4096];
        private int len;
        private boolean done;

        Sniffer(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                see(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int n) throws IOException {
            int r = super.read(b, off, n);
            if (r > 0) {
                see(b, off, r);
            }
            return r;
        }

        boolean done() {
            return done;
        }

        private void see(byte[] b, int off, int n) {
            if (done) {
                return;
            }
            int take = Math.min(n, MAX_HEADER - len);
            if (len + take > header.length) {
                header = Arrays.copyOf(header, Math.min(MAX_HEADER, Math.max(len + take, header.length * 2)));
            }
            System.arraycopy(b, off, header, len, take);
            int from = Math.max(0, len - 3);
            len += take;
            for (int i = from; i + 1 < len; i++) {
                if (header[i] == '\n' && (header[i + 1] == '\n'
                        || (header[i + 1] == '\r' && i + 2 < len && header[i + 2] == '\n'))) {
                    len = i + 1;
                    done = true;
                    return;
                }
            }
            if (len == MAX_HEADER) {
                done = true;
            }
        }

        /** The Message-ID seen so far, with its angle brackets, or null. */
        public String messageId() {
            return parse(new String(header, 0, len, StandardCharsets.ISO_8859_1));
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
