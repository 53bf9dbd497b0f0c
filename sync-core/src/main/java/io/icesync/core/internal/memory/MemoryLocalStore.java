package io.icesync.core.internal.memory;

import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderNotFoundException;
import io.icesync.core.FolderPath;
import io.icesync.core.StoreException;
import io.icesync.core.spi.LocalFolder;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.LocalStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A local store in memory with the semantics of the Maildir store (a moved item keeps its id and loses
 * its UID hint, deleting a missing item is a no-op, sub-folders block a delete), for engine tests:
 * ids come from one counter ({@code f1}, {@code i2}...), so a run is repeatable. Contents are held
 * whole, so it is no place for large items.
 *
 * <p>Built with a key function, it also keeps the items of folders of every other kind, as a store
 * of events or contacts does: each such item has the key the function reads from its content and a
 * SHA-256 of the content as its version.
 *
 * <p>An item added with a name keeps it ({@link LocalItem#name()}) as it is, even when another item
 * of the folder has it: names here are for tests of the engine, not file names.
 */
public final class MemoryLocalStore implements LocalStore {
    private record Item(Flags flags, byte[] content, long uidHint, String name) {
    }

    private static final class Box {
        final String id;
        final FolderKind kind;
        final Map<String, Item> items = new LinkedHashMap<>();

        Box(String id, FolderKind kind) {
            this.id = id;
            this.kind = kind;
        }
    }

    private final TreeMap<FolderPath, Box> boxes = new TreeMap<>();
    private final Function<byte[], String> keyOf;
    private long nextId = 1;

    /** A store of mail only. */
    public MemoryLocalStore() {
        this(null);
    }

    /** A store of every kind of folder; {@code keyOf} reads an object's key from its content. */
    public MemoryLocalStore(Function<byte[], String> keyOf) {
        this.keyOf = keyOf;
    }

    @Override
    public boolean syncsItemsOf(FolderKind kind) {
        return keyOf != null || kind == FolderKind.MAIL;
    }

    private Box box(FolderPath p) {
        Box b = boxes.get(p);
        if (b == null) {
            throw new FolderNotFoundException(p, "local store");
        }
        return b;
    }

    @Override
    public synchronized List<LocalFolder> folders() {
        List<LocalFolder> l = new ArrayList<>();
        boxes.forEach((p, b) -> l.add(new LocalFolder(p, b.id, b.kind)));
        return l;
    }

    @Override
    public synchronized LocalFolder createFolder(FolderPath path, FolderKind kind) {
        if (path.isRoot()) {
            throw new IllegalArgumentException("the root is not a folder");
        }
        for (FolderPath p = path.parent(); !p.isRoot(); p = p.parent()) {
            if (!boxes.containsKey(p)) {
                createFolder(p, FolderKind.MAIL);
            }
        }
        Box b = boxes.computeIfAbsent(path, p -> new Box("f" + nextId++, kind));
        return new LocalFolder(path, b.id, b.kind);
    }

    @Override
    public synchronized void renameFolder(FolderPath from, FolderPath to) {
        box(from);
        if (to.isRoot() || to.startsWith(from)) {
            throw new StoreException("cannot rename '" + from + "' to '" + to + "': that is inside itself", null);
        }
        if (boxes.containsKey(to)) {
            throw new StoreException("cannot rename '" + from + "' to '" + to + "': it exists already", null);
        }
        for (FolderPath p = to.parent(); !p.isRoot(); p = p.parent()) {
            if (!boxes.containsKey(p) && !p.startsWith(from)) {
                createFolder(p, FolderKind.MAIL);
            }
        }
        Map<FolderPath, Box> moving = new TreeMap<>();
        boxes.entrySet().removeIf(e -> {
            if (e.getKey().startsWith(from)) {
                moving.put(e.getKey().rebase(from, to), e.getValue());
                return true;
            }
            return false;
        });
        boxes.putAll(moving);
    }

    @Override
    public synchronized void deleteFolder(FolderPath path) {
        box(path);
        for (FolderPath p : boxes.keySet()) {
            if (!p.equals(path) && p.startsWith(path)) {
                throw new StoreException("cannot delete '" + path + "': it still has the sub-folder '" + p + "'", null);
            }
        }
        boxes.remove(path);
    }

    @Override
    public synchronized List<LocalItem> items(FolderPath folder) {
        List<LocalItem> l = new ArrayList<>();
        Box b = box(folder);
        boolean versioned = keyOf != null && b.kind != FolderKind.MAIL;
        b.items.forEach((id, i) -> l.add(versioned
                ? new LocalItem(id, i.flags, i.content.length, i.uidHint, keyOf.apply(i.content), sha256(i.content), i.name)
                : new LocalItem(id, i.flags, i.content.length, i.uidHint, null, null, i.name)));
        return l;
    }

    @Override
    public synchronized InputStream open(FolderPath folder, String id) {
        Item i = box(folder).items.get(id);
        if (i == null) {
            throw new StoreException("no item '" + id + "' in local folder '" + folder + "'", null);
        }
        return new ByteArrayInputStream(i.content);
    }

    @Override
    public String add(FolderPath folder, Flags flags, long uidHint, InputStream content) {
        return add(folder, flags, uidHint, null, content);
    }

    @Override
    public synchronized String add(FolderPath folder, Flags flags, long uidHint, String name, InputStream content) {
        Box b = box(folder);
        String id = "i" + nextId++;
        b.items.put(id, new Item(flags, readAll(content, folder), uidHint, name));
        return id;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(InputStream in, FolderPath folder) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new StoreException("cannot read the content of an item for '" + folder + "'", e);
        }
    }

    @Override
    public void flush() {
        // nothing is buffered
    }

    @Override
    public synchronized void replaceContent(FolderPath folder, String id, InputStream content) {
        Box b = box(folder);
        Item i = b.items.get(id);
        if (i == null) {
            throw new StoreException("no item '" + id + "' in local folder '" + folder + "'", null);
        }
        b.items.put(id, new Item(i.flags, readAll(content, folder), i.uidHint, i.name));
    }

    @Override
    public synchronized void setFlags(FolderPath folder, String id, Flags flags) {
        Box b = box(folder);
        Item i = b.items.get(id);
        if (i == null) {
            throw new StoreException("no item '" + id + "' in local folder '" + folder + "'", null);
        }
        b.items.put(id, new Item(flags, i.content, i.uidHint, i.name));
    }

    @Override
    public synchronized void move(FolderPath from, String id, FolderPath to) {
        Box a = box(from);
        Box z = box(to);
        if (!a.items.containsKey(id)) {
            throw new StoreException("no item '" + id + "' in local folder '" + from + "'", null);
        }
        if (a == z) {
            return;
        }
        Item i = a.items.remove(id);
        // The UID hint belongs to the old folder, as in the Maildir store.
        z.items.put(id, new Item(i.flags, i.content, 0, i.name));
    }

    @Override
    public synchronized void delete(FolderPath folder, String id) {
        Box b = boxes.get(folder);
        if (b != null) {
            b.items.remove(id);
        }
    }

    @Override
    public void close() {
    }
}
