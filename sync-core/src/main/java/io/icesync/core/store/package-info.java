/**
 * The default stores: {@link io.icesync.core.store.LocalStores} (Maildir, in-memory),
 * {@link io.icesync.core.store.StateStores} (SQLite, in-memory) and
 * {@link io.icesync.core.store.SecretStores} (a 0600 file, in-memory); files written whole or not at all
 * ({@link io.icesync.core.store.AtomicFiles}) and the {@code %XX} directory names read back
 * ({@link io.icesync.core.store.PercentEscapes}).
 */
package io.icesync.core.store;
