package io.icesync.core.store;

import io.icesync.core.StoreException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

/**
 * Files written whole or not at all: the content goes to a temporary file in the target's
 * directory, which is synced to disk, renamed over the target in one step, and the directory synced
 * so that the rename survives a power cut. After a crash the target is the old file or the new one,
 * never a mix; what is left is at most a temporary file named {@link #TEMP_PREFIX}{@code <random>},
 * which stores skip when listing and may remove at their next start.
 *
 * <pre>{@code
 * AtomicFiles.writeString(dir.resolve("state.json"), json);
 * }</pre>
 *
 * Errors are {@link StoreException}s that say why in words ({@link StoreException#of}). Where the
 * platform cannot rename atomically the rename is an ordinary replace; where a directory cannot be
 * opened (Windows) its sync is skipped and the rename has to do.
 */
public final class AtomicFiles {
    /** The start of every temporary file's name: hidden, and never taken for an item or a folder. */
    public static final String TEMP_PREFIX = ".icesync-tmp-";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AtomicFiles() {
    }

    /**
     * Writes {@code bytes} as the whole of {@code target}; the directory is created when missing.
     *
     * @param target the file to replace or create
     * @param bytes its whole new content
     * @throws StoreException if the file cannot be written; the old content is then intact
     */
    public static void write(Path target, byte[] bytes) {
        write(target, new ByteArrayInputStream(bytes));
    }

    /**
     * Writes {@code text} in UTF-8 as the whole of {@code target}.
     *
     * @param target the file to replace or create
     * @param text its whole new content
     * @throws StoreException if the file cannot be written; the old content is then intact
     */
    public static void writeString(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Streams {@code content} into {@code target} (never whole in memory); returns the number of bytes written.
     *
     * @param target the file to replace or create
     * @param content read to its end, not closed
     * @return the number of bytes written
     * @throws StoreException if the stream or the file fails; the old content is then intact
     */
    public static long write(Path target, InputStream content) {
        return write(target, content, false);
    }

    /**
     * Like {@link #write(Path, byte[])}, but the file is readable and writable by its owner alone
     * ({@code rw-------}) from the moment it exists, where the file system has POSIX permissions.
     *
     * @param target the file to replace or create
     * @param bytes its whole new content, usually a secret
     * @throws StoreException if the file cannot be written; the old content is then intact
     */
    public static void writeOwnerOnly(Path target, byte[] bytes) {
        write(target, new ByteArrayInputStream(bytes), true);
    }

    private static long write(Path target, InputStream content, boolean ownerOnly) {
        Path dir = directoryOf(target);
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = writeTemp(dir, content, ownerOnly);
            long n = Files.size(tmp);
            move(tmp, target);
            tmp = null;
            syncDirectory(dir);
            return n;
        } catch (IOException e) {
            throw StoreException.of("cannot write " + target, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /**
     * Streams {@code content} into a new temporary file of {@code dir}, synced to disk but not yet under
     * any name a program reads; {@link #publish} gives it its name. A crash leaves it to be removed.
     *
     * @param dir the directory the file will be published in; must exist
     * @param content read to its end, not closed
     * @return the absolute path of the temporary file, named {@link #TEMP_PREFIX}{@code <random>}
     * @throws StoreException if the stream or the file fails; nothing is left behind
     */
    public static Path writeHidden(Path dir, InputStream content) {
        try {
            return writeTemp(dir.toAbsolutePath(), content, false);
        } catch (IOException e) {
            throw StoreException.of("cannot write in " + dir, e);
        }
    }

    /**
     * Gives a file written by {@link #writeHidden} (or any synced file of the same directory) its name,
     * replacing what was there, in one step. The directory is not synced: call {@link #syncDirectory}
     * once after a group of these.
     *
     * @param hidden the synced file to rename
     * @param target its new name, in the same directory
     * @throws StoreException if the rename fails
     */
    public static void publish(Path hidden, Path target) {
        try {
            move(hidden, target);
        } catch (IOException e) {
            throw StoreException.of("cannot move " + hidden + " to " + target, e);
        }
    }

    /**
     * Forces a file's content to disk.
     *
     * @param file the file to sync
     * @throws StoreException if it cannot be opened or synced
     */
    public static void sync(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            throw StoreException.of("cannot sync " + file, e);
        }
    }

    /**
     * Makes a directory's entries (created, renamed, removed files) durable; a no-op where directories cannot be opened.
     *
     * @param dir the directory; null is ignored
     */
    public static void syncDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms cannot open a directory; the rename itself is still atomic there.
        }
    }

    private static Path writeTemp(Path dir, InputStream content, boolean ownerOnly) throws IOException {
        Path tmp = dir.resolve(TEMP_PREFIX + UUID.randomUUID());
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileAttribute<?>[] attributes = ownerOnly && posix(dir)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        boolean done = false;
        try (FileChannel ch = FileChannel.open(tmp, options, attributes);
             OutputStream out = Channels.newOutputStream(ch)) {
            content.transferTo(out);
            out.flush();
            ch.force(true);
            done = true;
            return tmp;
        } finally {
            if (!done) {
                deleteQuietly(tmp);
            }
        }
    }

    private static boolean posix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path directoryOf(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null) {
            throw new IllegalArgumentException("not a file: " + target);
        }
        return dir;
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // a temporary file left behind is removed at the store's next start
        }
    }
}
