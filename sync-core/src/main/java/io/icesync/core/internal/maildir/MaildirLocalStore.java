package io.icesync.core.internal.maildir;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderNotFoundException;
import io.icesync.core.FolderPath;
import io.icesync.core.StoreException;
import io.icesync.core.spi.LocalFolder;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.LocalStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The local store as a tree of Maildirs: {@code root/<folder path>/{cur,new,tmp}}, one directory
 * per folder name (escaped by {@link MaildirNames#encodeFolder}), message files named as mbsync
 * names them, keywords as Dovecot keeps them. New messages stay in {@code tmp/} until
 * {@link #flush()}, which fsyncs them, renames them into {@code cur/} and fsyncs the directory:
 * one group commit, and a kill before it leaves only {@code tmp/} files, removed at the next open.
 */
public final class MaildirLocalStore implements LocalStore {
    private final Path root;
    private final String host;
    private final long pid = ProcessHandle.current().pid();
    private final AtomicLong counter = new AtomicLong();
    private final Map<FolderPath, MaildirFolder> folders = new TreeMap<>();
    /** Files written by add() and waiting in tmp/ for flush(): tmp path -> final path in cur/. */
    private final Map<Path, Path> staged = new LinkedHashMap<>();

    public MaildirLocalStore(Path root) {
        this.root = root.toAbsolutePath();
        String h;
        try {
            h = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            h = "localhost";
        }
        this.host = h.replace("/", "\\057").replace(":", "\\072").replace(",", "\\054");
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new StoreException("cannot create the local store " + this.root, e);
        }
        scan();
        removeTmpLeftovers();
    }

    private void scan() {
        folders.clear();
        try {
            // Folder directories only: the message files below cur/, new/ and tmp/ are never visited here.
            Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) {
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                    if (isMaildirSub(dir)) {
                        return java.nio.file.FileVisitResult.SKIP_SUBTREE;
                    }
                    if (MaildirFolder.isFolder(dir)) {
                        folders.put(pathOf(dir), MaildirFolder.load(dir));
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new StoreException("cannot read the local store " + root, e);
        }
    }

    private boolean isMaildirSub(Path dir) {
        String n = dir.getFileName().toString();
        return (n.equals("cur") || n.equals("new") || n.equals("tmp")) && MaildirFolder.isFolder(dir.getParent())
                && !dir.getParent().equals(root);
    }

    private void removeTmpLeftovers() {
        for (MaildirFolder f : folders.values()) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(f.dir.resolve("tmp"))) {
                for (Path p : ds) {
                    Files.deleteIfExists(p);
                }
            } catch (NoSuchFileException e) {
                // a folder without tmp/: nothing left over
            } catch (IOException e) {
                throw new StoreException("cannot clean " + f.dir.resolve("tmp"), e);
            }
        }
    }

    private FolderPath pathOf(Path dir) {
        List<String> names = new ArrayList<>();
        for (Path p : root.relativize(dir)) {
            names.add(MaildirNames.decodeFolder(p.toString()));
        }
        return FolderPath.of(names);
    }

    private Path dirOf(FolderPath p) {
        Path d = root;
        for (String n : p.names()) {
            d = d.resolve(MaildirNames.encodeFolder(n));
        }
        return d;
    }

    private MaildirFolder folder(FolderPath p) {
        MaildirFolder f = folders.get(p);
        if (f == null) {
            scan();
            f = folders.get(p);
            if (f == null) {
                throw new FolderNotFoundException(p, "local store");
            }
        }
        return f;
    }

    @Override
    public synchronized List<LocalFolder> folders() {
        scan();
        List<LocalFolder> out = new ArrayList<>();
        folders.forEach((p, f) -> out.add(new LocalFolder(p, f.id, f.kind)));
        return out;
    }

    @Override
    public synchronized LocalFolder createFolder(FolderPath path, FolderKind kind) {
        for (FolderPath p = path.parent(); !p.isRoot(); p = p.parent()) {
            if (!folders.containsKey(p) && !MaildirFolder.isFolder(dirOf(p))) {
                createFolder(p, FolderKind.MAIL);
            }
        }
        MaildirFolder f = MaildirFolder.create(dirOf(path), kind);
        AtomicFiles.fsyncDir(dirOf(path).getParent());
        folders.put(path, f);
        return new LocalFolder(path, f.id, f.kind);
    }

    @Override
    public synchronized void renameFolder(FolderPath from, FolderPath to) {
        folder(from);
        Path target = dirOf(to);
        if (Files.exists(target)) {
            throw new StoreException("cannot rename local folder '" + from + "' to '" + to + "': it exists already", null);
        }
        try {
            if (!to.parent().isRoot() && !MaildirFolder.isFolder(dirOf(to.parent()))) {
                createFolder(to.parent(), FolderKind.MAIL);
            }
            Files.move(dirOf(from), target, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.fsyncDir(target.getParent());
        } catch (IOException e) {
            throw new StoreException("cannot rename local folder '" + from + "' to '" + to + "'", e);
        }
        scan();
    }

    @Override
    public synchronized void deleteFolder(FolderPath path) {
        MaildirFolder f = folder(path);
        for (FolderPath p : folders.keySet()) {
            if (!p.equals(path) && p.startsWith(path)) {
                throw new StoreException("cannot delete local folder '" + path + "': it still has the sub-folder '"
                        + p + "'", null);
            }
        }
        try {
            for (String sub : new String[] {"cur", "new", "tmp"}) {
                deleteTree(f.dir.resolve(sub));
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(f.dir)) {
                for (Path p : ds) {
                    if (!Files.isDirectory(p)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(f.dir)) {
                if (!ds.iterator().hasNext()) {
                    Files.delete(f.dir);
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot delete local folder '" + path + "'", e);
        }
        folders.remove(path);
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }

    @Override
    public synchronized List<LocalItem> items(FolderPath path) {
        MaildirFolder f = folder(path);
        f.index.clear();
        List<LocalItem> out = new ArrayList<>();
        for (String sub : new String[] {"cur", "new"}) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(f.dir.resolve(sub))) {
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
                    String id = MaildirNames.idOf(name);
                    f.index.put(id, sub + "/" + name);
                    out.add(new LocalItem(id, flagsOf(f, id, name), a.size(), MaildirNames.uidOf(name)));
                }
            } catch (NoSuchFileException e) {
                // new/ may be missing in a tree made by another program
            } catch (IOException e) {
                throw new StoreException("cannot list local folder '" + path + "'", e);
            }
        }
        // Items added but not yet flushed are this process's: it sees them at once, others after flush().
        for (Map.Entry<Path, Path> e : staged.entrySet()) {
            if (e.getValue().getParent().getParent().equals(f.dir)) {
                String name = e.getValue().getFileName().toString();
                String id = MaildirNames.idOf(name);
                try {
                    out.add(new LocalItem(id, flagsOf(f, id, name), Files.size(e.getKey()), MaildirNames.uidOf(name)));
                } catch (IOException ex) {
                    throw new StoreException("cannot read new item '" + id + "' of local folder '" + path + "'", ex);
                }
            }
        }
        return out;
    }

    private Flags flagsOf(MaildirFolder f, String id, String name) {
        String info = MaildirNames.infoOf(name);
        Set<Flag> sys = MaildirNames.systemFlags(info);
        TreeSet<String> kw = new TreeSet<>();
        for (char c : info.toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                String k = f.keywords().keyword(c);
                if (k != null) {
                    kw.add(k);
                }
            }
        }
        kw.addAll(f.extras().of(id));
        return Flags.of(sys.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(sys), kw);
    }

    /** Info letters for flags: system letters, keyword letters, and the letters of other programs kept as they were. */
    private String lettersOf(MaildirFolder f, String id, Flags flags, String oldInfo) {
        StringBuilder b = new StringBuilder();
        for (Flag x : flags.flags()) {
            b.append(x.maildirLetter());
        }
        Set<String> extra = new TreeSet<>();
        for (String k : flags.keywords()) {
            char c = f.keywords().letter(k);
            if (c == 0) {
                extra.add(k);
            } else {
                b.append(c);
            }
        }
        f.extras().set(id, extra);
        for (char c : oldInfo.toCharArray()) {
            boolean ours = Flag.ofMaildirLetter(c) != null || (c >= 'a' && c <= 'z');
            if (!ours && b.indexOf(String.valueOf(c)) < 0) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private Path file(MaildirFolder f, FolderPath path, String id) {
        String rel = f.index.get(id);
        if (rel != null && Files.exists(f.dir.resolve(rel))) {
            return f.dir.resolve(rel);
        }
        for (Map.Entry<Path, Path> e : staged.entrySet()) {
            if (e.getValue().getParent().getParent().equals(f.dir)
                    && MaildirNames.idOf(e.getValue().getFileName().toString()).equals(id)) {
                return e.getKey();
            }
        }
        items(path);
        rel = f.index.get(id);
        if (rel == null) {
            throw new StoreException("no item '" + id + "' in local folder '" + path + "'", null);
        }
        return f.dir.resolve(rel);
    }

    @Override
    public synchronized InputStream open(FolderPath path, String id) {
        Path p = file(folder(path), path, id);
        try {
            return Files.newInputStream(p);
        } catch (IOException e) {
            throw new StoreException("cannot read item '" + id + "' of local folder '" + path + "'", e);
        }
    }

    private String unique() {
        return (System.currentTimeMillis() / 1000) + "." + pid + "_" + counter.incrementAndGet() + "." + host;
    }

    @Override
    public synchronized String add(FolderPath path, Flags flags, long uidHint, InputStream content) {
        MaildirFolder f = folder(path);
        String id = unique();
        Path tmp = f.dir.resolve("tmp").resolve(id);
        try {
            Files.copy(content, tmp);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the leftover is removed at the next open
            }
            throw new StoreException("cannot write a new item into local folder '" + path + "'", e);
        }
        String name = MaildirNames.fileName(id, uidHint, lettersOf(f, id, flags, ""));
        staged.put(tmp, f.dir.resolve("cur").resolve(name));
        return id;
    }

    @Override
    public synchronized void flush() {
        if (staged.isEmpty()) {
            return;
        }
        Set<Path> dirs = new LinkedHashSet<>();
        try {
            for (Path tmp : staged.keySet()) {
                AtomicFiles.fsync(tmp);
            }
            for (Map.Entry<Path, Path> e : staged.entrySet()) {
                Files.move(e.getKey(), e.getValue(), StandardCopyOption.ATOMIC_MOVE);
                dirs.add(e.getValue().getParent());
            }
        } catch (IOException e) {
            throw new StoreException("cannot commit new items to the local store", e);
        }
        staged.clear();
        dirs.forEach(AtomicFiles::fsyncDir);
    }

    @Override
    public synchronized void replaceContent(FolderPath path, String id, InputStream content) {
        MaildirFolder f = folder(path);
        Path target = file(f, path, id);
        Path tmp = f.dir.resolve("tmp").resolve(unique());
        try {
            Files.copy(content, tmp);
            AtomicFiles.fsync(tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("cannot replace item '" + id + "' of local folder '" + path + "'", e);
        }
    }

    @Override
    public synchronized void setFlags(FolderPath path, String id, Flags flags) {
        MaildirFolder f = folder(path);
        Path p = file(f, path, id);
        String name = p.getFileName().toString();
        String fresh = MaildirNames.fileName(MaildirNames.idOf(name).equals(id) ? id : id, MaildirNames.uidOf(name),
                lettersOf(f, id, flags, MaildirNames.infoOf(name)));
        Path staging = staged.get(p);
        if (staging != null) {
            staged.put(p, staging.resolveSibling(fresh));
            return;
        }
        renameTo(f, p, f.dir.resolve("cur").resolve(fresh), id, path);
    }

    private void renameTo(MaildirFolder f, Path from, Path to, String id, FolderPath path) {
        if (from.equals(to)) {
            return;
        }
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("cannot rename item '" + id + "' of local folder '" + path + "'", e);
        }
        f.index.put(id, "cur/" + to.getFileName());
    }

    @Override
    public synchronized void move(FolderPath from, String id, FolderPath to) {
        MaildirFolder a = folder(from);
        MaildirFolder z = folder(to);
        Path p = file(a, from, id);
        Flags flags = flagsOf(a, id, p.getFileName().toString());
        // The UID hint belongs to the old folder: it is dropped so that it can never clash in the new one.
        String name = MaildirNames.fileName(id, 0, lettersOf(z, id, flags, MaildirNames.infoOf(p.getFileName().toString())));
        Path target = z.dir.resolve("cur").resolve(name);
        try {
            Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("cannot move item '" + id + "' from '" + from + "' to '" + to + "'", e);
        }
        a.index.remove(id);
        a.extras().set(id, Set.of());
        z.index.put(id, "cur/" + name);
    }

    @Override
    public synchronized void delete(FolderPath path, String id) {
        MaildirFolder f = folders.get(path);
        if (f == null) {
            return;
        }
        try {
            Path p = file(f, path, id);
            Files.deleteIfExists(p);
            staged.remove(p);
            f.index.remove(id);
            f.extras().set(id, Set.of());
        } catch (StoreException missing) {
            // already gone
        } catch (IOException e) {
            throw new StoreException("cannot delete item '" + id + "' of local folder '" + path + "'", e);
        }
    }

    @Override
    public synchronized void close() {
        flush();
    }
}
