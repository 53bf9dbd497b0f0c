package io.icesync.core.settings;

/** How much of a message is downloaded (F4.6; guide: "Personnalisé / En-tête / Complet"). */
public enum DownloadMode {
    /** "En-tête": headers only; the rest when the message is opened. */
    HEADERS_ONLY,
    /** "Complet": whole messages. */
    FULL,
    /** "Personnalisé": whole messages up to the threshold, headers only above it. */
    CUSTOM
}
