package io.icesync.groupware.store;

import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.KindChangeRefusedException;
import io.icesync.core.StoreException;
import io.icesync.core.spi.EmptyRoot;
import io.icesync.core.spi.LocalFolder;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.LocalStore;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A profile's local store: mail (and documents) in one store, a Maildir by default, and groupware
 * folders (contacts, events, tasks, notes, journal) in a {@link VdirLocalStore}. A folder lives in
 * the store its kind calls for; a rename moves what each store holds under the old path.
 */
public final class GroupwareLocalStore implements LocalStore {
    private final LocalStore mail;
    private final VdirLocalStore groupware;

    /**
     * @param mail      the store of mail folders
     * @param groupware the store of the other kinds' folders
     */
    public GroupwareLocalStore(LocalStore mail, VdirLocalStore groupware) {
        this.mail = Objects.requireNonNull(mail, "mail");
        this.groupware = Objects.requireNonNull(groupware, "groupware");
    }

    private static boolean isGroupware(FolderKind kind) {
        return kind != FolderKind.MAIL && kind != FolderKind.DOCUMENTS;
    }

    private LocalStore at(FolderPath p) {
        return groupware.holds(p) ? groupware : mail;
    }

    @Override
    public boolean syncsItemsOf(FolderKind kind) {
        return isGroupware(kind) ? groupware.syncsItemsOf(kind) : mail.syncsItemsOf(kind);
    }

    @Override
    public List<LocalFolder> folders() {
        Map<FolderPath, LocalFolder> all = new LinkedHashMap<>();
        for (LocalFolder f : mail.folders()) {
            all.put(f.path(), f);
        }
        // A path both stores know (a mail parent the Maildir made for a groupware folder) is the groupware one.
        for (LocalFolder f : groupware.folders()) {
            all.put(f.path(), f);
        }
        List<LocalFolder> out = new ArrayList<>(all.values());
        out.sort(Comparator.comparing(LocalFolder::path));
        return out;
    }

    /** The groupware store's folder when it keeps the file, else the mail store's. */
    @Override
    public Optional<FolderPath> folderAt(Path file) {
        Optional<FolderPath> g = groupware.folderAt(file);
        return g.isPresent() ? g : mail.folderAt(file);
    }

    /** Each store's empty roots, for the kinds this store keeps there. */
    @Override
    public List<EmptyRoot> emptyRoots() {
        List<EmptyRoot> out = new ArrayList<>();
        for (EmptyRoot r : mail.emptyRoots()) {
            Set<FolderKind> kinds = r.kinds().stream().filter(k -> !isGroupware(k)).collect(Collectors.toSet());
            if (!kinds.isEmpty()) {
                out.add(new EmptyRoot(r.location(), r.missing(), kinds));
            }
        }
        for (EmptyRoot r : groupware.emptyRoots()) {
            Set<FolderKind> kinds = r.kinds().stream().filter(GroupwareLocalStore::isGroupware).collect(Collectors.toSet());
            if (!kinds.isEmpty()) {
                out.add(new EmptyRoot(r.location(), r.missing(), kinds));
            }
        }
        return out;
    }

    @Override
    public LocalFolder createFolder(FolderPath path, FolderKind kind) {
        return isGroupware(kind) ? groupware.createFolder(path, kind) : mail.createFolder(path, kind);
    }

    @Override
    public void renameFolder(FolderPath from, FolderPath to) {
        boolean inMail = mail.folders().stream().anyMatch(f -> f.path().startsWith(from));
        boolean inGroupware = groupware.holdsUnder(from);
        if (!inMail && !inGroupware) {
            mail.renameFolder(from, to); // reports the missing folder
            return;
        }
        if (inMail) {
            mail.renameFolder(from, to);
        }
        if (inGroupware) {
            if (groupware.holds(from)) {
                groupware.renameFolder(from, to);
            } else {
                groupware.moveTree(from, to);
            }
        }
    }

