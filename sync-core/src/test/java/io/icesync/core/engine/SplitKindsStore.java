package io.icesync.core.engine;

import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.KindChangeRefusedException;
import io.icesync.core.internal.engine.MessageIds;
import io.icesync.core.internal.memory.MemoryLocalStore;
import io.icesync.core.spi.LocalFolder;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.LocalStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local store that keeps mail folders in one store and every other kind in another, as the
 * groupware store keeps a Maildir and a vdir: a folder whose kind changes moves between them. Ids
 * carry the inner store's prefix ({@code m-}, {@code o-}) so they stay unique across both.
 */
final class SplitKindsStore implements LocalStore {
    final LocalStore mail;
    final LocalStore objects;

    SplitKindsStore(LocalStore mail, LocalStore objects) {
        this.mail = mail;
        this.objects = objects;
    }

    /** Two in-memory stores; objects are keyed by their Message-ID. */
    SplitKindsStore() {
        this(new MemoryLocalStore(SplitKindsStore::keyOf), new MemoryLocalStore(SplitKindsStore::keyOf));
    }

    static String keyOf(byte[] content) {
        try {
            return MessageIds.read(new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isObject(FolderKind k) {
        return k != FolderKind.MAIL;
    }

    private static boolean has(LocalStore s, FolderPath p) {
        return s.folders().stream().anyMatch(f -> f.path().equals(p));
    }

    private LocalStore at(FolderPath p) {
        return has(objects, p) ? objects : mail;
    }

    private String prefix(LocalStore s) {
        return s == objects ? "o-" : "m-";
    }

    /** The inner store's id; an id of the other store names no item here. */
    private String inner(LocalStore s, String id) {
        return id.startsWith(prefix(s)) ? id.substring(2) : "missing:" + id;
    }

    private LocalFolder outer(LocalStore s, LocalFolder f) {
        return new LocalFolder(f.path(), prefix(s) + f.id(), f.kind());
    }

    @Override
    public boolean syncsItemsOf(FolderKind kind) {
        return true;
    }

    @Override
    public List<LocalFolder> folders() {
        Map<FolderPath, LocalFolder> all = new LinkedHashMap<>();
        mail.folders().forEach(f -> all.put(f.path(), outer(mail, f)));
        objects.folders().forEach(f -> all.put(f.path(), outer(objects, f)));
        List<LocalFolder> out = new ArrayList<>(all.values());
        out.sort(Comparator.comparing(LocalFolder::path));
        return out;
    }

    @Override
    public LocalFolder createFolder(FolderPath path, FolderKind kind) {
        LocalStore s = isObject(kind) ? objects : mail;
        return outer(s, s.createFolder(path, kind));
    }

    /** Moves between the two stores: the new copy first when it is the one listed, else the old one goes first. */
    @Override
    public LocalFolder changeKind(FolderPath path, FolderKind to) {
        LocalStore target = isObject(to) ? objects : mail;
        LocalStore other = target == objects ? mail : objects;
        if (!has(other, path)) {
            return has(target, path) ? null : outer(target, target.createFolder(path, to));
        }
        for (LocalFolder f : folders()) {
            if (!f.path().equals(path) && f.path().startsWith(path)) {
                throw new KindChangeRefusedException("it has the sub-folder " + f.path());
            }
        }
        if (target == objects) {
            LocalFolder n = target.createFolder(path, to);
            other.deleteFolder(path);
            return outer(target, n);
        }
        other.deleteFolder(path);
        return outer(target, target.createFolder(path, to));
    }

    @Override
    public void renameFolder(FolderPath from, FolderPath to) {
        at(from).renameFolder(from, to);
    }

    @Override
    public void deleteFolder(FolderPath path) {
        at(path).deleteFolder(path);
    }

    @Override
    public List<LocalItem> items(FolderPath folder) {
        LocalStore s = at(folder);
        List<LocalItem> out = new ArrayList<>();
        for (LocalItem i : s.items(folder)) {
            out.add(new LocalItem(prefix(s) + i.id(), i.flags(), i.size(), i.uidHint(), i.key(), i.version(), i.name()));
        }
        return out;
    }

    @Override
    public InputStream open(FolderPath folder, String id) {
        LocalStore s = at(folder);
        return s.open(folder, inner(s, id));
    }

    @Override
    public String add(FolderPath folder, Flags flags, long uidHint, InputStream content) {
        LocalStore s = at(folder);
        return prefix(s) + s.add(folder, flags, uidHint, content);
    }

    @Override
    public String add(FolderPath folder, Flags flags, long uidHint, String name, InputStream content) {
        LocalStore s = at(folder);
        return prefix(s) + s.add(folder, flags, uidHint, name, content);
    }

    @Override
    public void flush() {
        mail.flush();
        objects.flush();
    }

    @Override
    public void replaceContent(FolderPath folder, String id, InputStream content) {
        LocalStore s = at(folder);
        s.replaceContent(folder, inner(s, id), content);
    }

    @Override
    public void setFlags(FolderPath folder, String id, Flags flags) {
        LocalStore s = at(folder);
        s.setFlags(folder, inner(s, id), flags);
    }

    @Override
    public void move(FolderPath from, String id, FolderPath to) {
        LocalStore s = at(from);
        s.move(from, inner(s, id), to);
    }

    @Override
    public void delete(FolderPath folder, String id) {
        LocalStore s = at(folder);
        s.delete(folder, inner(s, id));
    }

    @Override
    public void close() {
        mail.close();
        objects.close();
    }
}
