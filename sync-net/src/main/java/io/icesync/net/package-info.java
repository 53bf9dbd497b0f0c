/**
 * The connection layer of IceSync's HTTP modules (WebDAV, CalDAV/CardDAV, free/busy, the IceWarp XML
 * API, discovery): {@link io.icesync.net.HttpClientFactory} makes every HttpClient 5 client from an
 * {@link io.icesync.net.HttpSetup} (a {@link io.icesync.core.ServiceAccess}'s timeouts and proxy, the
 * module's TLS and rules), or lends the application's own; {@link io.icesync.net.DnsResolver} answers
 * the MX, SRV ({@link io.icesync.net.SrvTarget}, RFC 2782 order), TXT and address lookups.
 */
package io.icesync.net;
