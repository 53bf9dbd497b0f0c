package io.icesync.core.internal.maildir;

import io.icesync.core.store.AtomicFiles;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderNotFoundException;
import io.icesync.core.FolderPath;
import io.icesync.core.StoreException;
import io.icesync.core.internal.maildir.FlagLetters.Encoded;
import io.icesync.core.internal.maildir.MaildirFolder.Identity;
import io.icesync.core.spi.EmptyRoot;
import io.icesync.core.spi.LocalFolder;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.LocalStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local store as a tree of Maildirs that mutt, neomutt, mbsync and Dovecot users can read.
 *
 * <p><b>Layout.</b> The folder {@code Projets/Été 2026} is the directory {@code root/Projets/Été 2026}
 * with {@code cur/}, {@code new/} and {@code tmp/}; a parent is a Maildir too, the root holds the
 * top-level folders only (INBOX is a folder named INBOX) and is never a folder itself. A folder is
 * the server's exact name: names are UTF-8 as they are, and what would clash with the Maildir or the
 * file system is escaped reversibly as {@code %XX} (UTF-8 bytes): {@code cur} is {@code %63ur},
 * {@code .hidden} is {@code %2Ehidden}, NUL is {@code %00}, {@code 50%} is {@code 50%25}. An NFC name
 * is written as it is; a name not in NFC has its combining marks escaped ({@code Cafe%CC%81}), so it
 * and its NFC twin are two directories even where the file system normalises names. A name longer
 * than 200 bytes on disk is cut and ends in {@code %~} and a hash, its full
 * name kept in {@code .icesync-folder}; {@link FolderNames} has the full rule. Directories whose
 * names start with '.' are not folders (so a Maildir++ tree's {@code .Sent} is not read), and a plain
 * directory above folders (mbsync's Verbatim layout) is made a Maildir on first sight.
 *
 * <p><b>Files beside the messages</b>, in each folder directory: {@code .icesync-folder} (the folder's
 * id and kind, so a folder renamed by another program keeps its id, and the full name of a folder
 * whose directory name is shortened; a folder without one gets one on first sight),
 * {@code dovecot-keywords} (keyword letters, see {@link KeywordTable}) and
 * {@code .icesync-keywords} (keywords past the 26 letters, see {@link ExtraKeywords}).
 *
 * <p><b>Messages</b> are named {@code <epochSeconds>.<pid>_<counter>.<host>,U=<uid>:2,<letters>} as
 * mbsync names them; the item id is the name without {@code ,U=<uid>} and without the info, so it holds
 * across flag changes and moves, also those made by other programs. Files in {@code new/} are items
 * too; files in {@code tmp/} are not.
 *
 * <p><b>Durability.</b> {@link #add} and {@link #replaceContent} stream the content into {@code tmp/}
 * and return; {@link #flush} fsyncs each of those files, renames them into {@code cur/} (or over the
 * old content) and fsyncs each directory touched since the last flush once: a group commit, as the
 * correctness protocol asks. The fsync of a file starts in the background as soon as it is written, so
 * that the disk works while the next items arrive; flush waits for it before any rename. A kill before
 * the flush leaves only {@code tmp/} files, which the next open removes (IceSync's own, and any older
 * than 36 hours as the Maildir spec says; files another program is writing right now are left alone).
 * Flag changes, moves and deletes are renames done at once; their directories are synced by the next
 * flush too.
 *
 * <p>Not thread-safe beyond its own monitor: one store object per tree and process.
 */
public final class MaildirLocalStore implements LocalStore {
    private static final Logger LOG = LoggerFactory.getLogger(MaildirLocalStore.class);
    private static final FolderPath OUTBOX = FolderPath.of("Outbox");
    private final Path root;
    /** The root did not exist at open: once synced, it was moved away or is not mounted. */
    private final boolean rootWasMissing;
    private final MaildirTree tree;
    /** Writes waiting in tmp/ for flush(), in the order they were made. */
    private final Map<Key, Pending> pending = new LinkedHashMap<>();
    /**
     * By file in tmp/: its fsync, started as it was written, or for content handed off, its write then its
     * fsync. flush() waits for those of its group.
     */
    private final Map<Path, Future<?>> syncing = new HashMap<>();
    /** Content up to this size is handed to the fsync threads to write: most mail. */
    static final int HANDED_OFF_MAX = 256 * 1024;
    /** At most this much handed-off content waits in memory; past it, add() waits for the writes. */
    static final long HANDED_OFF_BACKLOG = 4L * 1024 * 1024;
    private long handedOffBytes;
    /** The handed-off writes not awaited yet: what awaitFileWrites() waits for (syncing keeps them for flush). */
    private final List<Future<?>> unawaited = new ArrayList<>();
    /** Directories whose entries changed since the last flush. */
    private final Set<Path> dirtyDirs = new LinkedHashSet<>();

    private record Key(String folderId, String itemId) {
    }

    /** A file in tmp/: a new message ({@code finalName} its name in cur/) or new content for one ({@code finalName} null). */
    private record Pending(MaildirFolder folder, String id, String tmpName, String finalName) {
        Path tmp() {
            return folder.sub("tmp").resolve(tmpName);
        }

        boolean isNew() {
            return finalName != null;
        }
    }

    public MaildirLocalStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.rootWasMissing = !Files.isDirectory(this.root);
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new StoreException("cannot create the local store " + this.root, e);
        }
        if (!FolderNames.PLATFORM_UTF8) {
            LOG.warn("file names are in {} here, not UTF-8: non-ASCII folder names are written %-escaped",
                    System.getProperty("sun.jnu.encoding"));
        }
        this.tree = new MaildirTree(this.root);
        tree.scan();
        Leftovers.remove(this.root, tree.folders());
    }

    /** A folder whose directory name is shortened keeps its full name in its identity, for the next scan. */
    private static Identity named(Path dir, Identity idn, String name) {
        String wanted = FolderNames.isShortened(dir.getFileName().toString()) ? name : null;
        if (!Objects.equals(idn.name(), wanted)) {
            idn = idn.withName(wanted);
            MaildirFolder.writeIdentity(dir, idn);
        }
        return idn;
    }

    private static Key key(MaildirFolder f, String id) {
        return new Key(f.id, id);
    }

    // ---- folders

    @Override
    public synchronized List<LocalFolder> folders() {
        tree.scan();
        return tree.folders().stream().map(MaildirFolder::toLocalFolder).toList();
    }

    /** The deepest known folder whose directory holds {@code file}; the tree is not scanned again. */
    @Override
    public synchronized Optional<FolderPath> folderAt(Path file) {
        Path f = file.toAbsolutePath().normalize();
        MaildirFolder best = null;
        for (MaildirFolder m : tree.folders()) {
            if (f.startsWith(m.dir()) && (best == null || m.dir().getNameCount() > best.dir().getNameCount())) {
                best = m;
            }
        }
        return best == null ? Optional.empty() : Optional.of(best.path());
    }

    @Override
    public synchronized List<EmptyRoot> emptyRoots() {
        tree.scan();
        // A message queued for sending re-creates Outbox alone in a Maildir that vanished: still empty.
        if (tree.folders().stream().anyMatch(f -> !f.path().equals(OUTBOX))) {
            return List.of();
        }
        return List.of(new EmptyRoot(root.toString(), rootWasMissing, EnumSet.allOf(FolderKind.class)));
    }

    @Override
    public synchronized LocalFolder createFolder(FolderPath p, FolderKind kind) {
        if (p.isRoot()) {
            throw new IllegalArgumentException("the root is not a folder");
        }
        MaildirFolder f = tree.find(p);
        if (f == null || !MaildirFolder.isMaildir(f.dir())) {
            tree.scan();
            f = tree.find(p);
        }
        return (f != null ? f : create(p, kind)).toLocalFolder();
    }

    private MaildirFolder create(FolderPath p, FolderKind kind) {
        if (!p.parent().isRoot() && tree.find(p.parent()) == null) {
            create(p.parent(), FolderKind.MAIL);
        }
        Path dir = tree.dirFor(p);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot create local folder '" + p + "' at " + dir, e);
        }
        // A directory left by a crash in the middle of a create keeps the id it got then.
        Identity idn = MaildirFolder.readIdentity(dir);
        if (idn == null) {
            idn = new Identity(UUID.randomUUID().toString(), kind,
                    FolderNames.isShortened(dir.getFileName().toString()) ? p.name() : null);
            MaildirFolder.writeIdentity(dir, idn);
        } else {
            idn = named(dir, idn, p.name());
        }
        MaildirFolder.makeMaildir(dir);
        AtomicFiles.syncDirectory(dir);
        AtomicFiles.syncDirectory(dir.getParent());
        MaildirFolder f = new MaildirFolder(dir, p, idn.id(), idn.kind());
        tree.put(f);
        return f;
    }

    @Override
    public synchronized void renameFolder(FolderPath a, FolderPath z) {
        awaitFileWrites();
        MaildirFolder f = tree.get(a);
        if (z.isRoot() || z.startsWith(a)) {
            throw new StoreException("cannot rename local folder '" + a + "' to '" + z + "': that is inside itself", null);
        }
        // Pending writes settle before their directory moves.
        flush();
        if (!z.parent().isRoot() && tree.find(z.parent()) == null) {
            tree.scan();
            if (tree.find(z.parent()) == null) {
                create(z.parent(), FolderKind.MAIL);
            }
        }
        Path target = tree.dirFor(z);
        Path source = f.dir();
        try {
            boolean caseOnly = Files.exists(target, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(source, target);
            if (tree.find(z) != null || (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !caseOnly)) {
                throw new StoreException("cannot rename local folder '" + a + "' to '" + z + "': it exists already", null);
            }
            if (caseOnly) {
                // "archive" -> "Archive" on a case-insensitive file system: through a third name.
                Path between = source.resolveSibling(Leftovers.RENAMING + target.getFileName());
                Files.move(source, between, StandardCopyOption.ATOMIC_MOVE);
                source = between;
            }
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("cannot rename local folder '" + a + "' to '" + z + "'", e);
        }
        Identity idn = MaildirFolder.readIdentity(target);
        if (idn != null) {
            named(target, idn, z.name());
        }
        AtomicFiles.syncDirectory(f.dir().getParent());
        AtomicFiles.syncDirectory(target.getParent());
        tree.moved(a, z, target);
    }

    @Override
    public synchronized void deleteFolder(FolderPath p) {
        awaitFileWrites();
        // Sub-folders another program made since the last look count too.
        tree.scan();
        MaildirFolder f = tree.get(p);
        List<MaildirFolder> below = tree.below(p);
        if (!below.isEmpty()) {
            throw new StoreException("cannot delete local folder '" + p + "': it still has the sub-folder '"
                    + below.get(0).path() + "'", null);
        }
        pending.keySet().removeIf(k -> k.folderId().equals(f.id));
        Path dir = f.dir();
        // One rename makes the folder disappear whole; a crash while its files are deleted leaves a
        // hidden directory that the next open removes, never a half folder.
        Path trash = root.resolve(Leftovers.TRASH + UUID.randomUUID());
        try {
            try {
                Files.move(dir, trash, StandardCopyOption.ATOMIC_MOVE);
                AtomicFiles.syncDirectory(dir.getParent());
            } catch (AtomicMoveNotSupportedException e) {
                trash = dir;
            }
            tree.remove(p);
            Leftovers.deleteTree(trash);
        } catch (IOException e) {
            throw new StoreException("cannot delete local folder '" + p + "'", e);
        }
    }

    // ---- items

    @Override
    public synchronized String changeMark(FolderPath path) {
        MaildirFolder f = tree.get(path);
        if (pending.keySet().stream().anyMatch(k -> k.folderId().equals(f.id))) {
            return null; // written here but not flushed: not yet a state the mark could stand for
        }
        return f.changeMark(java.time.Instant.now());
    }

    @Override
    public synchronized List<LocalItem> items(FolderPath path) {
        awaitFileWrites();
        return list(tree.get(path));
    }

    /**
     * One stat per item asked, through the folder's index id -> file kept since the last listing; an item
     * the index does not know, or whose file is not where it was (renamed by another program), makes it
     * one listing of the folder instead. Items written here but not flushed yet are found by the listing.
     */
    @Override
    public synchronized List<LocalItem> items(FolderPath path, java.util.Collection<String> ids) {
        awaitFileWrites();
        MaildirFolder f = tree.get(path);
        if (f.index.isEmpty() || pending.keySet().stream().anyMatch(k -> k.folderId().equals(f.id))) {
            return LocalStore.super.items(path, ids);
        }
        f.keywords.refresh();
        List<LocalItem> out = new ArrayList<>();
        Map<String, Flags> byInfo = new HashMap<>();
        for (String id : ids) {
            Path p = f.index.get(id);
            BasicFileAttributes a;
            try {
                a = p == null ? null : Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException gone) {
                a = null;
            }
            if (a == null || !a.isRegularFile()) {
                return LocalStore.super.items(path, ids);
            }
            String name = p.getFileName().toString();
            out.add(new LocalItem(id, flagsOf(f, id, name, byInfo), a.size(), MessageNames.uidOf(name)));
        }
        return out;
    }

    /**
     * One listing of cur/ and new/, one stat per file for its size, no file read; rebuilds the
     * folder's index id -> file.
     */
    private List<LocalItem> list(MaildirFolder f) {
        f.keywords.refresh();
        f.index.clear();
        List<LocalItem> out = new ArrayList<>();
        Map<String, Flags> byInfo = new HashMap<>();
        for (String sub : new String[] {"cur", "new"}) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(f.sub(sub))) {
                for (Path p : ds) {
                    String name = p.getFileName().toString();
                    if (name.startsWith(".")) {
                        continue;
                    }
                    BasicFileAttributes a;
                    try {
                        a = Files.readAttributes(p, BasicFileAttributes.class);
                    } catch (NoSuchFileException gone) {
                        continue;
                    }
                    if (!a.isRegularFile()) {
                        continue;
                    }
                    String id = MessageNames.idOf(name);
                    if (f.index.putIfAbsent(id, p) != null) {
                        LOG.warn("{} has the id of {}: ignored", p, f.index.get(id));
                        continue;
                    }
                    Pending r = pending.isEmpty() ? null : pending.get(key(f, id));
                    long size = r != null ? sizeOr(r.tmp(), a.size()) : a.size();
                    out.add(new LocalItem(id, flagsOf(f, id, name, byInfo), size, MessageNames.uidOf(name)));
                }
            } catch (NoSuchFileException e) {
                if (sub.equals("cur")) {
                    // The folder went away (another program): saying "no items" would delete them on the server.
                    tree.scan();
                    throw new FolderNotFoundException(f.path(), "local store");
                }
                // new/ may be missing in a tree made by another program
            } catch (IOException | DirectoryIteratorException e) {
                throw new StoreException("cannot list local folder '" + f.path() + "'", e);
            }
        }
        // Added but not flushed: this store object sees them at once, other programs after flush().
        for (Pending r : pending.values()) {
            if (r.folder() == f && r.isNew()) {
                long size = sizeOr(r.tmp(), -1);
                if (size >= 0) {
                    out.add(new LocalItem(r.id(), flagsOf(f, r.id(), r.finalName(), byInfo), size,
                            MessageNames.uidOf(r.finalName())));
                }
            }
        }
        f.extras.retain(id -> f.index.containsKey(id) || pending.containsKey(key(f, id)));
        return out;
    }

    private static Flags flagsOf(MaildirFolder f, String id, String name, Map<String, Flags> byInfo) {
        String info = MessageNames.infoOf(name);
        Set<String> extras = f.extras.of(id);
        if (!extras.isEmpty()) {
            return FlagLetters.read(info, f.keywords, extras);
        }
        // Most messages share a handful of letter sets: parse each once per listing.
        return byInfo.computeIfAbsent(info, i -> FlagLetters.read(i, f.keywords, Set.of()));
    }

    private static long sizeOr(Path p, long otherwise) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return otherwise;
        }
    }

    /** The file of an item, looking again when another program renamed or moved it; null when it is gone. */
    private Path find(MaildirFolder f, String id) {
        Path p = f.index.get(id);
        if (p != null && Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return p;
        }
        list(f);
        return f.index.get(id);
    }

    private Path locate(MaildirFolder f, String id) {
        Path p = find(f, id);
        if (p == null) {
            throw new StoreException("no item '" + id + "' in local folder '" + f.path() + "'", null);
        }
        return p;
    }

    @Override
    public synchronized InputStream open(FolderPath path, String id) {
        awaitFileWrites();
        MaildirFolder f = tree.get(path);
        Pending r = pending.get(key(f, id));
        try {
            if (r != null) {
                return Files.newInputStream(r.tmp());
            }
            try {
                return Files.newInputStream(locate(f, id));
            } catch (NoSuchFileException renamedJustNow) {
                f.index.remove(id);
                return Files.newInputStream(locate(f, id));
            }
        } catch (IOException e) {
            throw new StoreException("cannot read item '" + id + "' of local folder '" + f.path() + "'", e);
        }
    }

    @Override
    public synchronized String add(FolderPath path, Flags flags, long uidHint, InputStream content) {
        MaildirFolder f = tree.get(path);
        String id = handOffOrWrite(f, content, "a new item");
        Encoded e = FlagLetters.write(flags, f.keywords, "", f.keywords);
        f.extras.set(id, e.overflow());
        pending.put(key(f, id), new Pending(f, id, id, MessageNames.fileName(id, Math.max(0, uidHint), e.letters())));
        return id;
    }

    /**
     * Reads the content and returns the unique name of its file in tmp/. Content of up to
     * {@link #HANDED_OFF_MAX} bytes is written and synced by the fsync threads while the caller goes on
     * (flush waits for it; every other call that reads or moves files waits first); larger content is
     * streamed into its file here, never whole in memory.
     */
    private String handOffOrWrite(MaildirFolder f, InputStream content, String what) {
        byte[] head;
        try {
            head = content.readNBytes(HANDED_OFF_MAX + 1);
        } catch (IOException | UncheckedIOException e) {
            throw new StoreException("cannot write " + what + " into local folder '" + f.path() + "'", e);
        }
        if (head.length > HANDED_OFF_MAX) {
            String unique = writeTmp(f, new SequenceInputStream(new ByteArrayInputStream(head), content), what);
            Path tmp = f.sub("tmp").resolve(unique);
            syncing.put(tmp, Fsyncs.POOL.submit(() -> AtomicFiles.sync(tmp)));
            return unique;
        }
        if (handedOffBytes + head.length > HANDED_OFF_BACKLOG) {
            awaitFileWrites();
        }
        String unique = UniqueNames.next();
        Path tmp = f.sub("tmp").resolve(unique);
        handedOffBytes += head.length;
        Future<?> write = Fsyncs.POOL.submit(() -> {
            try (OutputStream out = create(tmp)) {
                out.write(head);
            } catch (IOException | RuntimeException e) {
                deleteQuietly(tmp);
                throw new StoreException("cannot write " + what + " into local folder '" + f.path() + "'", e);
            }
            AtomicFiles.sync(tmp);
        });
        syncing.put(tmp, write);
        unawaited.add(write);
        return unique;
    }

    /**
     * Waits until every file handed to the fsync threads is written (and synced); their failures are
     * left for flush to report. Called before anything that reads, moves or deletes files or folders.
     */
    private void awaitFileWrites() {
        for (Future<?> w : unawaited) {
            try {
                w.get();
            } catch (ExecutionException e) {
                // flush() reports it, for the item it belongs to
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted while writing items of the local store", e);
            }
        }
        unawaited.clear();
        handedOffBytes = 0;
    }

    /** Streams content into a new file in tmp/ (never whole in memory) and returns its unique name. */
    private String writeTmp(MaildirFolder f, InputStream content, String what) {
        Path dir = f.sub("tmp");
        for (int attempt = 0;; attempt++) {
            String unique = UniqueNames.next();
            Path tmp = dir.resolve(unique);
            try {
                try (OutputStream out = create(tmp)) {
                    content.transferTo(out);
                }
                return unique;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw new StoreException("cannot find a free name for " + what + " in local folder '" + f.path() + "'", e);
                }
            } catch (IOException | UncheckedIOException e) {
                deleteQuietly(tmp);
                throw new StoreException("cannot write " + what + " into local folder '" + f.path() + "'", e);
            } catch (RuntimeException e) {
                // The content's own failure (a lost connection): not ours to rename.
                deleteQuietly(tmp);
                throw e;
            }
        }
    }

    /** A new file; its directory made first only when missing (another program may have removed tmp/). */
    private static OutputStream create(Path file) throws IOException {
        try {
            return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            Files.createDirectories(file.getParent());
            return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.debug("cannot delete {}; it goes at the next open", p, e);
        }
    }

    @Override
    public synchronized void flush() {
        try {
            syncAll(new ArrayList<>(pending.values()));
            for (Pending r : pending.values()) {
                place(r);
            }
        } catch (StoreException e) {
            // A failed group is lost as a whole: its state rows are not committed either, so it is fetched again.
            awaitFileWrites();
            pending.values().forEach(r -> deleteQuietly(r.tmp()));
            pending.clear();
            syncing.clear();
            throw e;
        }
        pending.clear();
        // Those of files replaced or deleted before the flush (their writes were awaited then): nothing waits for them.
        syncing.clear();
        unawaited.clear();
        handedOffBytes = 0;
        for (MaildirFolder f : tree.folders()) {
            if (f.extras.saveIfChanged()) {
                dirtyDirs.add(f.dir());
            }
        }
        dirtyDirs.forEach(AtomicFiles::syncDirectory);
        dirtyDirs.clear();
    }

    /**
     * Waits until every file of the group is synced (most fsyncs were started as the files were written).
     * They run side by side: file systems with a journal (ext4, XFS) commit concurrent fsyncs together, so a
     * group of a hundred costs a few journal commits instead of a hundred.
     */
    private void syncAll(List<Pending> group) {
        List<Future<?>> running = new ArrayList<>(group.size());
        for (Pending r : group) {
            Future<?> started = syncing.remove(r.tmp());
            running.add(started != null ? started : Fsyncs.POOL.submit(() -> AtomicFiles.sync(r.tmp())));
        }
        StoreException first = null;
        for (int i = 0; i < running.size(); i++) {
            try {
                running.get(i).get();
            } catch (ExecutionException e) {
                if (first == null) {
                    Pending r = group.get(i);
                    first = new StoreException("cannot write item '" + r.id() + "' of local folder '"
                            + r.folder().path() + "'", e.getCause() instanceof StoreException s ? s.getCause() : e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted while writing items of the local store", e);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** The threads that run the fsyncs of a group; daemons, made on first use. */
    private static final class Fsyncs {
        static final ExecutorService POOL = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "icesync-fsync");
            t.setDaemon(true);
            return t;
        });
    }

    private void place(Pending r) {
        MaildirFolder f = r.folder();
        try {
            if (r.isNew()) {
                Path target = f.sub("cur").resolve(r.finalName());
                Files.move(r.tmp(), target, StandardCopyOption.ATOMIC_MOVE);
                f.index.put(r.id(), target);
                dirtyDirs.add(target.getParent());
                return;
            }
            Path target = f.index.get(r.id());
            if (target == null || !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                target = findIgnoringPending(f, r.id());
            }
            if (target == null) {
                // Deleted by another program meanwhile: the new content has nothing to replace.
                Files.deleteIfExists(r.tmp());
                return;
            }
            Files.move(r.tmp(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            dirtyDirs.add(target.getParent());
        } catch (IOException e) {
            throw new StoreException("cannot store item '" + r.id() + "' in local folder '" + f.path() + "'", e);
        }
    }

    private Path findIgnoringPending(MaildirFolder f, String id) {
        // list() also lists pending items; here only the files in cur/ and new/ matter.
        list(f);
        Path p = f.index.get(id);
        return p != null && Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? p : null;
    }

    @Override
    public synchronized void replaceContent(FolderPath path, String id, InputStream content) {
        awaitFileWrites();
        MaildirFolder f = tree.get(path);
        Key k = key(f, id);
        Pending old = pending.get(k);
        if (old == null) {
            locate(f, id);
        }
        String tmp = handOffOrWrite(f, content, "new content for item '" + id + "'");
        if (old != null) {
            deleteQuietly(old.tmp());
        }
        pending.put(k, new Pending(f, id, tmp, old != null ? old.finalName() : null));
    }

    @Override
    public synchronized void setFlags(FolderPath path, String id, Flags flags) {
        MaildirFolder f = tree.get(path);
        Key k = key(f, id);
        Pending r = pending.get(k);
        if (r != null && r.isNew()) {
            Encoded e = FlagLetters.write(flags, f.keywords, MessageNames.infoOf(r.finalName()), f.keywords);
            f.extras.set(id, e.overflow());
            pending.put(k, new Pending(f, id, r.tmpName(), MessageNames.fileName(id, MessageNames.uidOf(r.finalName()),
                    e.letters())));
            return;
        }
        Path p = locate(f, id);
        String name = p.getFileName().toString();
        Encoded e = FlagLetters.write(flags, f.keywords, MessageNames.infoOf(name), f.keywords);
        f.extras.set(id, e.overflow());
        Path target = f.sub("cur").resolve(MessageNames.fileName(id, MessageNames.uidOf(name), e.letters()));
        if (target.equals(p)) {
            return;
        }
        try {
            Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException x) {
            throw new StoreException("cannot change the flags of item '" + id + "' of local folder '" + f.path() + "'", x);
        }
        f.index.put(id, target);
        dirtyDirs.add(p.getParent());
        dirtyDirs.add(target.getParent());
    }

    @Override
    public synchronized void move(FolderPath from, String id, FolderPath to) {
        MaildirFolder src = tree.get(from);
        MaildirFolder dst = tree.get(to);
        if (src == dst) {
            locate(src, id);
            return;
        }
        if (pending.containsKey(key(src, id))) {
            // Only durable files travel: the item's pending write is committed first.
            flush();
        }
        Path p = locate(src, id);
        String info = MessageNames.infoOf(p.getFileName().toString());
        Flags flags = FlagLetters.read(info, src.keywords, src.extras.of(id));
        Encoded e = FlagLetters.write(flags, dst.keywords, info, src.keywords);
        // The UID belongs to the old folder: dropped, so that it can never clash in the new one (PITFALLS 5).
        Path target = dst.sub("cur").resolve(MessageNames.fileName(id, 0, e.letters()));
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new StoreException("cannot move item '" + id + "' from local folder '" + src.path() + "' to '"
                    + dst.path() + "': it is there already", null);
        }
        try {
            Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException x) {
            throw new StoreException("cannot move item '" + id + "' from local folder '" + src.path() + "' to '"
                    + dst.path() + "'", x);
        }
        dst.extras.set(id, e.overflow());
        src.extras.set(id, Set.of());
        src.index.remove(id);
        dst.index.put(id, target);
        dirtyDirs.add(p.getParent());
        dirtyDirs.add(target.getParent());
    }

    @Override
    public synchronized void delete(FolderPath p, String id) {
        awaitFileWrites();
        MaildirFolder f = tree.find(p);
        if (f == null) {
            tree.scan();
            f = tree.find(p);
            if (f == null) {
                return;
            }
        }
        Pending r = pending.remove(key(f, id));
        if (r != null) {
            deleteQuietly(r.tmp());
            if (r.isNew()) {
                f.extras.set(id, Set.of());
                return;
            }
        }
        Path file;
        try {
            file = find(f, id);
        } catch (FolderNotFoundException gone) {
            return;
        }
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StoreException("cannot delete item '" + id + "' of local folder '" + f.path() + "'", e);
        }
        f.index.remove(id);
        f.extras.set(id, Set.of());
        dirtyDirs.add(file.getParent());
    }

    @Override
    public synchronized void close() {
        flush();
    }
}
