/**
 * The interfaces an app implements to bring its own server, storage or keys:
 * {@link io.icesync.core.spi.RemoteStore}, {@link io.icesync.core.spi.LocalStore},
 * {@link io.icesync.core.spi.SyncStateStore}, {@link io.icesync.core.spi.SecretStore},
 * {@link io.icesync.core.spi.CertificateTrust} and {@link io.icesync.core.spi.Clock}, with the values
 * they exchange. The default implementations are in {@code io.icesync.core.store}; contract suites in
 * sync-core's test-jar specify each one.
 */
package io.icesync.core.spi;
