package io.icesync.groupware.store;

import io.icesync.core.StoreException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** File names and whole-or-nothing writes for the vdir store. */
final class VdirFiles {
    private VdirFiles() {
    }

    /** A folder name as a directory name: '/', '%', control characters and a leading dot are %-escaped. */
    static String dirName(String segment) {
        StringBuilder b = new StringBuilder();
        byte[] bytes = segment.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            boolean escape = c == '/' || c == '\\' || c == '%' || c < 0x20 || c == 0x7f || (i == 0 && c == '.');
            if (escape) {
                b.append('%').append(String.format(Locale.ROOT, "%02X", c));
            } else {
                b.append((char) c);
            }
        }
        // Non-ASCII bytes were appended one char each; rebuild them as UTF-8 text.
        return new String(b.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** The folder name a directory name stands for. */
    static String segment(String dirName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = dirName.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length) {
                try {
                    out.write(Integer.parseInt(new String(in, i + 1, 2, StandardCharsets.US_ASCII), 16));
                    i += 2;
                    continue;
                } catch (NumberFormatException e) {
                    // a plain '%'
                }
            }
            out.write(in[i]);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A file name for an object: its key made safe, or a fallback; never hidden, never a path. */
    static String fileName(String key, String fallback, String extension) {
        String base = key == null || key.isBlank() ? fallback : key;
        StringBuilder b = new StringBuilder();
        for (char c : base.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '@' || c == '.' ? c : '_');
        }
        String s = b.toString();
        while (s.startsWith(".")) {
            s = "_" + s.substring(1);
        }
        if (s.length() > 120) {
            s = s.substring(0, 120);
        }
        return (s.isEmpty() ? fallback : s) + "." + extension;
    }

    /** Writes beside the file under a dot name, syncs, renames over: readers see the old or the new file. */
    static void write(Path file, byte[] content) {
        Path tmp = file.resolveSibling(".tmp-" + file.getFileName());
        try {
            Files.write(tmp, content);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("cannot write " + file, e);
        }
    }

    /** Writes and syncs a file in place (a hidden file nobody reads until it is renamed). */
    static void writeSynced(Path file, byte[] content) {
        try {
            Files.write(file, content);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        } catch (IOException e) {
            throw new StoreException("cannot write " + file, e);
        }
    }

    static void fsyncDir(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not every platform can open a directory
        }
    }
}
