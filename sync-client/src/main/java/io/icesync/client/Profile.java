package io.icesync.client;

import io.icesync.client.internal.ProfileJson;
import io.icesync.core.Account;
import io.icesync.core.settings.SyncSettings;
import io.icesync.smartdiscover.DiscoveredSettings;
import java.util.Objects;

/**
 * What a profile folder describes: whose account on which server, the certificate the user chose
 * to trust (PEM text, or null for the system's CAs only) and the user's sync settings. Never a
 * password: that lives in a {@link io.icesync.core.spi.SecretStore} under {@link Account#secretKey()}.
 *
 * <p>As JSON ({@code profile.json}):
 * <pre>{@code
 * {
 *   "email" : "jean@example.com",
 *   "login" : "jean@example.com",
 *   "imap" : { "host" : "mail.example.com", "port" : 143, "security" : "starttls" },
 *   "trustedCertificatePem" : "-----BEGIN CERTIFICATE-----\n...",      (optional)
 *   "settings" : { "standardIntervalMinutes" : 10, ... }             (SettingsJson; optional)
 * }
 * }</pre>
 */
public record Profile(Account account, SyncSettings settings, String trustedCertificatePem) {
    public Profile {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(settings, "settings");
        if (trustedCertificatePem != null && trustedCertificatePem.isBlank()) {
            trustedCertificatePem = null;
        }
    }

    /** An account with the guide's default settings and no extra trusted certificate. */
    public static Profile of(Account account) {
        return new Profile(account, SyncSettings.defaults(), null);
    }

    /**
     * A profile from discovered settings (F1): the IMAP endpoint and login discovery found, with these
     * sync settings and the certificate the user accepted (or null).
     */
    public static Profile fromDiscovery(String email, DiscoveredSettings found,
                                        SyncSettings settings, String trustedCertificatePem) {
        if (found == null || found.imap() == null) {
            throw new IllegalArgumentException("discovery found no IMAP server for " + email
                    + (found == null ? "" : " (only " + (found.pop3() != null ? "POP3" : "SMTP") + ")"));
        }
        String login = found.imapLogin() == null ? email : found.imapLogin();
        return new Profile(new Account(email, login, found.imap()), settings, trustedCertificatePem);
    }

    public Profile withSettings(SyncSettings s) {
        return new Profile(account, s, trustedCertificatePem);
    }

    public Profile withTrustedCertificatePem(String pem) {
        return new Profile(account, settings, pem);
    }

    /** The profile as indented JSON (the {@code profile.json} format above). */
    public String toJson() {
        return ProfileJson.toJson(this);
    }

    /**
     * Reads a profile. Strict: an unknown field (a typo), a missing required field or a wrong value is
     * an {@link InvalidProfileException} naming the field; missing settings take the guide's defaults.
     */
    public static Profile fromJson(String json) {
        return ProfileJson.fromJson(json, null);
    }
}
