package io.icesync.core.store;

import io.icesync.core.internal.maildir.MaildirLocalStore;
import io.icesync.core.internal.memory.MemoryLocalStore;
import io.icesync.core.spi.LocalStore;
import java.nio.file.Path;

/** The default {@link LocalStore}s. */
public final class LocalStores {
    private LocalStores() {
    }

    /**
     * Mail as a tree of Maildirs under {@code root}, readable by mutt, neomutt and mbsync: one
     * directory per folder with {@code cur/new/tmp} (UTF-8 names, awkward ones %-escaped), files named
     * as mbsync names them, keywords as Dovecot keeps them. New items reach {@code cur/} at
     * {@link LocalStore#flush()}, which syncs them as one group; files and folders changed by other
     * programs are picked up, keeping their ids.
     *
     * @param root the folder holding the Maildirs, created if missing
     * @return a new local store over {@code root}
     * @throws io.icesync.core.StoreException if {@code root} cannot be created or read
     */
    public static LocalStore maildir(Path root) {
        return new MaildirLocalStore(root);
    }

    /**
     * A local store in memory with the Maildir store's behaviour and repeatable ids, for tests.
     *
     * @return a new, empty store
     */
    public static LocalStore inMemory() {
        return new MemoryLocalStore();
    }

    /**
     * An in-memory store of every kind of folder: items of folders other than mail have the key
     * {@code keyOf} reads from their content and a content hash as version, so edits are synced.
     *
     * @param keyOf reads an item's key (a UID, a file name) from its content; not null
     * @return a new, empty store
     * @throws NullPointerException if {@code keyOf} is null
     */
    public static LocalStore inMemory(java.util.function.Function<byte[], String> keyOf) {
        return new MemoryLocalStore(java.util.Objects.requireNonNull(keyOf, "keyOf"));
    }
}
