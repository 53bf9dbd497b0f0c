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
     * directory per folder with {@code cur/new/tmp}, flags in file names, keywords as Dovecot keeps them.
     */
    public static LocalStore maildir(Path root) {
        return new MaildirLocalStore(root);
    }

    /** A local store in memory, for tests. */
    public static LocalStore inMemory() {
        return new MemoryLocalStore();
    }
}
