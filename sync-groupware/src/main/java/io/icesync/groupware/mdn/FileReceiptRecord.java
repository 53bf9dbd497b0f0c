package io.icesync.groupware.mdn;

import io.icesync.core.store.AtomicFiles;
import io.icesync.core.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A {@link ReceiptRecord} in a UTF-8 text file, one key a line, that survives restarts. Each change
 * writes the whole list to a temporary file in the same folder, forces it to disk and renames it over
 * the old one, so a crash leaves either the old list or the new one, never half of one. Several
 * processes must not share one file.
 */
public final class FileReceiptRecord implements ReceiptRecord {
    private final Path file;
    private final Set<String> keys = new LinkedHashSet<>();

    /**
     * Reads the file if it exists; a missing file is an empty record.
     *
     * @param file the record's text file, one key a line
     * @throws io.icesync.core.StoreException when the file exists but cannot be read
     */
    public FileReceiptRecord(Path file) {
        this.file = file.toAbsolutePath();
        try {
            for (String line : Files.readAllLines(this.file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    keys.add(line.trim());
                }
            }
        } catch (NoSuchFileException e) {
            // nothing answered yet
        } catch (IOException e) {
            throw StoreException.of("cannot read the read-receipt record " + this.file, e);
        }
    }

    /** {@return the record's text file} */
    public Path file() {
        return file;
    }

    @Override
    public synchronized boolean add(String key) {
        String k = check(key);
        if (keys.contains(k)) {
            return false;
        }
        keys.add(k);
        try {
            write();
        } catch (RuntimeException e) {
            keys.remove(k);
            throw e;
        }
        return true;
    }

    @Override
    public synchronized boolean contains(String key) {
        return keys.contains(key.trim());
    }

    @Override
    public synchronized void remove(String key) {
        if (keys.remove(key.trim())) {
            write();
        }
    }

    private static String check(String key) {
        String k = key.trim();
        if (k.isEmpty() || k.indexOf('\n') >= 0 || k.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a receipt key is one non-empty line");
        }
        return k;
    }

    private void write() {
        StringBuilder b = new StringBuilder();
        keys.forEach(k -> b.append(k).append('\n'));
        try {
            AtomicFiles.writeString(file, b.toString());
        } catch (StoreException e) {
            throw StoreException.of("cannot write the read-receipt record " + file, (IOException) e.getCause());
        }
    }

    @Override
    public String toString() {
        return "FileReceiptRecord[" + file + "]";
    }
}
