package io.icesync.webdav.dav.internal;

/**
 * The DNS names and default context path of one service (RFC 6764): SRV over TLS, SRV over plain
 * http, and the well-known path used when no TXT record gives one.
 */
public record ServiceNames(String display, String tlsLabel, String plainLabel, String wellKnown) {
    public static final ServiceNames CALDAV = new ServiceNames("CalDAV", "_caldavs._tcp", "_caldav._tcp",
            "/.well-known/caldav");
    public static final ServiceNames CARDDAV = new ServiceNames("CardDAV", "_carddavs._tcp", "_carddav._tcp",
            "/.well-known/carddav");
}
