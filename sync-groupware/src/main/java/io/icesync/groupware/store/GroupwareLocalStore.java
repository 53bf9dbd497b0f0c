package io.icesync.groupware.store;

import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.StoreException;
import io.icesync.core.spi.LocalFolder;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.LocalStore;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A profile's local store: mail (and documents) in one store, a Maildir by default, and groupware
 * folders (contacts, events, tasks, notes, journal) in a {@link VdirLocalStore}. A folder lives in
 * the store its kind calls for; a rename moves what each store holds under the old path.
 */
public final class GroupwareLocalStore implements LocalStore {
    private final LocalStore mail;
    private final VdirLocalStore groupware;

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

    @Override
    public void deleteFolder(FolderPath path) {
        at(path).deleteFolder(path);
    }

    @Override
    public List<LocalItem> items(FolderPath folder) {
        return at(folder).items(folder);
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
