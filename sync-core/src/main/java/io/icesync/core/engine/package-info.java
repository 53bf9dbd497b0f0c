/**
 * The sync engine: {@link io.icesync.core.engine.SyncEngine} runs a cycle between a remote store, a
 * local store and a state store (folder tree, then items, crash-safe), and reports it
 * ({@link io.icesync.core.engine.SyncReport}, {@link io.icesync.core.engine.SyncListener});
 * {@link io.icesync.core.engine.DeleteGuard} stops a cycle that would delete too much with a
 * {@link io.icesync.core.engine.MassDeleteException}; {@code cancel()} and {@code close()} end a cycle under way
 * with a {@link io.icesync.core.engine.SyncCancelledException}. Cycles on the settings' intervals are run by
 * the facade ({@code IceSync.startScheduled}).
 */
package io.icesync.core.engine;