    /**
     * A folder whose kind changes between mail (or documents) and a groupware kind moves between the
     * two stores, its items left to be downloaded again. Mail to groupware makes the vdir folder first
     * (listed in place of the Maildir one from then on) and then removes the Maildir folder; groupware
     * to mail removes the vdir folder first (one rename: it goes whole) and then makes the Maildir one,
     * since a vdir folder hides a Maildir one at the same path. A rerun after a kill finishes either.
     * A folder with sub-folders is not moved: they would be lost, or left under a folder of the other
     * store. A change within one store (events to tasks, mail to documents) moves nothing.
     */
    @Override
    public LocalFolder changeKind(FolderPath path, FolderKind to) {
        boolean inMail = mailHolds(path);
        boolean inGroupware = groupware.holds(path);
        if (isGroupware(to)) {
            if (!inMail) {
                if (inGroupware) {
                    groupware.recordKind(path, to); // events to tasks: the files stay, the codec follows the kind
                    return null;
                }
                return groupware.createFolder(path, to);
            }
            if (inGroupware) {
                // A Maildir folder with sub-folders there is the mail parent of those, not a copy of this one.
                if (subFolder(mail.folders(), path) == null) {
                    mail.deleteFolder(path);
                    mail.flush();
                }
                return null;
            }
            refuseSubFolders(path);
            LocalFolder moved = groupware.createFolder(path, to);
            mail.deleteFolder(path);
            mail.flush();
            return moved;
        }
        if (!inGroupware) {
            return inMail ? null : mail.createFolder(path, to);
        }
        refuseSubFolders(path);
        groupware.deleteFolder(path);
        return mail.createFolder(path, to);
    }

    private boolean mailHolds(FolderPath p) {
        return mail.folders().stream().anyMatch(f -> f.path().equals(p));
    }

    private void refuseSubFolders(FolderPath path) {
        FolderPath sub = subFolder(mail.folders(), path);
        if (sub == null) {
            sub = subFolder(groupware.folders(), path);
        }
        if (sub != null) {
            throw new KindChangeRefusedException("it has the sub-folder " + sub);
        }
    }

    private static FolderPath subFolder(List<LocalFolder> folders, FolderPath path) {
        for (LocalFolder f : folders) {
            if (!f.path().equals(path) && f.path().startsWith(path)) {
                return f.path();
            }
        }
        return null;
    }

    @Override
    public void deleteFolder(FolderPath path) {
        at(path).deleteFolder(path);
    }

    @Override
    public List<LocalItem> items(FolderPath folder) {
        return at(folder).items(folder);
    }

    @Override
    public List<LocalItem> items(FolderPath folder, java.util.Collection<String> ids) {
        return at(folder).items(folder, ids);
    }

    @Override
    public String changeMark(FolderPath folder) {
        return at(folder).changeMark(folder);
    }

    @Override
    public InputStream open(FolderPath folder, String id) {
        return at(folder).open(folder, id);
    }

    @Override
    public String add(FolderPath folder, Flags flags, long uidHint, InputStream content) {
        return at(folder).add(folder, flags, uidHint, content);
    }

    /** The name hint goes on to the store that keeps the folder. */
    @Override
    public String add(FolderPath folder, Flags flags, long uidHint, String name, InputStream content) {
        return at(folder).add(folder, flags, uidHint, name, content);
    }

    @Override
    public void flush() {
        mail.flush();
        groupware.flush();
    }

    @Override
    public void replaceContent(FolderPath folder, String id, InputStream content) {
        at(folder).replaceContent(folder, id, content);
    }

    @Override
    public void setFlags(FolderPath folder, String id, Flags flags) {
        at(folder).setFlags(folder, id, flags);
    }

    @Override
    public void move(FolderPath from, String id, FolderPath to) {
        LocalStore a = at(from);
        if (a != at(to)) {
            throw new StoreException("cannot move '" + id + "' from '" + from + "' to '" + to
                    + "': one holds mail, the other groupware", null);
        }
        a.move(from, id, to);
    }

    @Override
    public void delete(FolderPath folder, String id) {
        at(folder).delete(folder, id);
    }

    @Override
    public void close() {
        try {
            groupware.close();
        } finally {
            mail.close();
        }
    }
}
