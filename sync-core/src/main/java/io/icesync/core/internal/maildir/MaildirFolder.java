package io.icesync.core.internal.maildir;

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

    record Identity(String id, FolderKind kind) {
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
        return new Identity(id, kind);
    }

    static void writeIdentity(Path dir, Identity identity) {
        String text = "# IceSync folder identity: keeps a folder renamed by any program recognisable\nid=" + identity.id()
                + "\nkind=" + identity.kind().name() + "\n";
        AtomicFiles.write(dir.resolve(META), text.getBytes(StandardCharsets.UTF_8));
    }
}
