package io.icesync.webdav.files.internal;

import io.icesync.core.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Files written whole beside their target, synced and renamed over it: after a crash the target is
 * the old file or the new one, never a mix. Temporary names start with {@link #TEMP_PREFIX}.
 */
public final class AtomicFiles {
    /** Names of temporary files; stores never list them as items. */
    public static final String TEMP_PREFIX = ".icesync-tmp-";

    private AtomicFiles() {
    }

    /** Streams {@code content} into {@code target}; returns the number of bytes written. */
    public static long write(Path target, InputStream content) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve(TEMP_PREFIX + UUID.randomUUID());
        try {
            long n;
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(ch)) {
                n = content.transferTo(out);
                out.flush();
                ch.force(true);
            }
            move(tmp, target);
            return n;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the temporary file is removed at the next start
            }
            throw StoreException.of("cannot write " + target, e);
        }
    }

    /**
     * Streams {@code content} into a new hidden file of {@code dir}, synced to disk but not yet under
     * any name a program reads (see {@link #publish}); a crash leaves it to be removed at the next start.
     */
    public static Path writeHidden(Path dir, InputStream content) {
        Path tmp = dir.toAbsolutePath().resolve(TEMP_PREFIX + UUID.randomUUID());
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = Channels.newOutputStream(ch)) {
            content.transferTo(out);
            out.flush();
            ch.force(true);
            return tmp;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the temporary file is removed at the next start
            }
            throw StoreException.of("cannot write in " + dir, e);
        }
    }

    /** Gives a hidden file written by {@link #writeHidden} its name, atomically. */
    public static void publish(Path hidden, Path target) {
        try {
            move(hidden, target);
        } catch (IOException e) {
            throw StoreException.of("cannot move " + hidden + " to " + target, e);
        }
    }

    public static void write(Path target, byte[] bytes) {
        write(target, new java.io.ByteArrayInputStream(bytes));
    }

    /** Makes a directory's entries (created, renamed, removed files) durable; a no-op where directories cannot be opened. */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory; the rename itself is still atomic there.
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
