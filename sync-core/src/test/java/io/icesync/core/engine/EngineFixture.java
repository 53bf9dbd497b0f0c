package io.icesync.core.engine;

import io.icesync.core.Flags;
import io.icesync.core.FolderPath;
import io.icesync.core.settings.ConflictPolicy;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.LocalStores;
import io.icesync.core.store.StateStores;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** A server, a local store and a state store, wired to a fresh engine on demand. */
class EngineFixture {
    static final FolderPath INBOX = FolderPath.of("INBOX");
    static final FolderPath ARCHIVE = FolderPath.of("Archive");

    MemoryRemote remote = new MemoryRemote();
    LocalStore local;
    SyncStateStore state;

    EngineFixture() {
        local = LocalStores.inMemory();
        state = StateStores.inMemory();
    }

    /** The default stores on disk: a Maildir tree and a SQLite file in {@code dir}. */
    EngineFixture(java.nio.file.Path dir) {
        local = LocalStores.maildir(dir.resolve("mail"));
        state = StateStores.sqlite(dir.resolve("state.db"));
    }
    SyncSettings settings = SyncSettings.builder().delayBetweenItems(Duration.ofMillis(1)).build();

    SyncEngine engine() {
        return SyncEngine.builder().remote(remote).local(local).state(state).settings(() -> settings).build();
    }

    SyncReport sync() {
        return engine().syncOnce();
    }

    void policy(ConflictPolicy p) {
        settings = settings.toBuilder().conflictPolicy(p).build();
    }

    String localAdd(FolderPath f, String messageId, Flags flags) {
        String text = "Message-ID: " + messageId + "\r\nSubject: local " + messageId + "\r\n\r\nlocal body\r\n";
        return local.add(f, flags, 0, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    LocalItem localItem(FolderPath f, String messageId) {
        for (LocalItem i : local.items(f)) {
            try (var in = local.open(f, i.id())) {
                if (messageId.equals(Sides.id(in))) {
                    return i;
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        throw new AssertionError(messageId + " not in local " + f);
    }

    List<String> remoteIds(FolderPath f) {
        return remote.messageIds(f);
    }
}
