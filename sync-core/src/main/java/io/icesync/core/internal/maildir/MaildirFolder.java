package io.icesync.core.internal.maildir;

import io.icesync.core.store.AtomicFiles;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.StoreException;
import io.icesync.core.spi.LocalFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * One folder: its directory, its identity and what the store caches about it. The identity (a
 * random id and the folder kind) lives in {@code .icesync-folder} inside the directory, so a folder
 * renamed or moved by another program keeps its id. The object outlives rescans of the tree (the
 * tree relocates it), so its caches survive too.
 */
final class MaildirFolder {
    static final String META = ".icesync-folder";
    /** How long a directory must have been still before its time is trusted as a change mark. */
    static final Duration SETTLE = Duration.ofSeconds(2);
    final String id;
    final FolderKind kind;
    private Path dir;
    private FolderPath path;
    /** id -> the message file as last seen; rebuilt by a listing, checked before use. */
    final Map<String, Path> index = new HashMap<>();
    final KeywordTable keywords;
    final ExtraKeywords extras;

    MaildirFolder(Path dir, FolderPath path, String id, FolderKind kind) {
        this.dir = dir;
        this.path = path;
        this.id = id;
        this.kind = kind;
        this.keywords = new KeywordTable(dir);
        this.extras = new ExtraKeywords(dir);
    }

    Path dir() {
        return dir;
    }

    FolderPath path() {
        return path;
    }

    Path sub(String name) {
        return dir.resolve(name);
    }

    LocalFolder toLocalFolder() {
        return new LocalFolder(path, id, kind);
    }

    void relocate(Path newDir, FolderPath newPath) {
        if (!newDir.equals(dir)) {
            dir = newDir;
            keywords.relocate(newDir);
            extras.relocate(newDir);
            index.clear();
        }
        path = newPath;
    }

    /**
     * The modification times and identities of cur/ and new/ (any file added, removed or renamed there:
     * a new message, a deletion, a flag change) and of the two keyword files; null when one of them
     * changed less than {@link #SETTLE} ago, since a change in the same clock tick would leave the same
     * time behind (the racy case git knows for its index).
     */
    String changeMark(Instant now) {
        StringBuilder mark = new StringBuilder();
        Instant settled = now.minus(SETTLE);
        for (String name : new String[] {"cur", "new", KeywordTable.FILE, ExtraKeywords.FILE}) {
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(dir.resolve(name), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException absent) {
                mark.append("-;");
                continue;
            } catch (IOException e) {
                return null;
            }
            Instant modified = a.lastModifiedTime().toInstant();
            if (!modified.isBefore(settled)) {
                return null;
            }
            mark.append(modified.getEpochSecond()).append('.').append(modified.getNano()).append(',')
                    .append(a.size()).append(',').append(a.fileKey()).append(';');
        }
        return mark.toString();
    }

    static boolean isMaildir(Path dir) {
        return Files.isDirectory(dir.resolve("cur"));
    }

    /** Creates the missing cur/, new/ and tmp/ (cur last: it is what makes a directory a folder). */
    static void makeMaildir(Path dir) {
        try {
            for (String sub : new String[] {"tmp", "new", "cur"}) {
                Files.createDirectories(dir.resolve(sub));
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the Maildir folder " + dir, e);
        }
    }

    /**
     * What {@code .icesync-folder} says: the folder's id, its kind and, for a folder whose directory
     * name is shortened ({@link FolderNames}), its full name (null otherwise).
     */
    record Identity(String id, FolderKind kind, String name) {
        Identity(String id, FolderKind kind) {
            this(id, kind, null);
        }

        Identity withName(String n) {
            return new Identity(id, kind, n);
        }
    }

    /** The identity written in a folder directory, or null when there is none (a folder made by another program). */
    static Identity readIdentity(Path dir) {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(dir.resolve(META), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | IllegalArgumentException e) {
            throw new StoreException("cannot read " + dir.resolve(META), e);
        }
        String id = p.getProperty("id", "").strip();
        if (id.isEmpty()) {
            return null;
        }
        FolderKind kind;
        try {
            kind = FolderKind.valueOf(p.getProperty("kind", "MAIL").strip());
        } catch (IllegalArgumentException e) {
            kind = FolderKind.MAIL;
        }
        String name = p.getProperty("name");
        return new Identity(id, kind, name == null || name.isEmpty() ? null : name);
    }

    static void writeIdentity(Path dir, Identity identity) {
        String text = "# IceSync folder identity: keeps a folder renamed by any program recognisable\nid=" + identity.id()
                + "\nkind=" + identity.kind().name() + "\n"
                + (identity.name() == null ? "" : "name=" + propertyValue(identity.name()) + "\n");
        AtomicFiles.write(dir.resolve(META), text.getBytes(StandardCharsets.UTF_8));
    }

    /** A value as {@link Properties#load} reads it back whole: ASCII, backslash escapes. */
    private static String propertyValue(String v) {
        StringBuilder b = new StringBuilder(v.length() + 16);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' || (i == 0 && c == ' ') || c == '#' || c == '!' || c == '=' || c == ':') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
