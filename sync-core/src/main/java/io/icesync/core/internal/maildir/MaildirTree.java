package io.icesync.core.internal.maildir;

import io.icesync.core.FolderKind;
import io.icesync.core.FolderNotFoundException;
import io.icesync.core.FolderPath;
import io.icesync.core.StoreException;
import io.icesync.core.internal.maildir.MaildirFolder.Identity;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folders under the root: found by walking folder directories only (never the message files in
 * cur/, new/ and tmp/), identified by their {@code .icesync-folder} file. A scan keeps the
 * {@link MaildirFolder} objects of folders it finds again, wherever they moved.
 */
final class MaildirTree {
    private static final Logger LOG = LoggerFactory.getLogger(MaildirTree.class);
    private static final int MAX_DEPTH = 64;
    private final Path root;
    private final TreeMap<FolderPath, MaildirFolder> byPath = new TreeMap<>();

    private record Found(FolderPath path, Path dir) {
    }

    private record Dir(Path path, Object key) {
    }

    MaildirTree(Path root) {
        this.root = root;
    }

    /** Every folder, parents before children (FolderPath order puts a prefix first). */
    Collection<MaildirFolder> folders() {
        return byPath.values();
    }

    MaildirFolder find(FolderPath p) {
        return byPath.get(p);
    }

    /** The folder at {@code p}, scanning again once if it is not known (made or moved by another program). */
    MaildirFolder get(FolderPath p) {
        MaildirFolder f = byPath.get(p);
        if (f == null) {
            scan();
            f = byPath.get(p);
            if (f == null) {
                throw new FolderNotFoundException(p, "local store");
            }
        }
        return f;
    }

    /** The directory of {@code p}: its own when known, else the escaped name under its parent's. */
    Path dirFor(FolderPath p) {
        if (p.isRoot()) {
            return root;
        }
        MaildirFolder f = byPath.get(p);
        return f != null ? f.dir() : dirFor(p.parent()).resolve(FolderNames.encode(p.name()));
    }

    /** The folders strictly below {@code p}. */
    List<MaildirFolder> below(FolderPath p) {
        List<MaildirFolder> out = new ArrayList<>();
        for (MaildirFolder f : byPath.tailMap(p, false).values()) {
            if (!f.path().startsWith(p)) {
                break;
            }
            out.add(f);
        }
        return out;
    }

    void put(MaildirFolder f) {
        byPath.put(f.path(), f);
    }

    void remove(FolderPath p) {
        byPath.remove(p);
    }

    /** Follows a directory rename of {@code from} (and what is below it) to {@code to} at {@code newDir}. */
    void moved(FolderPath from, FolderPath to, Path newDir) {
        Path oldDir = byPath.get(from).dir();
        List<MaildirFolder> moving = new ArrayList<>(below(from));
        moving.add(0, byPath.get(from));
        moving.forEach(f -> byPath.remove(f.path()));
        for (MaildirFolder f : moving) {
            f.relocate(newDir.resolve(oldDir.relativize(f.dir())), f.path().rebase(from, to));
            byPath.put(f.path(), f);
        }
    }

    void scan() {
        List<Found> found = new ArrayList<>();
        Set<Object> above = new HashSet<>();
        try {
            above.add(Files.readAttributes(root, BasicFileAttributes.class).fileKey());
        } catch (IOException e) {
            throw new StoreException("cannot read the local store " + root, e);
        }
        walk(root, FolderPath.root(), above, 0, found);
        Map<FolderPath, Found> unique = dropPathClashes(found);

        Map<String, MaildirFolder> known = new HashMap<>();
        byPath.values().forEach(f -> known.put(f.id, f));
        Map<Found, Identity> ids = new LinkedHashMap<>();
        Map<String, List<Found>> byId = new HashMap<>();
        for (Found x : unique.values()) {
            Identity idn = MaildirFolder.readIdentity(x.dir());
            if (idn == null) {
                // Made by another program: given an id on first sight.
                idn = new Identity(UUID.randomUUID().toString(), FolderKind.MAIL);
                MaildirFolder.writeIdentity(x.dir(), idn);
            }
            ids.put(x, idn);
            byId.computeIfAbsent(idn.id(), k -> new ArrayList<>()).add(x);
        }
        for (Map.Entry<String, List<Found>> e : byId.entrySet()) {
            if (e.getValue().size() > 1) {
                // A folder directory copied by another program: the copies get ids of their own.
                Found keeper = keeper(e.getValue(), known.get(e.getKey()));
                for (Found x : e.getValue()) {
                    if (x != keeper) {
                        Identity fresh = new Identity(UUID.randomUUID().toString(), ids.get(x).kind(), ids.get(x).name());
                        MaildirFolder.writeIdentity(x.dir(), fresh);
                        ids.put(x, fresh);
                        LOG.info("the folder directory {} is a copy of {}: it gets an id of its own", x.dir(), keeper.dir());
                    }
                }
            }
        }
        byPath.clear();
        ids.forEach((x, idn) -> {
            MaildirFolder f = known.get(idn.id());
            if (f != null && f.kind == idn.kind()) {
                f.relocate(x.dir(), x.path());
            } else {
                f = new MaildirFolder(x.dir(), x.path(), idn.id(), idn.kind());
            }
            byPath.put(x.path(), f);
        });
    }

