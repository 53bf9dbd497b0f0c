package io.icesync.core.internal.maildir;

import io.icesync.core.FolderKind;
import io.icesync.core.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * One folder's directory and what the store keeps beside its messages: the folder's own id and
 * kind in {@code .icesync-folder} (so that a folder renamed by another program keeps its id), the
 * keyword letters and the index id -> current file.
 */
final class MaildirFolder {
    static final String META = ".icesync-folder";
    final Path dir;
    final String id;
    final FolderKind kind;
    private KeywordTable keywords;
    private ExtraKeywords extras;
    /** id -> path relative to dir ("cur/name" or "new/name"); rebuilt by a scan. */
    final Map<String, String> index = new HashMap<>();

    private MaildirFolder(Path dir, String id, FolderKind kind) {
        this.dir = dir;
        this.id = id;
        this.kind = kind;
    }

    static boolean isFolder(Path dir) {
        return Files.isDirectory(dir.resolve("cur"));
    }

    /** Reads (or gives, for a folder made by another program) the folder's id and kind. */
    static MaildirFolder load(Path dir) {
        Path meta = dir.resolve(META);
        Properties p = new Properties();
        if (Files.exists(meta)) {
            try (var r = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new StoreException("cannot read " + meta, e);
            }
        }
        String id = p.getProperty("id");
        FolderKind kind;
        try {
            kind = FolderKind.valueOf(p.getProperty("kind", "MAIL"));
        } catch (IllegalArgumentException e) {
            kind = FolderKind.MAIL;
        }
        if (id == null || id.isBlank()) {
            id = UUID.randomUUID().toString();
            writeMeta(dir, id, kind);
        }
        return new MaildirFolder(dir, id, kind);
    }

    static MaildirFolder create(Path dir, FolderKind kind) {
        try {
            for (String sub : new String[] {"tmp", "new", "cur"}) {
                Files.createDirectories(dir.resolve(sub));
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the Maildir folder " + dir, e);
        }
        if (Files.exists(dir.resolve(META))) {
            return load(dir);
        }
        String id = UUID.randomUUID().toString();
        writeMeta(dir, id, kind);
        return new MaildirFolder(dir, id, kind);
    }

    private static void writeMeta(Path dir, String id, FolderKind kind) {
        String text = "# IceSync folder identity: keeps a renamed folder recognisable\nid=" + id + "\nkind=" + kind.name() + "\n";
        AtomicFiles.write(dir.resolve(META), text.getBytes(StandardCharsets.UTF_8));
    }

    MaildirFolder at(Path newDir) {
        return new MaildirFolder(newDir, id, kind);
    }

    KeywordTable keywords() {
        if (keywords == null) {
            keywords = new KeywordTable(dir);
        }
        return keywords;
    }

    ExtraKeywords extras() {
        if (extras == null) {
            extras = new ExtraKeywords(dir);
        }
        return extras;
    }
}
