package io.icesync.core.settings;

/**
 * How much of a message is downloaded (F4.6; guide, onglet Avancé, "Personnalisé / En-tête /
 * Complet"). Default {@link #FULL} (the guide names none).
 */
public enum DownloadMode {
    /** "En-tête – seuls les entêtes sont chargés": the rest when the message is opened. */
    HEADERS_ONLY,
    /** "Complet – Les messages complets sont chargés." */
    FULL,
    /**
     * "Personnalisé": whole messages up to {@link SyncSettings#downloadThresholdBytes()}, headers only
     * above it ("Au-delà, seul l'entête du message est chargé").
     */
    CUSTOM
}
