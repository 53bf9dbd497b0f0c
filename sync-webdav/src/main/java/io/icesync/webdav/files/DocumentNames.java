package io.icesync.webdav.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * How a document's file name travels between a documents {@link io.icesync.core.spi.RemoteStore}
 * and a documents {@link io.icesync.core.spi.LocalStore}, whose SPI methods carry content but no
 * name. The content itself is always the raw file: nothing is added to it.
 *
 * <ul>
 *   <li><b>Upload</b> ({@code RemoteStore.append}): the local store's {@code open} returns a
 *       {@link NamedContent}; the remote store reads the name with {@link #nameOf(InputStream)}.</li>
 *   <li><b>Download</b> ({@code ItemSink.accept} then {@code LocalStore.add}): the engine wraps the
 *       stream it hands on, so the name cannot ride on it. The remote store runs each
 *       {@code accept} inside {@link #during(String, Action)}; the local store reads
 *       {@link #current()} in {@code add}, which the engine calls on the same thread within
 *       {@code accept}.</li>
 * </ul>
 * A store that finds no name makes one up ({@code document-<uid>}), so either store still works
 * with a partner that does not follow this contract.
 */
public final class DocumentNames {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private DocumentNames() {
    }

    /** Wraps a document's content with its file name (the stream itself is unchanged). */
    public static NamedContent named(String name, long length, InputStream content) {
        return new NamedContent(name, length, content);
    }

    /** The name carried by a stream from {@link #named}, or null. */
    public static String nameOf(InputStream content) {
        return content instanceof NamedContent n ? n.name() : null;
    }

    /** The name of the document being delivered on this thread (inside {@link #during}), or null. */
    public static String current() {
        return CURRENT.get();
    }

    /** Runs {@code action} with {@code name} as the {@link #current()} document name of this thread. */
    public static void during(String name, Action action) throws IOException {
        String before = CURRENT.get();
        CURRENT.set(name);
        try {
            action.run();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** Work done while a document name is current. */
    @FunctionalInterface
    public interface Action {
        void run() throws IOException;
    }

    /** A document's raw content with its file name and length (-1 when unknown). */
    public static final class NamedContent extends FilterInputStream {
        private final String name;
        private final long length;

        NamedContent(String name, long length, InputStream in) {
            super(in);
            this.name = name;
            this.length = length;
        }

        public String name() {
            return name;
        }

        public long length() {
            return length;
        }
    }
}
