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
import java.nio.file.Path;
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
