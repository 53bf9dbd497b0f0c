/**
 * Proxies for the connections that are not HTTP: {@link io.icesync.core.proxy.MailProxy} turns a
 * {@link io.icesync.core.ProxyChoice} into the proxy of one mail connection (IMAP, SMTP, POP3), the
 * mail library's settings for it, and the typed error when the proxy is what failed. HTTP clients
 * take their proxy from {@code io.icesync.net.HttpClientFactory} instead.
 */
package io.icesync.core.proxy;
