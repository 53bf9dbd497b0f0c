package io.icesync.webdav.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * File names from a message made safe to create in a folder the user chose: never a path (no
 * separators, no "..", no drive letters), nothing Windows refuses (reserved device names, {@code <>:"|?*},
 * control characters, trailing dots and spaces), not hidden, not too long; and never over an
 * existing file ({@code "report (2).pdf"}).
 */
public final class SafeFileNames {
    private static final int MAX_CHARS = 150;
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private SafeFileNames() {
    }

    /** A name that stays inside the folder and that every common file system accepts. */
    public static String safe(String name) {
        String n = name == null ? "" : name;
        // Only the last segment of anything that looks like a path.
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        StringBuilder b = new StringBuilder();
        n.codePoints().forEach(c -> {
            boolean bad = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || "<>:\"|?*".indexOf(c) >= 0
                    || Character.getType(c) == Character.FORMAT;
            b.appendCodePoint(bad ? '_' : c);
        });
        n = b.toString().strip();
        while (n.startsWith(".")) {
            n = n.substring(1);
        }
        while (n.endsWith(".") || n.endsWith(" ")) {
            n = n.substring(0, n.length() - 1);
        }
        if (n.isEmpty()) {
            n = "attachment";
        }
        int dot = n.indexOf('.');
        String stem = (dot < 0 ? n : n.substring(0, dot)).strip().toUpperCase(Locale.ROOT);
        if (RESERVED.contains(stem)) {
            n = "_" + n;
        }
        return shorten(n);
    }

    /**
     * The name itself when nothing is there (or only its unfinished {@code .part}, which a download
     * continues), else the first free {@code "stem (k).ext"}.
     */
    public static Path unused(Path folder, String safeName) {
        Path p = folder.resolve(safeName);
        if (!Files.exists(p)) {
            return p;
        }
        int dot = safeName.lastIndexOf('.');
        String stem = dot > 0 ? safeName.substring(0, dot) : safeName;
        String ext = dot > 0 ? safeName.substring(dot) : "";
        for (int k = 2;; k++) {
            Path candidate = folder.resolve(stem + " (" + k + ")" + ext);
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
    }

    /** Keeps the extension; leaves room for " (k)" and ".part.validator". */
    private static String shorten(String n) {
        if (n.length() <= MAX_CHARS) {
            return n;
        }
        int dot = n.lastIndexOf('.');
        String ext = dot > 0 && n.length() - dot <= 16 ? n.substring(dot) : "";
        String stem = n.substring(0, MAX_CHARS - ext.length());
        if (Character.isHighSurrogate(stem.charAt(stem.length() - 1))) {
            stem = stem.substring(0, stem.length() - 1);
        }
        return stem.strip() + ext;
    }
}
