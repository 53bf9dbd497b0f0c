package io.icesync.groupware.store;

import io.icesync.core.store.AtomicFiles;
import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderNotFoundException;
import io.icesync.core.FolderPath;
import io.icesync.core.StoreException;
import io.icesync.core.spi.EmptyRoot;
import io.icesync.core.spi.LocalFolder;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.LocalStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * Groupware folders as a vdir, the layout vdirsyncer, khal and khard read: one directory per folder,
 * one {@code .ics} or {@code .vcf} file per object, named after its UID (a message the codec could not
 * read is kept as {@code .eml}). The engine sees server messages: {@link #add} and
 * {@link #replaceContent} take the object out of one with the folder's {@link ItemCodec}, and
 * {@link #open} builds the message back. Each item's key is its UID and its version a hash of the
 * content that ignores re-serialisation, so an app may rewrite a file in another order without it
 * counting as an edit. An item's id is {@code <folder id>/<file name>}, unique across folders. IMAP
 * flags and UID hints live in {@code .icesync-items}, except the keywords an object holds itself
 * (its CATEGORIES, a task's completion: see {@link ObjectFlags}), and the folder's id and
 * kind in {@code .icesync-folder}; a directory another program made is adopted as a folder.
 */
public final class VdirLocalStore implements LocalStore {
    static final String FOLDER_FILE = ".icesync-folder";
    static final String ITEMS_FILE = ".icesync-items";

    private final Path root;
    private final Function<FolderPath, ItemCodec> codecs;
    private final Set<Path> dirty = new LinkedHashSet<>();
    /** Key, version and message size by file, valid while size and modification time stay the same. */
    private final Map<Path, Known> known = new HashMap<>();

    /**
     * {@code messageSize} is the size of what {@link #open} gives, which the engine sends to the server;
     * {@code flags} the keywords the object holds itself (null for a file that is not a readable object).
     */
    private record Known(long size, long modifiedNanos, String key, String version, long messageSize, ObjectFlags flags) {
        Flags over(Flags sidecar) {
            return flags == null ? sidecar : flags.over(sidecar);
        }
    }

    /**
     * Key, version and message size of each file, kept in {@code .icesync-index} so that a new process
     * reads only the files that changed: a resync with nothing changed costs a directory listing.
     */
    static final String INDEX_FILE = ".icesync-index";
    private final Set<Path> indexLoaded = new java.util.HashSet<>();

    private record Entry(Flags flags, long uidHint) {
    }

    /**
     * Names of files deleted by key, per folder directory: a server edit deletes the old copy then adds
     * the new one, which takes the old name back, so a file a user named keeps its name.
     */
    private final Map<Path, Map<String, String>> deletedNames = new HashMap<>();

    /**
     * Objects added since the last {@link #flush}: written whole to a hidden {@code .new-} file, made
     * visible under their name by the flush, after their flags and UID hints are saved. A crash before
     * the flush leaves only hidden files, removed at the next start, and the objects are downloaded again.
     */
    private final Map<Path, Map<String, Path>> pendingFiles = new HashMap<>();
    /** Each folder's flags file as last read or written; deletions are saved at the next flush. */
    private final Map<Path, Map<String, Entry>> entryCache = new HashMap<>();
    private final Set<Path> entriesToSave = new LinkedHashSet<>();
    private final Map<Path, String> folderIds = new HashMap<>();
    private final Map<Path, Map<String, Entry>> pendingEntries = new HashMap<>();

    /** The root did not exist at open: once synced, it was moved away or is not mounted. */
    private final boolean rootWasMissing;

    /** The largest object (or object message) read by default: 8 MiB, far above any contact or event. */
    public static final long DEFAULT_MAX_OBJECT_BYTES = 8L << 20;
    private final long maxObjectBytes;

    /**
     * A store under {@code root}; {@code codecs} gives each folder's codec.
     *
     * @param root   the groupware directory, created if missing
     * @param codecs each folder's codec
     */
    public VdirLocalStore(Path root, Function<FolderPath, ItemCodec> codecs) {
        this(root, codecs, DEFAULT_MAX_OBJECT_BYTES);
    }

    /**
     * A store whose objects are at most {@code maxObjectBytes} long, as files and as messages: a larger
     * one is never read whole; it fails alone with an {@link ObjectTooLargeException}.
     *
     * @param root           the groupware directory, created if missing
     * @param codecs         each folder's codec
     * @param maxObjectBytes the largest object, in bytes
     */
    public VdirLocalStore(Path root, Function<FolderPath, ItemCodec> codecs, long maxObjectBytes) {
        this.root = Objects.requireNonNull(root, "root");
        this.codecs = Objects.requireNonNull(codecs, "codecs");
        if (maxObjectBytes < 1024) {
            throw new IllegalArgumentException("maxObjectBytes must be at least 1024, got " + maxObjectBytes);
        }
        this.maxObjectBytes = maxObjectBytes;
        this.rootWasMissing = !Files.isDirectory(root);
        try {
            Files.createDirectories(root);
            removeLeftovers(root);
        } catch (IOException e) {
            throw new StoreException("cannot create the groupware folder " + root, e);
        }
    }

    /** Folders being deleted: renamed here first, so that a kill never leaves half a folder. */
    private static final String TRASH = ".icesync-deleted-";

    /** Files a killed process was writing: never made visible, so never synced; folders caught in a delete. */
    private static void removeLeftovers(Path root) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, TRASH + "*")) {
            for (Path d : ds) {
                deleteTree(d);
            }
        }
        try (var files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String n = f.getFileName().toString();
                if (n.startsWith(".new-") || n.startsWith(".tmp-") || n.startsWith(AtomicFiles.TEMP_PREFIX)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /**
     * A store whose folders read MIME and Kolab objects and write MIME ({@link AutoItemCodec}).
     *
     * @param root the groupware directory, created if missing
     */
    public VdirLocalStore(Path root) {
        this(root, p -> new AutoItemCodec());
    }

    @Override
    public boolean syncsItemsOf(FolderKind kind) {
        return kind != FolderKind.MAIL && kind != FolderKind.DOCUMENTS;
    }

    Path dir(FolderPath p) {
        Path d = root;
        for (String s : p.names()) {
            d = d.resolve(VdirFiles.dirName(s));
        }
        return d;
    }

    private Path existing(FolderPath p) {
        Path d = dir(p);
        if (!Files.isRegularFile(d.resolve(FOLDER_FILE))) {
            if (Files.isDirectory(d) && adopt(d) != null) {
                return d;
            }
            throw new FolderNotFoundException(p, "groupware store " + root);
        }
        return d;
    }

    /**
     * Whether this store holds the folder at {@code p}.
     *
     * @param p a folder path
     * @return whether the folder is one of this store's
     */
    public synchronized boolean holds(FolderPath p) {
        return !p.isRoot() && Files.isRegularFile(dir(p).resolve(FOLDER_FILE));
    }

    /** Whether any folder of this store lies under {@code p} (or is {@code p}). */
    synchronized boolean holdsUnder(FolderPath p) {
        return Files.isDirectory(dir(p));
    }

    /** Moves the directory of {@code from} with everything in it, whether {@code from} is a folder here or not. */
    synchronized void moveTree(FolderPath from, FolderPath to) {
        flush();
        Path a = dir(from);
        Path z = dir(to);
        try {
            Files.createDirectories(z.getParent());
            Files.move(a, z, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("cannot rename '" + from + "' to '" + to + "'", e);
        }
        forget(a);
        keepName(z, to.name());
        VdirFiles.fsyncDir(a.getParent());
        VdirFiles.fsyncDir(z.getParent());
    }

    /** Drops what is cached of a directory tree that moved or went away. */
    private void forget(Path dir) {
        known.keySet().removeIf(p -> p.startsWith(dir));
        indexLoaded.removeIf(p -> p.startsWith(dir));
        entryCache.keySet().removeIf(p -> p.startsWith(dir));
        folderIds.keySet().removeIf(p -> p.startsWith(dir));
    }

    /**
     * Item ids are {@code <folder id>/<file name>}: the same file name may be in two folders (one
     * contact in two address books), and the sync state needs ids unique across the store. A folder
     * keeps its id when renamed, so its items keep theirs.
     */
    private String idOf(Path d, String name) {
        return folderIds.computeIfAbsent(d, x -> {
            Properties p = identity(x);
            return p == null ? "?" : p.getProperty("id");
        }) + "/" + name;
    }

    private static String nameOf(String id) {
        int slash = id.lastIndexOf('/');
        return slash < 0 ? id : id.substring(slash + 1);
    }

    // ------------------------------------------------------------------ folders

    @Override
    public synchronized List<LocalFolder> folders() {
        List<LocalFolder> out = new ArrayList<>();
        walk(root, FolderPath.root(), out);
        return out;
    }

    /** The deepest folder whose directory holds {@code file}. */
    @Override
    public synchronized Optional<FolderPath> folderAt(Path file) {
        Path f = file.toAbsolutePath().normalize();
        FolderPath best = null;
        for (LocalFolder l : folders()) {
            if (f.startsWith(dir(l.path()).toAbsolutePath().normalize())
                    && (best == null || l.path().depth() > best.depth())) {
                best = l.path();
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public synchronized List<EmptyRoot> emptyRoots() {
        if (!folders().isEmpty()) {
            return List.of();
        }
        return List.of(new EmptyRoot(root.toAbsolutePath().toString(), rootWasMissing, EnumSet.allOf(FolderKind.class)));
    }

    private void walk(Path dir, FolderPath path, List<LocalFolder> out) {
        List<Path> subs = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, Files::isDirectory)) {
            ds.forEach(subs::add);
        } catch (IOException e) {
            throw new StoreException("cannot list " + dir, e);
        }
        subs.sort(null);
        for (Path sub : subs) {
            String name = sub.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            Properties id = identity(sub);
            String full = id == null ? null : id.getProperty("name");
            FolderPath p = path.child(full != null && VdirFiles.shortenedFrom(name, full) ? full : VdirFiles.segment(name));
            if (id == null) {
                id = adopt(sub);
            }
            if (id != null) {
                out.add(new LocalFolder(p, id.getProperty("id"), kind(id)));
            }
            walk(sub, p, out);
        }
    }

    private static FolderKind kind(Properties id) {
        try {
            return FolderKind.valueOf(id.getProperty("kind", "EVENTS").strip());
        } catch (IllegalArgumentException e) {
            return FolderKind.EVENTS;
        }
    }

    private static Properties identity(Path dir) {
        Path f = dir.resolve(FOLDER_FILE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new StoreException("cannot read " + f, e);
        }
        return p.getProperty("id") == null ? null : p;
    }

    /** A directory with objects but no identity (made by another program): a folder of the kind its files say. */
    private Properties adopt(Path dir) {
        boolean ics = false;
        boolean vcf = false;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path f : ds) {
                String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                ics |= n.endsWith(".ics");
                vcf |= n.endsWith(".vcf");
            }
        } catch (IOException e) {
            return null;
        }
        if (!ics && !vcf) {
            return null;
        }
        return writeIdentity(dir, vcf && !ics ? FolderKind.CONTACTS : FolderKind.EVENTS);
    }

    /** Records another kind for a folder that stays where it is (events to tasks): same id, same files. */
    synchronized void recordKind(FolderPath path, FolderKind kind) {
        Path d = existing(path);
        Properties id = identity(d);
        if (id != null && kind(id) != kind) {
            writeIdentity(d, kind, id.getProperty("id"), id.getProperty("name"));
        }
    }

    private static Properties writeIdentity(Path dir, FolderKind kind) {
        return writeIdentity(dir, kind, "g-" + UUID.randomUUID(), null);
    }

    /** {@code name}: the full folder name, kept for a directory whose name is shortened (null for none). */
    private static Properties writeIdentity(Path dir, FolderKind kind, String folderId, String name) {
        Properties p = new Properties();
        p.setProperty("id", folderId);
        p.setProperty("kind", kind.name());
        if (name != null) {
            p.setProperty("name", name);
        }
        StringWriter w = new StringWriter();
        try {
            p.store(w, "IceSync folder identity: keeps a renamed folder recognisable");
        } catch (IOException e) {
            throw new StoreException("cannot write the identity of " + dir, e);
        }
        VdirFiles.write(dir.resolve(FOLDER_FILE), w.toString().getBytes(StandardCharsets.UTF_8));
        return p;
    }

    /** A folder whose directory name is shortened keeps its full name in its identity, for {@link #folders}. */
    private static void keepName(Path dir, String name) {
        Properties id = identity(dir);
        String wanted = VdirFiles.isShortened(dir.getFileName().toString()) ? name : null;
        if (id != null && !Objects.equals(id.getProperty("name"), wanted)) {
            writeIdentity(dir, kind(id), id.getProperty("id"), wanted);
        }
    }

    @Override
    public synchronized LocalFolder createFolder(FolderPath path, FolderKind kind) {
        if (path.isRoot()) {
            throw new IllegalArgumentException("the root is not a folder");
        }
        Path d = dir(path);
        Properties id = identity(d);
        if (id == null) {
            try {
                Files.createDirectories(d);
            } catch (IOException e) {
                throw new StoreException("cannot create " + d, e);
            }
            id = writeIdentity(d, kind);
            VdirFiles.fsyncDir(d.getParent());
        }
        keepName(d, path.name());
        return new LocalFolder(path, id.getProperty("id"), kind(id));
    }

    @Override
    public synchronized void renameFolder(FolderPath from, FolderPath to) {
        flush();
        Path a = existing(from);
        Path z = dir(to);
        if (Files.exists(z)) {
            throw new StoreException("cannot rename '" + from + "' to '" + to + "': it exists already", null);
        }
        try {
            Files.createDirectories(z.getParent());
            Files.move(a, z, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("cannot rename '" + from + "' to '" + to + "'", e);
        }
        forget(a);
        keepName(z, to.name());
        VdirFiles.fsyncDir(a.getParent());
        VdirFiles.fsyncDir(z.getParent());
    }

    @Override
    public synchronized void deleteFolder(FolderPath path) {
        flush();
        Path d = existing(path);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(d, Files::isDirectory)) {
            for (Path sub : ds) {
                if (!sub.getFileName().toString().startsWith(".")) {
                    throw new StoreException("cannot delete '" + path + "': it still has the sub-folder '"
                            + VdirFiles.segment(sub.getFileName().toString()) + "'", null);
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot list " + d, e);
        }
        // One rename makes the folder disappear whole: files deleted one by one, a kill in the middle
        // would leave objects without the folder's identity, taken for a new folder at the next look.
        Path trash = root.resolve(TRASH + UUID.randomUUID());
        try {
            try {
                Files.move(d, trash, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                VdirFiles.fsyncDir(d.getParent());
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                trash = d;
            }
            forget(d);
            deleteTree(trash);
        } catch (IOException e) {
            throw new StoreException("cannot delete " + d, e);
        }
        VdirFiles.fsyncDir(d.getParent());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ------------------------------------------------------------------ items

    private static boolean isItem(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && (n.endsWith(".ics") || n.endsWith(".vcf") || n.endsWith(".eml"));
    }

    @Override
    public synchronized List<LocalItem> items(FolderPath folder) {
        Path d = existing(folder);
        loadIndex(d);
        indexChanged = false;
        Map<String, Entry> entries = cached(d);
        FolderKind kind = kind(identity(d));
        ItemCodec codec = codecs.apply(folder);
        List<LocalItem> out = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(d, f -> isItem(f.getFileName().toString())
                && Files.isRegularFile(f))) {
            ds.forEach(files::add);
        } catch (IOException e) {
            throw new StoreException("cannot list " + d, e);
        }
        files.sort(null);
        Map<String, Path> pending = pendingFiles.getOrDefault(d, Map.of());
        Map<String, Entry> pendingFlags = pendingEntries.getOrDefault(d, Map.of());
        for (Map.Entry<String, Path> p : pending.entrySet()) {
            Known k = knownOf(p.getValue(), codec, kind);
            Entry e = pendingFlags.get(p.getKey());
            out.add(new LocalItem(idOf(d, p.getKey()), k.over(e.flags()), k.messageSize(), e.uidHint(), k.key(), k.version()));
        }
        for (Path f : files) {
            String id = f.getFileName().toString();
            Known k = knownOf(f, codec, kind);
            if (k == null) {
                continue; // gone while listing
            }
            Entry e = entries.getOrDefault(id, new Entry(codec.unknownObjectFlags(), 0));
            out.add(new LocalItem(idOf(d, id), k.over(e.flags()), k.messageSize(), e.uidHint(), k.key(), k.version()));
        }
        if (indexChanged) {
            saveIndex(d);
        }
        return out;
    }

    private boolean indexChanged;

    private void loadIndex(Path d) {
        if (!indexLoaded.add(d)) {
            return;
        }
        Path f = d.resolve(INDEX_FILE);
        if (!Files.isRegularFile(f)) {
            return;
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(f, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return; // a damaged index only costs reading the files again
        }
        for (String name : p.stringPropertyNames()) {
            String[] v = p.getProperty(name).split(" ", 6);
            if (v.length < 5) {
                continue; // an entry of an older index: that file is read again
            }
            try {
                known.put(d.resolve(name), new Known(Long.parseLong(v[0]), Long.parseLong(v[1]),
                        v.length == 6 && !v[5].isEmpty() ? v[5] : null, v[3], Long.parseLong(v[2]), flagsField(v[4])));
            } catch (NumberFormatException e) {
                // that file is read again
            }
        }
    }

    private void saveIndex(Path d) {
        Properties p = new Properties();
        known.forEach((f, k) -> {
            String name = f.getFileName().toString();
            if (d.equals(f.getParent()) && !name.startsWith(".")) {
                p.setProperty(name, k.size() + " " + k.modifiedNanos() + " " + k.messageSize() + " " + k.version() + " "
                        + flagsField(k.flags()) + " " + (k.key() == null ? "" : k.key()));
            }
        });
        StringWriter w = new StringWriter();
        try {
            p.store(w, "IceSync: key, version and message size of each file, while its size and time stay the same");
        } catch (IOException e) {
            return;
        }
        VdirFiles.write(d.resolve(INDEX_FILE), w.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** An object's own keywords in the index: "-" for none kept, else "t" (a task) or "o", then "(keyword" each. */
    private static String flagsField(ObjectFlags f) {
        if (f == null) {
            return "-";
        }
        StringBuilder b = new StringBuilder(f.task() ? "t" : "o");
        f.keywords().forEach(k -> b.append('(').append(k));
        return b.toString();
    }

    private static ObjectFlags flagsField(String s) {
        if (s.equals("-")) {
            return null;
        }
        if (!s.startsWith("t") && !s.startsWith("o")) {
            throw new NumberFormatException("not an object's keywords: " + s);
        }
        TreeSet<String> kw = new TreeSet<>();
        for (String k : s.substring(1).split("\\(")) {
            if (!k.isEmpty()) {
                kw.add(k);
            }
        }
        return new ObjectFlags(s.startsWith("t"), kw);
    }

    private Known knownOf(Path f, ItemCodec codec, FolderKind kind) {
        try {
            long size = Files.size(f);
            long t = Files.getLastModifiedTime(f).to(java.util.concurrent.TimeUnit.NANOSECONDS);
            Known k = known.get(f);
            if (k != null && k.size() == size && k.modifiedNanos() == t) {
                return k;
            }
            indexChanged = true;
            if (size > maxObjectBytes) {
                // Listed without being read: its upload fails alone (object() refuses it), the rest goes on.
                k = new Known(size, t, null, "size:" + size + ":" + t, size, null);
                known.put(f, k);
                return k;
            }
            byte[] content = Files.readAllBytes(f);
            boolean eml = f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".eml");
            ObjectText text = eml ? null : ObjectText.of(content);
            String ext = eml ? "eml" : f.getFileName().toString().substring(f.getFileName().toString().lastIndexOf('.') + 1)
                    .toLowerCase(Locale.ROOT);
            String key = eml ? null : text.uid();
            long messageSize = codec.encode(kind, new LocalObject(key, ext, content)).length;
            k = new Known(size, t, key, eml ? ObjectText.sha256(content) : text.version(), messageSize,
                    eml ? null : ObjectFlags.of(text));
            known.put(f, k);
            return k;
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new StoreException("cannot read " + f, e);
        }
    }

    private LocalObject object(Path f) {
        String name = f.getFileName().toString();
        if (name.startsWith(".new-")) {
            name = name.substring(5);
        }
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        try {
            if (Files.size(f) > maxObjectBytes) {
                throw new ObjectTooLargeException("the file " + f, maxObjectBytes);
            }
            byte[] content = Files.readAllBytes(f);
            return new LocalObject(ext.equals("eml") ? null : ObjectText.of(content).uid(), ext, content);
        } catch (IOException e) {
            throw new StoreException("cannot read " + f, e);
        }
    }

    @Override
    public synchronized InputStream open(FolderPath folder, String id) {
        Path f = item(folder, nameOf(id));
        LocalFolder lf = folderOf(folder);
        return new ByteArrayInputStream(codecs.apply(folder).encode(lf.kind(), object(f)));
    }

    private LocalFolder folderOf(FolderPath folder) {
        Properties id = identity(existing(folder));
        return new LocalFolder(folder, id.getProperty("id"), kind(id));
    }

    private Path item(FolderPath folder, String name) {
        Path d = existing(folder);
        Path pending = pendingFiles.getOrDefault(d, Map.of()).get(name);
        if (pending != null) {
            return pending;
        }
        Path f = d.resolve(name);
        if (!isItem(name) || name.contains("/") || !Files.isRegularFile(f)) {
            throw new StoreException("no item '" + name + "' in groupware folder '" + folder + "'", null);
        }
        return f;
    }

    @Override
    public synchronized String add(FolderPath folder, Flags flags, long uidHint, InputStream content) {
        Path d = existing(folder);
        LocalObject o = codecs.apply(folder).decode(folderOf(folder).kind(), readAll(content, folder));
        String reused = o.key() == null ? null : deletedNames.getOrDefault(d, Map.of()).get(o.key());
        String name = reused != null && reused.toLowerCase(Locale.ROOT).endsWith("." + o.extension())
                && !Files.exists(d.resolve(reused)) ? reused
                : VdirFiles.fileName(o.key(), "item-" + UUID.randomUUID(), o.extension());
        if (reused != null) {
            deletedNames.get(d).remove(o.key());
        }
        Map<String, Path> pending = pendingFiles.computeIfAbsent(d, x -> new java.util.LinkedHashMap<>());
        String chosen = name;
        for (int n = 2; Files.exists(d.resolve(chosen)) || pending.containsKey(chosen); n++) {
            String stem = name.substring(0, name.length() - o.extension().length() - 1);
            chosen = stem + "-" + n + "." + o.extension();
        }
        Path tmp = d.resolve(".new-" + chosen);
        VdirFiles.writeSynced(tmp, withServerKeywords(o, flags, folder));
        pending.put(chosen, tmp);
        pendingEntries.computeIfAbsent(d, x -> new HashMap<>()).put(chosen, new Entry(flags, uidHint));
        dirty.add(d);
        return idOf(d, chosen);
    }

    /**
     * A downloaded object with the categories (and completion) its message's keywords add: a client
     * that tags on the server may set the keyword only. Nothing the object says is taken away.
     */
    private byte[] withServerKeywords(LocalObject o, Flags flags, FolderPath folder) {
        // Most messages carry no category and no $Completed: nothing to join, so the object is not parsed here.
        if (o.key() == null || !ObjectFlags.mayHold(flags)) {
            return o.content();
        }
        ObjectFlags own = ObjectFlags.of(ObjectText.of(o.content()));
        if (own == null) {
            return o.content();
        }
        TreeSet<String> wanted = new TreeSet<>(own.keywords());
        wanted.addAll(own.ownedIn(flags));
        byte[] merged = own.rewrite(o.content(), o.extension(), folderOf(folder).kind(), wanted, java.time.Instant.now());
        return merged == null ? o.content() : merged;
    }

    private byte[] readAll(InputStream in, FolderPath folder) {
        try {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxObjectBytes + 1));
            if (b.length > maxObjectBytes) {
                throw new ObjectTooLargeException("an object for '" + folder + "'", maxObjectBytes);
            }
            return b;
        } catch (IOException e) {
            throw new StoreException("cannot read the content of an item for '" + folder + "'", e);
        }
    }

    @Override
    public synchronized void flush() {
        // Flags and UID hints first: a crash before the renames leaves entries without files, which
        // are ignored, never files without their UID hint, which would be uploaded again.
        for (Map.Entry<Path, Map<String, Entry>> e : pendingEntries.entrySet()) {
            cached(e.getKey()).putAll(e.getValue());
            entriesToSave.add(e.getKey());
        }
        for (Path d : entriesToSave) {
            if (Files.isDirectory(d)) {
                writeEntries(d, cached(d));
            }
        }
        entriesToSave.clear();
        for (Map.Entry<Path, Map<String, Path>> e : pendingFiles.entrySet()) {
            for (Map.Entry<String, Path> p : e.getValue().entrySet()) {
                Path target = e.getKey().resolve(p.getKey());
                try {
                    Files.move(p.getValue(), target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException x) {
                    throw new StoreException("cannot move " + p.getValue() + " to " + target, x);
                }
                Known k = known.remove(p.getValue());
                if (k != null) {
                    known.put(target, k); // a rename keeps the content and the modification time
                }
            }
        }
        pendingEntries.clear();
        pendingFiles.clear();
        for (Path d : dirty) {
            VdirFiles.fsyncDir(d);
        }
        dirty.clear();
    }

    /** Makes this folder's added objects visible before an operation on them. */
    private void settle(Path d) {
        if (pendingFiles.containsKey(d) || pendingEntries.containsKey(d)) {
            flush();
        }
    }

    @Override
    public synchronized void replaceContent(FolderPath folder, String id, InputStream content) {
        settle(existing(folder));
        Path f = item(folder, nameOf(id));
        LocalObject o = codecs.apply(folder).decode(folderOf(folder).kind(), readAll(content, folder));
        VdirFiles.write(f, o.content());
        dirty.add(f.getParent());
    }

    /**
     * Keywords the object holds itself (categories; a task's completion) are written into it when
     * they change, if the file is as this store last read it: an edit made meanwhile is the app's,
     * and goes to the server as an edit with the object's own keywords.
     */
    @Override
    public synchronized void setFlags(FolderPath folder, String id, Flags flags) {
        settle(existing(folder));
        String name = nameOf(id);
        Path f = item(folder, name);
        Known k = known.get(f);
        if (k == null) {
            k = knownOf(f, codecs.apply(folder), folderOf(folder).kind());
        }
        if (k != null && k.flags() != null && unchangedSince(f, k)) {
            try {
                byte[] now = k.flags().rewrite(Files.readAllBytes(f), name.substring(name.lastIndexOf('.') + 1),
                        folderOf(folder).kind(), k.flags().ownedIn(flags), java.time.Instant.now());
                if (now != null) {
                    VdirFiles.write(f, now);
                    known.remove(f);
                    dirty.add(f.getParent());
                }
            } catch (IOException e) {
                throw new StoreException("cannot read " + f, e);
            }
        }
        Map<String, Entry> entries = cached(f.getParent());
        Entry e = entries.get(name);
        entries.put(name, new Entry(flags, e == null ? 0 : e.uidHint()));
        writeEntries(f.getParent(), entries);
    }

    private static boolean unchangedSince(Path f, Known k) {
        try {
            return Files.size(f) == k.size()
                    && Files.getLastModifiedTime(f).to(java.util.concurrent.TimeUnit.NANOSECONDS) == k.modifiedNanos();
        } catch (IOException e) {
            return false;
        }
    }

    /** Moves the file; its id changes with its folder (ids name their folder), so a move is a new item to the sync. */
    @Override
    public synchronized void move(FolderPath from, String itemId, FolderPath to) {
        settle(existing(from));
        String id = nameOf(itemId);
        Path f = item(from, id);
        Path d = existing(to);
        if (d.equals(f.getParent())) {
            return;
        }
        Path target = d.resolve(id);
        if (Files.exists(target)) {
            throw new StoreException("cannot move '" + id + "' to '" + to + "': an item of that name is there", null);
        }
        Map<String, Entry> fromEntries = cached(f.getParent());
        Entry e = fromEntries.remove(id);
        try {
            Files.move(f, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException x) {
            throw new StoreException("cannot move " + f + " to " + target, x);
        }
        Map<String, Entry> toEntries = cached(d);
        // The UID hint belongs to the old folder, as in the Maildir store.
        toEntries.put(id, new Entry(e == null ? codecs.apply(to).unknownObjectFlags() : e.flags(), 0));
        writeEntries(d, toEntries);
        writeEntries(f.getParent(), fromEntries);
        dirty.add(d);
        dirty.add(f.getParent());
    }

    @Override
    public synchronized void delete(FolderPath folder, String itemId) {
        String id = nameOf(itemId);
        Path d;
        try {
            d = existing(folder);
        } catch (FolderNotFoundException e) {
            return;
        }
        if (!isItem(id) || id.contains("/")) {
            return;
        }
        Path pending = pendingFiles.getOrDefault(d, new HashMap<>()).remove(id);
        if (pending != null) {
            pendingEntries.getOrDefault(d, new HashMap<>()).remove(id);
            try {
                Files.deleteIfExists(pending);
            } catch (IOException e) {
                throw new StoreException("cannot delete " + pending, e);
            }
            return;
        }
        Path f = d.resolve(id);
        Known k = known.get(f);
        if (k != null && k.key() != null) {
            deletedNames.computeIfAbsent(d, x -> new HashMap<>()).put(k.key(), id);
        }
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new StoreException("cannot delete " + f, e);
        }
        known.remove(f);
        if (cached(d).remove(id) != null) {
            entriesToSave.add(d); // saved by the flush that follows deletions: one write per folder
        }
        dirty.add(d);
    }

    // ------------------------------------------------------------------ flags file

    private Map<String, Entry> cached(Path dir) {
        return entryCache.computeIfAbsent(dir, VdirLocalStore::entries);
    }

    private static Map<String, Entry> entries(Path dir) {
        Path f = dir.resolve(ITEMS_FILE);
        Map<String, Entry> out = new TreeMap<>();
        if (!Files.isRegularFile(f)) {
            return out;
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(f, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new StoreException("cannot read " + f, e);
        }
        for (String id : p.stringPropertyNames()) {
            String[] v = p.getProperty(id).split(" ", 2);
            long hint = 0;
            try {
                hint = Long.parseLong(v[0]);
            } catch (NumberFormatException e) {
                // a damaged hint only costs a download
            }
            out.put(id, new Entry(parseFlags(v.length > 1 ? v[1] : ""), hint));
        }
        return out;
    }

    private static void writeEntries(Path dir, Map<String, Entry> entries) {
        Properties p = new Properties();
        entries.forEach((id, e) -> p.setProperty(id, e.uidHint() + " " + e.flags()));
        StringWriter w = new StringWriter();
        try {
            p.store(w, "IceSync: IMAP flags and server UID of each item");
        } catch (IOException e) {
            throw new StoreException("cannot write the flags of " + dir, e);
        }
        VdirFiles.write(dir.resolve(ITEMS_FILE), w.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads back {@link Flags#toString()}: {@code (\Seen $label1)}. */
    static Flags parseFlags(String s) {
        String t = s.trim();
        if (t.startsWith("(") && t.endsWith(")")) {
            t = t.substring(1, t.length() - 1);
        }
        Set<Flag> flags = new java.util.HashSet<>();
        Set<String> keywords = new TreeSet<>();
        for (String w : t.split("\\s+")) {
            if (w.isEmpty()) {
                continue;
            }
            Flag f = null;
            for (Flag x : Flag.values()) {
                if (x.imapName().equalsIgnoreCase(w)) {
                    f = x;
                }
            }
            if (f != null) {
                flags.add(f);
            } else if (!w.startsWith("\\")) {
                keywords.add(w);
            }
        }
        return Flags.of(flags, keywords);
    }

    @Override
    public void close() {
        flush();
    }
}
