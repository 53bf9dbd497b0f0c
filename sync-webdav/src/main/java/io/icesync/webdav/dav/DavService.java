package io.icesync.webdav.dav;

import io.icesync.webdav.dav.internal.ServiceNames;

/** The two services a domain can publish in DNS (RFC 6764). */
public enum DavService {
    /** Calendars and task lists: {@code _caldavs._tcp}, {@code _caldav._tcp}, {@code /.well-known/caldav}. */
    CALDAV(ServiceNames.CALDAV),
    /** Address books: {@code _carddavs._tcp}, {@code _carddav._tcp}, {@code /.well-known/carddav}. */
    CARDDAV(ServiceNames.CARDDAV);

    private final ServiceNames names;

    DavService(ServiceNames names) {
        this.names = names;
    }

    ServiceNames names() {
        return names;
    }
}
