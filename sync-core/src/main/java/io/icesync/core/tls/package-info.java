/**
 * TLS checks shared by every client: {@link io.icesync.core.tls.CapturingTrust} trusts the JVM's CAs
 * plus the certificates a user accepted and keeps the chain the server presented,
 * {@link io.icesync.core.tls.LiveTrust} checks each handshake against a
 * {@link io.icesync.core.spi.CertificateTrust} as it is at that moment, and
 * {@link io.icesync.core.tls.TransportErrors} turns failures below HTTP into IceSync's typed errors.
 */
package io.icesync.core.tls;
