package io.icesync.smartdiscover;

import io.icesync.core.Endpoint;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * What discovery found (F1.1): the mail endpoints with their login names, the web client and WebDAV
 * (SmartAttach) URLs when given, and every other protocol entry as the server sent it (IceWarp adds
 * XMPP, SIP...). {@code source} says where it came from, e.g. the Autodiscover URL.
 */
public record DiscoveredSettings(Endpoint imap, String imapLogin, Endpoint pop3, String pop3Login, Endpoint smtp,
                                 String smtpLogin, URI web, URI webdav, List<Map<String, String>> otherProtocols,
                                 String source) {
    /**
     * Takes a copy of {@code otherProtocols} (null: none).
     *
     * @param imap           the IMAP endpoint, or null
     * @param imapLogin      the login name for IMAP, or null for the address
     * @param pop3           the POP3 endpoint, or null
     * @param pop3Login      the login name for POP3, or null for the address
     * @param smtp           the SMTP submission endpoint, or null
     * @param smtpLogin      the login name for SMTP, or null for the address
     * @param web            the web client's URL, or null
     * @param webdav         the WebDAV (SmartAttach) URL, or null
     * @param otherProtocols every other protocol entry as name/value pairs, as the server sent it; null for none
     * @param source         where the settings came from, e.g. the Autodiscover URL
     */
    public DiscoveredSettings {
        otherProtocols = otherProtocols == null ? List.of() : List.copyOf(otherProtocols);
    }
}
