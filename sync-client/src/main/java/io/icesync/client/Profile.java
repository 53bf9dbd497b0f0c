package io.icesync.client;

import io.icesync.core.Account;
import io.icesync.core.settings.SyncSettings;
import java.util.Objects;

/**
 * What a profile folder describes: whose account, which server, what certificate the user chose
 * to trust (PEM, or null) and the sync settings. Never a password: that lives in the secret store.
 */
public record Profile(Account account, SyncSettings settings, String trustedCertificatePem) {
    public Profile {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(settings, "settings");
    }

    public Profile withSettings(SyncSettings s) {
        return new Profile(account, s, trustedCertificatePem);
    }
}
