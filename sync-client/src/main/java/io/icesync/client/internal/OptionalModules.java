package io.icesync.client.internal;

import io.icesync.core.MissingDependencyException;

/**
 * The IceSync modules sync-client declares optional: a mail-only application leaves them out, and a
 * feature that needs one checks here first, so the user gets a MissingDependencyException naming the
 * artifact rather than a NoClassDefFoundError from deep inside.
 */
public final class OptionalModules {
    private OptionalModules() {
    }

    /** Read receipts, the GAL, free/busy, CalDAV/CardDAV items: {@code io.icesync:sync-groupware}. */
    public static void requireGroupware(String feature) {
        require("io.icesync.groupware.mdn.ReadReceipts", "io.icesync:sync-groupware", feature, "");
    }

    /** WebDAV documents, SmartAttach links, CalDAV/CardDAV transport: {@code io.icesync:sync-webdav}. */
    public static void requireWebdav(String feature) {
        require("io.icesync.webdav.WebDavClient", "io.icesync:sync-webdav", feature, "");
    }

    /** Server rules and the signature over IceWarp's API or ManageSieve: {@code io.icesync:sync-rules}. */
    public static void requireRules(String feature) {
        require("io.icesync.rules.RulesProvider", "io.icesync:sync-rules", feature, "");
    }

    /** Finding an address's servers: {@code io.icesync:sync-smartdiscover}. */
    public static void requireSmartDiscover(String feature) {
        require("io.icesync.smartdiscover.SmartDiscover", "io.icesync:sync-smartdiscover", feature,
                "give the servers yourself (new Profile(new Account(...)))");
    }

    /** Opening TNEF (winmail.dat) attachments: Apache POI's {@code org.apache.poi:poi-scratchpad}. */
    public static void requirePoi(String feature) {
        require("org.apache.poi.hmef.HMEFMessage", "org.apache.poi:poi-scratchpad", feature, "");
    }

    /** Whether sync-groupware is on the class path. */
    public static boolean hasGroupware() {
        return present("io.icesync.groupware.mdn.ReadReceipts");
    }

    /** Whether sync-webdav is on the class path. */
    public static boolean hasWebdav() {
        return present("io.icesync.webdav.WebDavClient");
    }

    /** Whether sync-rules is on the class path. */
    public static boolean hasRules() {
        return present("io.icesync.rules.RulesProvider");
    }

    private static void require(String className, String artifact, String feature, String alternative) {
        if (!present(className)) {
            throw new MissingDependencyException(feature, artifact, alternative);
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, OptionalModules.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
