package io.icesync.client;

import io.icesync.client.internal.FolderKindMaps;
import io.icesync.client.internal.ProfileJson;
import io.icesync.core.Account;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.InvalidSettingException;
import io.icesync.core.ProxyChoice;
import io.icesync.core.settings.SyncSettings;
import io.icesync.smartdiscover.DiscoveredSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a profile folder describes: whose account on which server, the certificate the user chose
 * to trust (PEM text, or null for the system's CAs only), the user's sync settings, and how groupware
 * folders are recognised. Never a password: that lives in a {@link io.icesync.core.spi.SecretStore}
 * under {@link Account#secretKey()}.
 *
 * <p>A folder's kind (mail, contacts, events...) comes from the server's Kolab folder-type METADATA;
 * on an IceWarp server (one that advertises {@code X-ICEWARP-SERVER}) without METADATA, from the name
 * of a top-level folder; on any other server without METADATA every folder is mail, whatever its name,
 * so that the mail of a folder called {@code Documents} or {@code Notes} is synced. {@code folderKinds}
 * is the user's kind for some folders, which wins over all that (never null; empty when none).
 * {@code folderNames} replaces IceWarp's default names ({@code Contacts}, {@code Calendar}/{@code
 * Calendrier}... see {@link FolderKind#ofDefaultName}) for servers without METADATA, and applies on any
 * server, IceWarp or not: only the names it lists then make a folder groupware (compared without case).
 * null keeps IceWarp's names, on IceWarp only; {@code withFolderNames(FolderKind.defaultNames())} turns
 * IceWarp's names on for another server. A folder whose kind no local store keeps (documents) is listed
 * in every cycle's {@link io.icesync.core.engine.SyncReport#notSynced()}. Both apply when the profile is
 * opened; a folder already synced whose kind changes moves to the local store of its new kind at the
 * next sync, once its local changes are on the server (see docs/ARCHITECTURE.md).
 *
 * <p>As JSON ({@code profile.json}):
 * <pre>{@code
 * {
 *   "email" : "jean@example.com",
 *   "login" : "jean@example.com",
 *   "imap" : { "host" : "mail.example.com", "port" : 143, "security" : "starttls" },
 *   "trustedCertificatePem" : "-----BEGIN CERTIFICATE-----\n...",      (optional)
 *   "settings" : { "standardIntervalMinutes" : 10, ... },            (SettingsJson; optional)
 *   "folderKinds" : { "Adressen" : "CONTACTS", "Projets/Notes" : "NOTES" },   (optional)
 *   "folderNames" : { "Agenda" : "EVENTS", "Kontakte" : "CONTACTS" },       (optional)
 *   "proxy" : "proxy.example.com:3128",                                  (optional: none, system or HOST:PORT)
 *   "services" : {                                                    (optional; see Services)
 *     "smtp" : { "host" : "mail.example.com", "port" : 587, "security" : "starttls" },
 *     "caldav" : "https://dav.example.com/", "carddav" : "https://dav.example.com/",
 *     "documents" : "https://mail.example.com/webdav/jean/Files/",
 *     "smartAttach" : "https://mail.example.com/webdav/", "freeBusy" : "https://...?user=%NAME%@%SERVER%",
 *     "xmlApi" : "https://mail.example.com/icewarpapi/", "groupware" : "imap",
 *     "logins" : { "smtp" : "jean" },
 *     "pop3" : { "host" : "mail.example.com", "port" : 995, "security" : "ssl", "deleteAfterDays" : 14 }
 *   },                                                                (pop3: a GroupWare profile, see Pop3Mail)
 *   "pop3ListenerPort" : 5110,                                       (optional; 0: no local POP3 listener)
 *   "auth" : "oauth", "tokenMechanism" : "OAUTHBEARER",               (optional; see MailOptions)
 *   "mailProperties" : { "mail.imap.fetchsize" : "65536" }           (optional; see MailOptions)
 * }
 * }</pre>
 * Folder paths are written as {@link FolderKinds#pathText} writes them. {@code proxy} is the proxy the
 * IMAP connections go through ({@link ProxyChoice#parse}; default {@link ProxyChoice#none()}).
 *
 * @param account               whose account on which IMAP server
 * @param settings              the user's sync settings
 * @param trustedCertificatePem the certificate the user chose to trust (PEM text), or null for the system's CAs only
 * @param folderKinds           the user's kind for some folders, which wins over the server's; never null
 * @param folderNames           the top-level names that make a folder groupware, or null for IceWarp's on IceWarp only
 * @param proxy                 the proxy the IMAP connections go through; never null
 * @param services              the account's services beyond IMAP; never null
 * @param pop3ListenerPort      the port of the local POP3 listener on 127.0.0.1 (F10.4), 0 for none
 * @param mail                  how the mail connections log in and the Angus Mail properties they get; never null
 */
public record Profile(Account account, SyncSettings settings, String trustedCertificatePem,
                      Map<FolderPath, FolderKind> folderKinds, Map<String, FolderKind> folderNames,
                      ProxyChoice proxy, Services services, int pop3ListenerPort, MailOptions mail) {
    /** Where the local POP3 listener answers unless the profile says otherwise (the guide's "Port POP3"). */
    public static final int DEFAULT_POP3_LISTENER_PORT = 5110;

    /**
     * @param account               whose account on which IMAP server, not null
     * @param settings              the user's sync settings, not null
     * @param trustedCertificatePem the certificate the user chose to trust, PEM; null or blank for the system's CAs only
     * @param folderKinds           the user's kind for some folders, or null for none
     * @param folderNames           the names that make a top-level folder groupware, or null for IceWarp's
     * @param proxy                 the proxy of the IMAP connections, or null for none
     * @param services              the account's other services, or null for none but IMAP
     * @param pop3ListenerPort      the port of the local POP3 listener, 0 for none
     * @param mail                  how the mail connections log in, or null for {@link MailOptions#DEFAULTS}
     * @throws io.icesync.core.InvalidSettingException for a bad folder kind or name (the root as a folder, a
     *         missing kind, INBOX as anything but mail, two names that differ only in case), naming
     *         {@code folderKinds} or {@code folderNames} and the value
     */
    public Profile {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(settings, "settings");
        if (trustedCertificatePem != null && trustedCertificatePem.isBlank()) {
            trustedCertificatePem = null;
        }
        folderKinds = FolderKindMaps.kinds(folderKinds);
        folderNames = FolderKindMaps.names(folderNames);
        proxy = proxy == null ? ProxyChoice.none() : proxy;
        services = services == null ? Services.NONE : services;
        mail = mail == null ? MailOptions.DEFAULTS : mail;
        if (pop3ListenerPort < 0 || pop3ListenerPort > 65535) {
            throw new InvalidSettingException("pop3ListenerPort", "expected a port 1..65535, or 0 for no listener, got "
                    + pop3ListenerPort);
        }
    }

    /**
     * A profile whose mail connections log in with the stored password and take no extra property.
     *
     * @param account               whose account on which IMAP server, not null
     * @param settings              the user's sync settings, not null
     * @param trustedCertificatePem the certificate the user chose to trust, PEM, or null
     * @param folderKinds           the user's kind for some folders, or null for none
     * @param folderNames           the names that make a top-level folder groupware, or null for IceWarp's
     * @param proxy                 the proxy of the IMAP connections, or null for none
     * @param services              the account's other services, or null for none but IMAP
     * @param pop3ListenerPort      the port of the local POP3 listener, 0 for none
     */
    public Profile(Account account, SyncSettings settings, String trustedCertificatePem,
                   Map<FolderPath, FolderKind> folderKinds, Map<String, FolderKind> folderNames,
                   ProxyChoice proxy, Services services, int pop3ListenerPort) {
        this(account, settings, trustedCertificatePem, folderKinds, folderNames, proxy, services, pop3ListenerPort,
                MailOptions.DEFAULTS);
    }

    /**
     * A profile whose POP3 listener answers on {@value #DEFAULT_POP3_LISTENER_PORT}.
     *
     * @param account               whose account on which IMAP server, not null
     * @param settings              the user's sync settings, not null
     * @param trustedCertificatePem the certificate the user chose to trust, PEM, or null
     * @param folderKinds           the user's kind for some folders, or null for none
     * @param folderNames           the names that make a top-level folder groupware, or null for IceWarp's
     * @param proxy                 the proxy of the IMAP connections, or null for none
     * @param services              the account's other services, or null for none but IMAP
     */
    public Profile(Account account, SyncSettings settings, String trustedCertificatePem,
                   Map<FolderPath, FolderKind> folderKinds, Map<String, FolderKind> folderNames,
                   ProxyChoice proxy, Services services) {
        this(account, settings, trustedCertificatePem, folderKinds, folderNames, proxy, services,
                DEFAULT_POP3_LISTENER_PORT);
    }

    /**
     * A profile of the IMAP service only.
     *
     * @param account               whose account on which IMAP server, not null
     * @param settings              the user's sync settings, not null
     * @param trustedCertificatePem the certificate the user chose to trust, PEM, or null
     * @param folderKinds           the user's kind for some folders, or null for none
     * @param folderNames           the names that make a top-level folder groupware, or null for IceWarp's
     * @param proxy                 the proxy of the IMAP connections, or null for none
     */
    public Profile(Account account, SyncSettings settings, String trustedCertificatePem,
                   Map<FolderPath, FolderKind> folderKinds, Map<String, FolderKind> folderNames, ProxyChoice proxy) {
        this(account, settings, trustedCertificatePem, folderKinds, folderNames, proxy, Services.NONE);
    }

    /**
     * A profile without a proxy.
     *
     * @param account               whose account on which IMAP server, not null
     * @param settings              the user's sync settings, not null
     * @param trustedCertificatePem the certificate the user chose to trust, PEM, or null
     * @param folderKinds           the user's kind for some folders, or null for none
     * @param folderNames           the names that make a top-level folder groupware, or null for IceWarp's
     */
    public Profile(Account account, SyncSettings settings, String trustedCertificatePem,
                   Map<FolderPath, FolderKind> folderKinds, Map<String, FolderKind> folderNames) {
        this(account, settings, trustedCertificatePem, folderKinds, folderNames, ProxyChoice.none());
    }

    /**
     * A profile with no folder-kind override and IceWarp's default folder names.
     *
     * @param account               whose account on which IMAP server, not null
     * @param settings              the user's sync settings, not null
     * @param trustedCertificatePem the certificate the user chose to trust, PEM, or null
     */
    public Profile(Account account, SyncSettings settings, String trustedCertificatePem) {
        this(account, settings, trustedCertificatePem, Map.of(), null, ProxyChoice.none());
    }

    /**
     * An account with the guide's default settings and no extra trusted certificate.
     *
     * @param account the account, not null
     * @return its profile, no other service than IMAP
     */
    public static Profile of(Account account) {
        return new Profile(account, SyncSettings.defaults(), null);
    }

    /**
     * A profile from discovered settings (F1): the IMAP endpoint and login discovery found, the SMTP
     * server (with its login when it differs), the WebDAV &amp; SmartAttach URL, and IceWarp's XML API
     * beside the web client, with these sync settings and the
     * certificate the user accepted (or null). Groupware stays on IMAP folders, IceWarp's way.
     *
     * @param email                 the address the user gave
     * @param found                 what discovery found; it must hold an IMAP server
     * @param settings              the user's sync settings
     * @param trustedCertificatePem the certificate the user accepted, PEM, or null
     * @return the profile, groupware on IMAP folders
     * @throws IllegalArgumentException when discovery found no IMAP server
     */
    public static Profile fromDiscovery(String email, DiscoveredSettings found,
                                        SyncSettings settings, String trustedCertificatePem) {
        if (found == null || found.imap() == null) {
            throw new IllegalArgumentException("discovery found no IMAP server for " + email
                    + (found == null ? "" : " (only " + (found.pop3() != null ? "POP3" : "SMTP") + ")"));
        }
        String login = found.imapLogin() == null ? email : found.imapLogin();
        Map<String, String> logins = new HashMap<>();
        if (found.smtp() != null && found.smtpLogin() != null && !found.smtpLogin().equals(login)) {
            logins.put("smtp", found.smtpLogin());
        }
        // IceWarp publishes no CalDAV/CardDAV or documents path: those stay unset (DNS and well-known
        // URLs find the DAV servers when groupware is switched to DAV).
        Services services = new Services(found.smtp(), null, null, null, found.webdav(), null,
                found.web() == null ? null : found.web().resolve("/icewarpapi/"), Services.GroupwareSource.IMAP, logins);
        return new Profile(new Account(email, login, found.imap()), settings, trustedCertificatePem, Map.of(), null,
                ProxyChoice.none(), services);
    }

    /**
     * The profile with other sync settings.
     *
     * @param s the new settings, not null
     * @return a copy with them, the rest kept
     */
    public Profile withSettings(SyncSettings s) {
        return new Profile(account, s, trustedCertificatePem, folderKinds, folderNames, proxy, services, pop3ListenerPort, mail);
    }

    /**
     * The profile trusting another certificate.
     *
     * @param pem the certificate as PEM text, or null (or blank) for the system's CAs only
     * @return a copy with it, the rest kept
     */
    public Profile withTrustedCertificatePem(String pem) {
        return new Profile(account, settings, pem, folderKinds, folderNames, proxy, services, pop3ListenerPort, mail);
    }

    /**
     * The folder treated as {@code kind} whatever the server or its name says.
     *
     * @param folder the folder, not the root
     * @param kind   its kind
     * @return a copy with the override added (or replaced)
     * @throws io.icesync.core.InvalidSettingException for the root, or INBOX as anything but mail
     */
    public Profile withFolderKind(FolderPath folder, FolderKind kind) {
        Map<FolderPath, FolderKind> m = new HashMap<>(folderKinds);
        m.put(folder, kind);
        return withFolderKinds(m);
    }

    /**
     * The folder's kind left to the server (or its name) again; no change if it had no override.
     *
     * @param folder the folder
     * @return a copy without its override
     */
    public Profile withoutFolderKind(FolderPath folder) {
        Map<FolderPath, FolderKind> m = new HashMap<>(folderKinds);
        m.remove(folder);
        return withFolderKinds(m);
    }

    /**
     * All overrides replaced by these (null or empty: none).
     *
     * @param kinds the kind of each folder, or null for none
     * @return a copy with these overrides
     * @throws io.icesync.core.InvalidSettingException for a bad folder or kind
     */
    public Profile withFolderKinds(Map<FolderPath, FolderKind> kinds) {
        return new Profile(account, settings, trustedCertificatePem, kinds, folderNames, proxy, services, pop3ListenerPort, mail);
    }

    /**
     * The names that make a top-level folder groupware on a server without METADATA, IceWarp or not,
     * in place of IceWarp's (null: IceWarp's again, on IceWarp only). An empty map makes every such
     * folder mail; {@code FolderKind.defaultNames()} applies IceWarp's names on any server.
     *
     * @param names folder names to kinds, compared without case, or null
     * @return a copy with these names
     * @throws io.icesync.core.InvalidSettingException for two names that differ only in case, or a missing kind
     */
    public Profile withFolderNames(Map<String, FolderKind> names) {
        return new Profile(account, settings, trustedCertificatePem, folderKinds, names, proxy, services, pop3ListenerPort, mail);
    }

    /**
     * The account's other services replaced by these (null: none but IMAP).
     *
     * @param s the services, or null
     * @return a copy with them
     */
    public Profile withServices(Services s) {
        return new Profile(account, settings, trustedCertificatePem, folderKinds, folderNames, proxy, s, pop3ListenerPort, mail);
    }

    /**
     * The proxy the IMAP connections go through ({@link ProxyChoice#none()}: straight to the server).
     *
     * @param p the proxy, or null for none
     * @return a copy with it
     */
    public Profile withProxy(ProxyChoice p) {
        return new Profile(account, settings, trustedCertificatePem, folderKinds, folderNames, p, services, pop3ListenerPort, mail);
    }

    /**
     * The port of the local POP3 listener (F10.4) that runs with the scheduled sync, always on 127.0.0.1;
     * 0: no listener ("Démarrer/Arrêter").
     *
     * @param port 1 to 65535, or 0 for no listener
     * @return a copy with it
     * @throws io.icesync.core.InvalidSettingException naming {@code pop3ListenerPort} for a port out of range
     */
    public Profile withPop3ListenerPort(int port) {
        return new Profile(account, settings, trustedCertificatePem, folderKinds, folderNames, proxy, services, port, mail);
    }

    /**
     * How the mail connections log in (password or access tokens) and the mail properties they get.
     *
     * @param m the login and mail properties, or null for {@link MailOptions#DEFAULTS}
     * @return a copy with them
     */
    public Profile withMail(MailOptions m) {
        return new Profile(account, settings, trustedCertificatePem, folderKinds, folderNames, proxy, services,
                pop3ListenerPort, m);
    }

    /**
     * Whether mail comes over POP3 (a GroupWare profile, F10.3) rather than IMAP (a normal profile).
     *
     * @return true when {@link Services#pop3()} is set
     */
    public boolean groupwareProfile() {
        return services.mailOverPop3();
    }

    /**
     * IceWarp's default folder names again ({@link FolderKind#ofDefaultName}), on IceWarp servers only.
     *
     * @return a copy whose {@code folderNames} is null
     */
    public Profile withDefaultFolderNames() {
        return withFolderNames(null);
    }

    /**
     * The profile as indented JSON (the {@code profile.json} format above).
     *
     * @return the JSON text, never holding a password
     */
    public String toJson() {
        return ProfileJson.toJson(this);
    }

    /**
     * Reads a profile. Strict: an unknown field (a typo), a missing required field or a wrong value is
     * an {@link InvalidProfileException} naming the field; missing settings take the guide's defaults.
     *
     * @param json the text of a {@code profile.json}
     * @return the profile
     * @throws InvalidProfileException naming the field at fault
     */
    public static Profile fromJson(String json) {
        return ProfileJson.fromJson(json, null);
    }
}
