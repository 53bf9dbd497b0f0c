package io.icesync.client;

import io.icesync.core.Endpoint;
import io.icesync.core.InvalidSettingException;
import io.icesync.groupware.freebusy.FreeBusyTemplate;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every service of an account beyond its IMAP server, as a profile keeps them: the SMTP server, the
 * CalDAV and CardDAV context URLs, the WebDAV base of the documents, the free/busy URL template and
 * IceWarp's XML API; where groupware comes from ({@link GroupwareSource}); and a login per service
 * where a server wants another than the account's ({@code logins}: service name to login). Each is
 * null when the account has none or it is not known. The password is the account's, from the secret
 * store.
 *
 * <p>With {@link GroupwareSource#DAV} and no CalDAV/CardDAV URL, the servers are looked up from the
 * e-mail domain (RFC 6764: DNS SRV and TXT, then {@code /.well-known/caldav}).
 *
 * @param smtp      where mail is sent, or null
 * @param caldav    the CalDAV context URL (calendars, task lists), or null
 * @param carddav   the CardDAV context URL (address books), or null; the CalDAV one when both are on one server
 * @param documents the WebDAV collection whose tree is synced to {@code documents/}, or null for no documents
 * @param smartAttach the server's "WebDAV &amp; SmartAttach" URL, where attachment links of mail and events point, or null
 * @param freeBusy  the free/busy URL template ({@link FreeBusyTemplate}), or null
 * @param xmlApi    IceWarp's XML API ({@code https://host/icewarpapi/}), or null
 * @param groupware where contacts, events, tasks, notes and journal come from
 * @param logins    logins that differ from the account's, by service ({@link #SERVICE_NAMES}); never null
 * @param pop3      where mail comes from in a GroupWare profile (F10.3), or null for mail over IMAP (a normal
 *                  profile). With it, INBOX is filled over POP3 alone and the IMAP server serves only the
 *                  groupware folders (none when groupware comes over DAV) and the copy of sent mail in Sent.
 */
public record Services(Endpoint smtp, URI caldav, URI carddav, URI documents, URI smartAttach, String freeBusy,
                       URI xmlApi, GroupwareSource groupware, Map<String, String> logins, Pop3Mail pop3) {
    /** The names of the services a login can be given for. */
    public static final List<String> SERVICE_NAMES = List.of("smtp", "caldav", "carddav", "documents", "freebusy",
            "xmlapi", "pop3");

    /** No service but IMAP; groupware over IMAP folders. */
    public static final Services NONE = new Services(null, null, null, null, null, null, null, GroupwareSource.IMAP,
            Map.of(), null);

    /** Where a profile's groupware items come from. */
    public enum GroupwareSource {
        /** Typed IMAP folders, IceWarp's way (the default). */
        IMAP,
        /** CalDAV and CardDAV; groupware-typed IMAP folders are then left alone. */
        DAV;

        /**
         * The source a text names.
         *
         * @param text {@code imap} or {@code dav}, in any case
         * @return the source
         * @throws InvalidSettingException naming {@code groupware} for anything else
         */
        public static GroupwareSource parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new InvalidSettingException("groupware", "expected imap or dav, got '" + text + "'");
            }
        }
    }

    /**
     * Checks every URL, the free/busy template and the logins; a null groupware source is taken as
     * IMAP, a blank free/busy template as none, null logins as none.
     *
     * @param smtp        where mail is sent, or null
     * @param caldav      the CalDAV context URL, or null
     * @param carddav     the CardDAV context URL, or null
     * @param documents   the WebDAV collection of the documents, or null
     * @param smartAttach the "WebDAV &amp; SmartAttach" URL, or null
     * @param freeBusy    the free/busy URL template, or null
     * @param xmlApi      IceWarp's XML API, or null
     * @param groupware   where groupware comes from, or null for IMAP
     * @param logins      logins that differ from the account's, by service, or null
     * @param pop3        where mail comes from in a GroupWare profile, or null for IMAP
     * @throws InvalidSettingException naming the service: a URL that is not absolute http(s), one that
     *         carries credentials, a bad free/busy template, a login for an unknown service
     */
    public Services {
        caldav = web("caldav", caldav);
        carddav = web("carddav", carddav);
        documents = web("documents", documents);
        smartAttach = web("smartAttach", smartAttach);
        xmlApi = web("xmlApi", xmlApi);
        if (freeBusy != null) {
            if (freeBusy.isBlank()) {
                freeBusy = null;
            } else {
                try {
                    // Checked with sync-groupware, which alone uses it; a mail-only application keeps it as given.
                    if (io.icesync.client.internal.OptionalModules.hasGroupware()) {
                        FreeBusyTemplate.parse(freeBusy);
                    }
                } catch (IllegalArgumentException e) {
                    throw new InvalidSettingException("freeBusy", e.getMessage());
                }
            }
        }
        groupware = groupware == null ? GroupwareSource.IMAP : groupware;
        Map<String, String> l = new TreeMap<>();
        if (logins != null) {
            logins.forEach((service, login) -> {
                if (!SERVICE_NAMES.contains(service)) {
                    throw new InvalidSettingException("logins", "unknown service '" + service + "'; known: "
                            + SERVICE_NAMES);
                }
                if (login == null || login.isBlank()) {
                    throw new InvalidSettingException("logins", "the login for " + service + " is empty");
                }
                l.put(service, login);
            });
        }
        logins = Map.copyOf(l);
    }

    /**
     * Every service as given, mail over IMAP (no POP3).
     *
     * @param smtp        where mail is sent, or null
     * @param caldav      the CalDAV context URL, or null
     * @param carddav     the CardDAV context URL, or null
     * @param documents   the WebDAV collection of the documents, or null
     * @param smartAttach the "WebDAV &amp; SmartAttach" URL, or null
     * @param freeBusy    the free/busy URL template, or null
     * @param xmlApi      IceWarp's XML API, or null
     * @param groupware   where groupware comes from, or null for IMAP
     * @param logins      logins that differ from the account's, by service, or null
     * @throws InvalidSettingException as the canonical constructor
     */
    public Services(Endpoint smtp, URI caldav, URI carddav, URI documents, URI smartAttach, String freeBusy,
                    URI xmlApi, GroupwareSource groupware, Map<String, String> logins) {
        this(smtp, caldav, carddav, documents, smartAttach, freeBusy, xmlApi, groupware, logins, null);
    }

    private static URI web(String name, URI u) {
        if (u == null) {
            return null;
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!u.isAbsolute() || u.getRawAuthority() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new InvalidSettingException(name, "expected an absolute http or https URL, got '" + u + "'");
        }
        if (u.getRawUserInfo() != null) {
            // Not echoed: the user info may hold a password.
            throw new InvalidSettingException(name, "the URL must not carry a user name or password");
        }
        return u;
    }

    /**
     * Where the secret store keeps the password of {@code service} ({@link #SERVICE_NAMES}) when it differs
     * from the account's; without one there, the account's password ({@link io.icesync.core.Account#secretKey()})
     * serves.
     *
     * @param account the account
     * @param service one of {@link #SERVICE_NAMES}
     * @return the account's secret key followed by {@code #service}
     * @throws InvalidSettingException for an unknown service
     */
    public static String secretKey(io.icesync.core.Account account, String service) {
        if (!SERVICE_NAMES.contains(service)) {
            throw new InvalidSettingException("service", "unknown service '" + service + "'; known: " + SERVICE_NAMES);
        }
        return account.secretKey() + "#" + service;
    }

    /**
     * The login of {@code service} ({@link #SERVICE_NAMES}), else the account's.
     *
     * @param service      one of {@link #SERVICE_NAMES}
     * @param accountLogin the account's login
     * @return the service's own login when {@link #logins()} has one, else {@code accountLogin}
     */
    public String login(String service, String accountLogin) {
        return logins.getOrDefault(service, accountLogin);
    }

    /**
     * Whether mail comes over POP3 (a GroupWare profile, F10.3).
     *
     * @return true when {@link #pop3()} is set
     */
    public boolean mailOverPop3() {
        return pop3 != null;
    }

    /**
     * Whether groupware comes over CalDAV/CardDAV.
     *
     * @return true for {@link GroupwareSource#DAV}
     */
    public boolean davGroupware() {
        return groupware == GroupwareSource.DAV;
    }

    /**
     * These services with another where mail is sent, the others kept.
     *
     * @param v the SMTP server, or null for none
     * @return a copy with it
     * @throws InvalidSettingException when the value is refused as by the canonical constructor
     */
    public Services withSmtp(Endpoint v) {
        return new Services(v, caldav, carddav, documents, smartAttach, freeBusy, xmlApi, groupware, logins, pop3);
    }

    /**
     * These services with another the CalDAV context URL, the others kept.
     *
     * @param v the CalDAV context URL, or null
     * @return a copy with it
     * @throws InvalidSettingException when the value is refused as by the canonical constructor
     */
    public Services withCaldav(URI v) {
        return new Services(smtp, v, carddav, documents, smartAttach, freeBusy, xmlApi, groupware, logins, pop3);
    }

    /**
     * These services with another the CardDAV context URL, the others kept.
     *
     * @param v the CardDAV context URL, or null
     * @return a copy with it
     * @throws InvalidSettingException when the value is refused as by the canonical constructor
     */
    public Services withCarddav(URI v) {
        return new Services(smtp, caldav, v, documents, smartAttach, freeBusy, xmlApi, groupware, logins, pop3);
    }

    /**
     * These services with another the documents' WebDAV collection, the others kept.
     *
     * @param v the WebDAV collection of the documents, or null for no documents
     * @return a copy with it
     * @throws InvalidSettingException when the value is refused as by the canonical constructor
     */
    public Services withDocuments(URI v) {
        return new Services(smtp, caldav, carddav, v, smartAttach, freeBusy, xmlApi, groupware, logins, pop3);
    }

    /**
     * These services with another the SmartAttach URL, the others kept.
     *
     * @param v the "WebDAV &amp; SmartAttach" URL, or null
     * @return a copy with it
     * @throws InvalidSettingException when the value is refused as by the canonical constructor
     */
    public Services withSmartAttach(URI v) {
        return new Services(smtp, caldav, carddav, documents, v, freeBusy, xmlApi, groupware, logins, pop3);
    }

    /**
     * These services with another the free/busy template, the others kept.
     *
     * @param v the free/busy URL template, or null (blank is taken as null)
     * @return a copy with it
     * @throws InvalidSettingException when the value is refused as by the canonical constructor
     */
    public Services withFreeBusy(String v) {
        return new Services(smtp, caldav, carddav, documents, smartAttach, v, xmlApi, groupware, logins, pop3);
    }

    /**
     * These services with another the XML API URL, the others kept.
     *
     * @param v IceWarp's XML API URL, or null
     * @return a copy with it
     * @throws InvalidSettingException when the value is refused as by the canonical constructor
     */
    public Services withXmlApi(URI v) {
        return new Services(smtp, caldav, carddav, documents, smartAttach, freeBusy, v, groupware, logins, pop3);
    }

    /**
     * These services with another the groupware source, the others kept.
     *
     * @param v where groupware comes from, or null for IMAP
     * @return a copy with it
     * @throws InvalidSettingException when the value is refused as by the canonical constructor
     */
    public Services withGroupware(GroupwareSource v) {
        return new Services(smtp, caldav, carddav, documents, smartAttach, freeBusy, xmlApi, v, logins, pop3);
    }

    /**
     * These services with another the per-service logins, the others kept.
     *
     * @param v the logins by service name, or null for none
     * @return a copy with it
     * @throws InvalidSettingException when the value is refused as by the canonical constructor
     */
    public Services withLogins(Map<String, String> v) {
        return new Services(smtp, caldav, carddav, documents, smartAttach, freeBusy, xmlApi, groupware, v, pop3);
    }

    /**
     * Mail over POP3 from {@code v} (a GroupWare profile), or over IMAP again with null.
     *
     * @param v the POP3 settings, or null
     * @return a copy with them, the other services kept
     */
    public Services withPop3(Pop3Mail v) {
        return new Services(smtp, caldav, carddav, documents, smartAttach, freeBusy, xmlApi, groupware, logins, v);
    }
}
