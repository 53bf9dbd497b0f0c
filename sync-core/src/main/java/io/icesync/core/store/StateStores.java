package io.icesync.core.store;

import io.icesync.core.internal.OptionalLibraries;
import io.icesync.core.internal.state.InMemorySyncStateStore;
import io.icesync.core.internal.state.SqliteSyncStateStore;
import io.icesync.core.spi.Clock;
import io.icesync.core.spi.SyncStateStore;
import java.nio.file.Path;

/** The default {@link SyncStateStore}s. */
public final class StateStores {
    private StateStores() {
    }

    /**
     * The state in one SQLite file (created if missing, migrated if older): a committed change
     * survives a kill or a power cut. One file per profile; one process at a time.
     *
     * @param file the profile's state file
     * @return the open store of the default scope; close it when done
     * @throws io.icesync.core.StoreException naming the file if it is not a state database, is
     *         damaged, was written by a newer IceSync, or cannot be created
     * @throws io.icesync.core.MissingDependencyException if {@code org.xerial:sqlite-jdbc} is not on the
     *         class path (IceSync declares it optional)
     */
    public static SyncStateStore sqlite(Path file) {
        return sqlite(file, Clock.SYSTEM);
    }

    /**
     * As {@link #sqlite(Path)}, with the clock that stamps failures (tests pass their own).
     *
     * @param file the profile's state file
     * @param clock stamps recorded failures
     * @return the open store of the default scope; close it when done
     * @throws io.icesync.core.StoreException if the file cannot be opened, as for {@link #sqlite(Path)}
     * @throws io.icesync.core.MissingDependencyException if {@code org.xerial:sqlite-jdbc} is not on the class path
     */
    public static SyncStateStore sqlite(Path file, Clock clock) {
        OptionalLibraries.requireSqlite("the state file " + file);
        return SqliteSyncStateStore.open(file, clock);
    }

    /**
     * The state of one service of a profile in the profile's SQLite file: folders, items, intents,
     * failures and values of {@code scope} are apart from those of the other scopes (the default
     * scope is {@code ""}, what {@link #sqlite(Path)} opens), so mail, groupware and documents
     * engines share one file and one session log. Scope names are 1 to 32 of {@code a-z 0-9 -}.
     *
     * @param file the profile's state file
     * @param scope "" or 1 to 32 of {@code a-z 0-9 -}
     * @return the open store of {@code scope}; close it when done
     * @throws IllegalArgumentException if {@code scope} is not a valid scope name
     * @throws io.icesync.core.StoreException if the file cannot be opened, as for {@link #sqlite(Path)}
     * @throws io.icesync.core.MissingDependencyException if {@code org.xerial:sqlite-jdbc} is not on the class path
     */
    public static SyncStateStore sqlite(Path file, String scope) {
        OptionalLibraries.requireSqlite("the state file " + file);
        return SqliteSyncStateStore.open(file, Clock.SYSTEM, scope);
    }

    /**
     * A state store in memory: lost when the process ends; for tests and one-off syncs.
     *
     * @return a new, empty store stamping failures with the system clock
     */
    public static SyncStateStore inMemory() {
        return inMemory(Clock.SYSTEM);
    }

    /**
     * As {@link #inMemory()}, with the clock that stamps failures.
     *
     * @param clock stamps recorded failures
     * @return a new, empty store
     */
    public static SyncStateStore inMemory(Clock clock) {
        return new InMemorySyncStateStore(clock);
    }
}