    private static Found keeper(List<Found> same, MaildirFolder before) {
        if (before != null) {
            for (Found x : same) {
                if (x.dir().equals(before.dir())) {
                    return x;
                }
            }
            for (Found x : same) {
                if (x.path().equals(before.path())) {
                    return x;
                }
            }
        }
        return same.stream().min(Comparator.comparing(Found::path)).orElseThrow();
    }

    /** Two directories naming one folder (say "a%25b" and a hand-made "a%b"): the one we would have made wins. */
    private static Map<FolderPath, Found> dropPathClashes(List<Found> found) {
        Map<FolderPath, Found> out = new LinkedHashMap<>();
        for (Found x : found) {
            Found other = out.get(x.path());
            if (other == null) {
                out.put(x.path(), x);
                continue;
            }
            boolean canonical = x.dir().getFileName().toString().equals(FolderNames.encode(x.path().name()));
            Found ignored = canonical ? other : x;
            if (canonical) {
                out.put(x.path(), x);
            }
            LOG.warn("the directories {} and {} both name the folder '{}': {} is ignored", other.dir(), x.dir(), x.path(),
                    ignored.dir());
        }
        return out;
    }

    /** Collects the folders below {@code dir}; returns whether there was any. */
    private boolean walk(Path dir, FolderPath path, Set<Object> above, int depth, List<Found> out) {
        boolean any = false;
        for (Dir sub : subdirectories(dir)) {
            Path d = sub.path();
            if (sub.key() != null && above.contains(sub.key())) {
                LOG.warn("ignoring {}: a link to a directory above it", d);
                continue;
            }
            String raw = d.getFileName().toString();
            if (raw.indexOf('\uFFFD') >= 0) {
                if (!FolderNames.PLATFORM_UTF8) {
                    // Guessing the name would rename (or delete) the folder on the server: stop instead.
                    throw new StoreException("the folder directory " + d + " has a name this JVM cannot read with its file name"
                            + " encoding " + System.getProperty("sun.jnu.encoding") + "; run it in a UTF-8 locale"
                            + " (LANG=C.UTF-8)", null);
                }
                LOG.warn("ignoring the directory {}: its name is not UTF-8", d);
                continue;
            }
            FolderPath p = path.child(nameOf(d, raw));
            boolean maildir = MaildirFolder.isMaildir(d);
            int at = out.size();
            if (maildir) {
                out.add(new Found(p, d));
            }
            boolean below = false;
            if (depth < MAX_DEPTH) {
                boolean added = above.add(sub.key());
                below = walk(d, p, above, depth + 1, out);
                if (added) {
                    above.remove(sub.key());
                }
            }
            if (!maildir && below) {
                // A plain directory above folders (mbsync's Verbatim layout makes them): a parent is a folder too.
                MaildirFolder.makeMaildir(d);
                out.add(at, new Found(p, d));
            }
            any |= maildir || below;
        }
        return any;
    }

    /** The folder name of a directory: decoded, or for a shortened one the full name its identity keeps. */
    private static String nameOf(Path dir, String raw) {
        if (FolderNames.isShortened(raw)) {
            Identity idn = MaildirFolder.readIdentity(dir);
            if (idn != null && idn.name() != null && FolderNames.shortenedFrom(raw, idn.name())) {
                return idn.name();
            }
        }
        return FolderNames.decode(raw);
    }

    /** A case-only rename (see the store) stopped between its two steps: the folder gets the name it was going to. */
    private static Path finishRename(Path between, String name) {
        Path target = between.resolveSibling(name);
        try {
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(between, target, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("finished renaming the folder directory {} to {}", between, target);
                return target;
            }
        } catch (IOException e) {
            throw new StoreException("cannot finish renaming " + between + " to " + target, e);
        }
        return between;
    }

    /** Sub-directories that may be folders: not cur/new/tmp, not hidden (our names never start with '.'). */
    private static List<Dir> subdirectories(Path dir) {
        List<Dir> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.startsWith(Leftovers.RENAMING) && n.length() > Leftovers.RENAMING.length()) {
                    p = finishRename(p, n.substring(Leftovers.RENAMING.length()));
                    n = p.getFileName().toString();
                }
                if (n.startsWith(".") || n.equals("cur") || n.equals("new") || n.equals("tmp")) {
                    continue;
                }
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    continue;
                }
                if (a.isDirectory()) {
                    out.add(new Dir(p, a.fileKey()));
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | DirectoryIteratorException e) {
            throw new StoreException("cannot read the local folder directory " + dir, e);
        }
        out.sort(Comparator.comparing(d -> d.path().getFileName().toString()));
        return out;
    }
}
