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
    public DiscoveredSettings {
        otherProtocols = otherProtocols == null ? List.of() : List.copyOf(otherProtocols);
    }
}
