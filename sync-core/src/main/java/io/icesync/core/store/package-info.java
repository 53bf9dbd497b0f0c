/**
 * The default stores: {@link io.icesync.core.store.LocalStores} (Maildir, in-memory),
 * {@link io.icesync.core.store.StateStores} (SQLite, in-memory) and
 * {@link io.icesync.core.store.SecretStores} (a 0600 file, in-memory).
 */
package io.icesync.core.store;
