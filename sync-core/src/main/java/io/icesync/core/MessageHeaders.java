package io.icesync.core;

import io.icesync.core.internal.engine.MessageIds;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Header look-ups that stores and connectors share with the engine. */
public final class MessageHeaders {
    private MessageHeaders() {
    }

    /**
     * The Message-ID of a message or header block, reading no further than the header.
     *
     * @param message the message's bytes from its start; the caller closes it
     * @return the Message-ID with its angle brackets, or null if none
     * @throws IOException when reading {@code message} fails
     */
    public static String messageId(InputStream message) throws IOException {
        return MessageIds.read(message);
    }

    /**
     * The header block of a message: its lines up to the empty line that ends them (that line left
     * out), or all of a message without body. Reading stops within a few kilobytes past it.
     *
     * @param message the message's bytes from its start; the caller closes it
     * @param max     at most this many bytes are kept; a longer header block is cut there
     * @return the header block's bytes
     * @throws IOException when reading {@code message} fails
     */
    public static byte[] headerBlock(InputStream message, int max) throws IOException {
        Tap tap = new Tap(message, max);
        byte[] buf = new byte[8192];
        while (!tap.complete() && tap.read(buf) >= 0) {
            // reading drives the tap
        }
        return tap.bytes();
    }

    /**
     * A stream that passes a message through unchanged and keeps its header block as it goes by, so
     * that a download read once is also looked into once.
     */
    public static class Tap extends FilterInputStream {
        private final int max;
        /** Grown as the header needs, up to max: most are a few kilobytes, and every message passes here. */
        private byte[] header;
        private int len;
        private boolean complete;

        /**
         * @param in  the message from its start
         * @param max at most this many bytes of header are kept
         */
        public Tap(InputStream in, int max) {
            super(in);
            if (max < 1) {
                throw new IllegalArgumentException("max must be positive: " + max);
            }
            this.max = max;
            this.header = new byte[Math.min(max, 2048)];
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
            int r = in.read(b, off, n);
            if (r > 0) {
                see(b, off, r);
            }
            return r;
        }

        /**
         * Tells whether the header block went by.
         *
         * @return true once the whole header block was read through the tap, or {@code max} bytes of it
         */
        public boolean complete() {
            return complete;
        }

        /**
         * The header block seen so far.
         *
         * @return a copy of its bytes: all of it once {@link #complete()}, at most {@code max} bytes
         */
        public byte[] bytes() {
            return Arrays.copyOf(header, len);
        }

        private void see(byte[] b, int off, int n) {
            if (complete) {
                return;
            }
            int take = Math.min(n, max - len);
            if (len + take > header.length) {
                header = Arrays.copyOf(header, Math.min(max, Math.max(len + take, header.length * 2)));
            }
            System.arraycopy(b, off, header, len, take);
            int from = Math.max(0, len - 3);
            len += take;
            for (int i = from; i + 1 < len; i++) {
                if (header[i] == '\n' && (header[i + 1] == '\n'
                        || (header[i + 1] == '\r' && i + 2 < len && header[i + 2] == '\n'))) {
                    len = i + 1;
                    complete = true;
                    return;
                }
            }
            if (len == max) {
                complete = true;
            }
        }
    }
}
