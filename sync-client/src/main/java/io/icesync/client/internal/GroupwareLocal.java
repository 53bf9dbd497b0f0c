package io.icesync.client.internal;

import io.icesync.core.spi.LocalStore;
import io.icesync.groupware.store.GroupwareLocalStore;
import io.icesync.groupware.store.VdirLocalStore;
import java.nio.file.Path;

/**
 * The local store of IceWarp's groupware folders over IMAP (a vdir beside the mail). A class of its own
 * so that the facade links sync-groupware only when it is on the class path: without it, mail goes to
 * the mail store alone and the server's groupware folders are reported as not synced.
 */
public final class GroupwareLocal {
    private GroupwareLocal() {
    }

    /** {@code mail} for mail folders and a vdir in {@code groupwareDir} for the others, when sync-groupware is present. */
    public static LocalStore withGroupware(LocalStore mail, Path groupwareDir) {
        if (!OptionalModules.hasGroupware()) {
            return mail;
        }
        return new GroupwareLocalStore(mail, new VdirLocalStore(groupwareDir));
    }
}
