package io.icesync.core.internal.engine;

import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.Clock;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.spi.RemoteStore;
import io.icesync.core.spi.SyncStateStore;
import java.util.function.Supplier;

/** The collaborators every step of a sync cycle uses. */
public record EngineContext(RemoteStore remote, LocalStore local, SyncStateStore state,
                            Supplier<SyncSettings> settings, Monitor monitor, Clock clock,
                            Stop stop) {
}
