package io.icesync.fleet.internal;

import io.icesync.fleet.FleetException;
import java.nio.file.Path;

/** An account's folder under the fleet's root: {@code ROOT/<e-mail address>/}. */
public final class AccountFolders {
    private AccountFolders() {
    }

    /** The folder of {@code email} under {@code root}. */
    public static Path of(Path root, String email) {
        checkName(email);
        return root.resolve(email);
    }

    /**
     * Refuses an address that cannot name one folder of the root: a separator, a control character, a
     * leading dot (".." would leave the root), or no "@".
     */
    public static void checkName(String email) {
        boolean bad = email == null || email.isEmpty() || email.startsWith(".") || email.indexOf('@') <= 0
                || email.length() > 254;
        for (int i = 0; !bad && i < email.length(); i++) {
            char ch = email.charAt(i);
            bad = ch == '/' || ch == '\\' || ch < 0x20 || ch == 0x7f;
        }
        if (bad) {
            throw new FleetException("'" + email + "' cannot be a fleet account: an e-mail address names its folder"
                    + " under the root, so it must hold an @ and no /, \\, control character or leading dot");
        }
    }
}
