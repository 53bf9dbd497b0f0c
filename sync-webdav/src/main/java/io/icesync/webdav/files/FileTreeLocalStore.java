package io.icesync.webdav.files;

import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderNotFoundException;
import io.icesync.core.FolderPath;
import io.icesync.core.StoreException;
import io.icesync.core.spi.EmptyRoot;
import io.icesync.core.spi.LocalFolder;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.store.AtomicFiles;
import io.icesync.webdav.files.internal.ContentHashes;
import io.icesync.webdav.files.internal.FileNames;
import io.icesync.webdav.files.internal.FolderSidecar;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Documents as a plain directory tree, readable and writable by any program: one directory per
 * folder ({@code DIR/Files/Projects}), each document a file under its own name with its own bytes.
 *
 * <ul>
 *   <li>A folder's id lives in a hidden {@value #FOLDER_ID_FILE} file in its directory, so a directory
 *       renamed or moved by any program keeps its identity. A copied directory (two with one id)
 *       gets a new id for the copy.</li>
 *   <li>An item's id is {@code <folder id>/<file name>}: unique in the store, as the engine's state
 *       needs, and stable across folder renames. A file moved to another folder is a new item there.</li>
 *   <li>{@link LocalItem#name()} is the file name, which the engine gives the server as the name of
 *       an upload; {@link LocalItem#key()} is the document's name on the server (the file name, or the
 *       name it could not take locally, see below); {@link LocalItem#version()} the SHA-256 of the
 *       content, cached by size and modification time.</li>
 *   <li>{@link #add(FolderPath, Flags, long, String, InputStream)} names the file by the name the
 *       server gave (without one, or with one unusable as a file name, {@code document-<uid>}); when
 *       that name is taken it writes {@code name (2).ext} and keeps the wanted name as the key. Every
 *       write is a temporary file, fsync, rename; {@link #flush} writes the hidden flags files
 *       ({@value FolderSidecar#FILE}) and syncs the directories.</li>
 *   <li>{@link #open} returns the file's bytes as they are.</li>
 * </ul>
 * Items of documents folders only ({@link #syncsItemsOf}). Names starting with {@code .icesync} are
 * IceSync's own and never items or folders. One thread at a time.
 */
public final class FileTreeLocalStore implements LocalStore {
    /** The hidden file holding a folder's id. */
    public static final String FOLDER_ID_FILE = ".icesync-folder";

    private final Path root;
    /** The root did not exist at open: once synced, it was moved away or is not mounted. */
    private final boolean rootWasMissing;
    private final ContentHashes hashes = new ContentHashes();
    private final Map<Path, Map<String, FolderSidecar.Meta>> sidecars = new HashMap<>();
    private final Set<Path> dirty = new HashSet<>();
    private final Set<Path> touchedDirs = new HashSet<>();
    /**
     * Documents added since the last flush, still in hidden files: the flush saves their UID hints, then
     * gives them their names, so a kill never leaves a visible file the sync would take for a new one.
     */
    private final Map<Path, Map<String, Path>> pending = new HashMap<>();

    /**
     * A store over {@code root} (created if missing); temporary files left by a crash are removed.
     *
     * @param root the documents folder
     * @throws io.icesync.core.StoreException when the folder cannot be created or read
     */
    public FileTreeLocalStore(Path root) {
        this.root = root.toAbsolutePath();
        this.rootWasMissing = !Files.isDirectory(this.root);
        try {
            Files.createDirectories(this.root);
            try (Stream<Path> s = Files.walk(this.root)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    if (p.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw StoreException.of("cannot open the documents directory " + root, e);
        }
    }

    /** {@return the documents folder this store keeps} */
    public Path root() {
        return root;
    }

    /**
     * The file of an item, for callers that hand it to another program.
     *
     * @param folder the item's folder
     * @param id     the item's local id
     * @return the file's path (it may not exist)
     */
    public Path file(FolderPath folder, String id) {
        return dir(folder).resolve(nameOf(id));
    }

    /** Where the item's bytes are now: its hidden file until the next flush, then its file. */
    private Path content(FolderPath folder, String id) {
        Path dir = dir(folder);
        Path hidden = pending.getOrDefault(dir, Map.of()).get(nameOf(id));
        return hidden != null ? hidden : dir.resolve(nameOf(id));
    }

    @Override
    public boolean syncsItemsOf(FolderKind kind) {
        return kind == FolderKind.DOCUMENTS;
    }

    /** The folder a file or directory under the root belongs to: its directory's (a directory's own); IceSync's files name none. */
    @Override
    public Optional<FolderPath> folderAt(Path file) {
        Path f = file.toAbsolutePath().normalize();
        if (!f.startsWith(root) || f.equals(root)) {
            return Optional.empty();
        }
        Path rel = root.relativize(f);
        int names = Files.isDirectory(f) ? rel.getNameCount() : rel.getNameCount() - 1;
        if (names < 1) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>();
        for (int i = 0; i < rel.getNameCount(); i++) {
            String n = rel.getName(i).toString();
            if (n.startsWith(".") || n.startsWith(AtomicFiles.TEMP_PREFIX)) {
                return Optional.empty();
            }
            if (i < names) {
                segments.add(n);
            }
        }
        return Optional.of(FolderPath.of(segments));
    }

    @Override
    public List<LocalFolder> folders() {
        List<LocalFolder> out = new ArrayList<>();
        walk(root, FolderPath.root(), out, new HashSet<>());
        return out;
    }

    @Override
    public List<EmptyRoot> emptyRoots() {
        if (!folders().isEmpty()) {
            return List.of();
        }
        return List.of(new EmptyRoot(root.toString(), rootWasMissing, Set.of(FolderKind.DOCUMENTS)));
    }

    private void walk(Path dir, FolderPath path, List<LocalFolder> out, Set<String> seen) {
        for (Path child : sorted(dir)) {
            String name = child.getFileName().toString();
            if (!Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS) || !FileNames.usable(name)) {
                continue;
            }
            String id = folderId(child);
            if (!seen.add(id)) {
                id = newFolderId(child);
                seen.add(id);
            }
            FolderPath p = path.child(name);
            out.add(new LocalFolder(p, id, FolderKind.DOCUMENTS));
            walk(child, p, out, seen);
        }
    }

    @Override
    public LocalFolder createFolder(FolderPath path, FolderKind kind) {
        Path dir = root;
        for (String n : path.names()) {
            dir = dir.resolve(checked(n));
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw StoreException.of("cannot create " + dir, e);
            }
            folderId(dir);
        }
        return new LocalFolder(path, folderId(dir), FolderKind.DOCUMENTS);
    }

    @Override
    public void renameFolder(FolderPath from, FolderPath to) {
        flushPending();
        Path a = existingDir(from);
        Path b = dir(to);
        try {
            Files.createDirectories(b.getParent());
            Files.move(a, b);
        } catch (IOException e) {
            throw StoreException.of("cannot rename " + a + " to " + b, e);
        }
        forgetUnder(a);
        AtomicFiles.syncDirectory(a.getParent());
        AtomicFiles.syncDirectory(b.getParent());
    }

    @Override
    public void deleteFolder(FolderPath path) {
        flushPending();
        Path dir = dir(path);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> all = s.sorted((x, y) -> y.getNameCount() - x.getNameCount()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw StoreException.of("cannot delete " + dir, e);
        } catch (UncheckedIOException e) {
            throw StoreException.of("cannot delete " + dir, e.getCause());
        }
        forgetUnder(dir);
        AtomicFiles.syncDirectory(dir.getParent());
    }

    @Override
    public List<LocalItem> items(FolderPath folder) {
        Path dir = existingDir(folder);
        String folderId = folderId(dir);
        Map<String, FolderSidecar.Meta> meta = sidecar(dir);
        List<LocalItem> out = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (Path f : sorted(dir)) {
            String name = f.getFileName().toString();
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                continue; // removed while listing
            }
            if (!a.isRegularFile() || !FileNames.usable(name)) {
                continue;
            }
            present.add(name);
            FolderSidecar.Meta m = meta.get(name);
            String version = hashes.of(f, a.size(), a.lastModifiedTime().to(TimeUnit.MICROSECONDS));
            out.add(new LocalItem(folderId + "/" + name, m == null ? Flags.NONE : m.flags(), a.size(),
                    m == null ? 0 : m.uid, m == null || m.key == null ? name : m.key, version, name));
        }
        for (Map.Entry<String, Path> e : pending.getOrDefault(dir, Map.of()).entrySet()) {
            String name = e.getKey();
            Path f = e.getValue();
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException x) {
                continue;
            }
            present.add(name);
            FolderSidecar.Meta m = meta.get(name);
            String version = hashes.of(f, a.size(), a.lastModifiedTime().to(TimeUnit.MICROSECONDS));
            out.add(new LocalItem(folderId + "/" + name, m == null ? Flags.NONE : m.flags(), a.size(),
                    m == null ? 0 : m.uid, m == null || m.key == null ? name : m.key, version, name));
        }
        // Entries of files deleted by the user would otherwise pass their flags to a new file of the same name.
        if (meta.keySet().retainAll(present)) {
            dirty.add(dir);
        }
        return out;
    }

    @Override
    public InputStream open(FolderPath folder, String id) {
        Path f = content(folder, id);
        try {
            return Files.newInputStream(f);
        } catch (NoSuchFileException e) {
            throw new StoreException("no document " + f, e);
        } catch (IOException e) {
            throw StoreException.of("cannot read " + f, e);
        }
    }

    /** A document without a name: it is named {@code document-<uid>}. */
    @Override
    public String add(FolderPath folder, Flags flags, long uidHint, InputStream content) {
        return add(folder, flags, uidHint, null, content);
    }

    /**
     * Writes a document as {@code name}, or as {@code name (2).ext} when that file exists (the key keeps
     * {@code name}); a name that cannot be a file name here, or none, gives {@code document-<uid>}.
     */
    @Override
    public String add(FolderPath folder, Flags flags, long uidHint, String name, InputStream content) {
        Path dir = existingDir(folder);
        String wanted = FileNames.usable(name) ? name : FileNames.fallback(uidHint);
        Map<String, Path> waiting = pending.computeIfAbsent(dir, d -> new java.util.LinkedHashMap<>());
        String free = wanted;
        for (int n = 2; Files.exists(dir.resolve(free), LinkOption.NOFOLLOW_LINKS) || waiting.containsKey(free); n++) {
            free = FileNames.alternative(wanted, n);
        }
        waiting.put(free, AtomicFiles.writeHidden(dir, content));
        FolderSidecar.Meta m = new FolderSidecar.Meta();
        m.flags(flags);
        m.uid = uidHint;
        m.key = free.equals(wanted) ? null : wanted;
        sidecar(dir).put(free, m);
        dirty.add(dir);
        touchedDirs.add(dir);
        return folderId(dir) + "/" + free;
    }

    @Override
    public void flush() {
        // UID hints first: a kill before the renames leaves hints without files (dropped), never the reverse.
        for (Path dir : dirty) {
            if (Files.isDirectory(dir)) {
                FolderSidecar.save(dir, sidecar(dir));
                touchedDirs.add(dir);
            }
        }
        dirty.clear();
        for (Map.Entry<Path, Map<String, Path>> e : pending.entrySet()) {
            for (Map.Entry<String, Path> p : e.getValue().entrySet()) {
                Path target = e.getKey().resolve(p.getKey());
                AtomicFiles.publish(p.getValue(), target);
                hashes.forget(p.getValue());
                hashes.forget(target);
            }
            touchedDirs.add(e.getKey());
        }
        pending.clear();
        for (Path dir : touchedDirs) {
            AtomicFiles.syncDirectory(dir);
        }
        touchedDirs.clear();
    }

    @Override
    public void replaceContent(FolderPath folder, String id, InputStream content) {
        flushPending();
        Path f = file(folder, id);
        if (!Files.isRegularFile(f)) {
            throw new StoreException("no document " + f, null);
        }
        AtomicFiles.write(f, content);
        hashes.forget(f);
        touchedDirs.add(f.getParent());
    }

    @Override
    public void setFlags(FolderPath folder, String id, Flags flags) {
        flushPending();
        Path f = file(folder, id);
        if (!Files.isRegularFile(f)) {
            throw new StoreException("no document " + f, null);
        }
        Map<String, FolderSidecar.Meta> meta = sidecar(f.getParent());
        meta.computeIfAbsent(nameOf(id), k -> new FolderSidecar.Meta()).flags(flags);
        dirty.add(f.getParent());
    }

    /** Moves the file to the other folder's directory; there its id is {@code <that folder's id>/<name>}. */
    @Override
    public void move(FolderPath from, String id, FolderPath to) {
        flushPending();
        Path f = file(from, id);
        Path target = existingDir(to);
        String name = nameOf(id);
        String free = name;
        for (int n = 2; Files.exists(target.resolve(free), LinkOption.NOFOLLOW_LINKS); n++) {
            free = FileNames.alternative(name, n);
        }
        try {
            Files.move(f, target.resolve(free), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw StoreException.of("cannot move " + f + " to " + target, e);
        }
        FolderSidecar.Meta m = sidecar(f.getParent()).remove(name);
        if (m != null) {
            sidecar(target).put(free, m);
        }
        dirty.add(f.getParent());
        dirty.add(target);
    }

    @Override
    public void delete(FolderPath folder, String id) {
        Path hidden = pending.getOrDefault(dir(folder), new HashMap<>()).remove(nameOf(id));
        if (hidden != null) {
            try {
                Files.deleteIfExists(hidden);
            } catch (IOException e) {
                throw StoreException.of("cannot delete " + hidden, e);
            }
            sidecar(dir(folder)).remove(nameOf(id));
            dirty.add(dir(folder));
            return;
        }
        Path f = file(folder, id);
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            throw StoreException.of("cannot delete " + f, e);
        }
        hashes.forget(f);
        if (sidecar(f.getParent()).remove(nameOf(id)) != null) {
            dirty.add(f.getParent());
        }
        touchedDirs.add(f.getParent());
    }

    /** Documents still waiting in hidden files get their names before an operation that needs them. */
    private void flushPending() {
        if (!pending.isEmpty()) {
            flush();
        }
    }

    @Override
    public void close() {
        flush();
    }

    private Map<String, FolderSidecar.Meta> sidecar(Path dir) {
        return sidecars.computeIfAbsent(dir, FolderSidecar::load);
    }

    private void forgetUnder(Path dir) {
        sidecars.keySet().removeIf(p -> p.startsWith(dir));
        dirty.removeIf(p -> p.startsWith(dir));
        touchedDirs.removeIf(p -> p.startsWith(dir));
    }

    private Path dir(FolderPath folder) {
        if (folder.isRoot()) {
            throw new FolderNotFoundException(folder, "client");
        }
        Path d = root;
        for (String n : folder.names()) {
            d = d.resolve(checked(n));
        }
        return d;
    }

    private Path existingDir(FolderPath folder) {
        Path d = dir(folder);
        if (!Files.isDirectory(d)) {
            throw new FolderNotFoundException(folder, "client");
        }
        return d;
    }

    private static String checked(String name) {
        if (!FileNames.usable(name)) {
            throw new StoreException("not a usable folder or file name: '" + name + "'", null);
        }
        return name;
    }

    private static String nameOf(String id) {
        return checked(id.substring(id.indexOf('/') + 1));
    }

    private static String folderId(Path dir) {
        Path f = dir.resolve(FOLDER_ID_FILE);
        try {
            if (Files.isRegularFile(f)) {
                String id = Files.readString(f, StandardCharsets.UTF_8).trim();
                if (!id.isEmpty() && id.indexOf('/') < 0) {
                    return id;
                }
            }
        } catch (IOException e) {
            throw StoreException.of("cannot read " + f, e);
        }
        return newFolderId(dir);
    }

    private static String newFolderId(Path dir) {
        String id = UUID.randomUUID().toString().replace("-", "");
        AtomicFiles.write(dir.resolve(FOLDER_ID_FILE), id.getBytes(StandardCharsets.UTF_8));
        AtomicFiles.syncDirectory(dir);
        return id;
    }

    private static List<Path> sorted(Path dir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(out::add);
        } catch (IOException e) {
            throw StoreException.of("cannot list " + dir, e);
        }
        out.sort(null);
        return out;
    }
}
