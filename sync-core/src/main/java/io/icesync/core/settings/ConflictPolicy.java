package io.icesync.core.settings;

/**
 * Who wins when an item changed on both sides since the last sync (F4.4; guide, onglet Avancé,
 * "Résolution de conflit"). The guide names no default; {@link SyncSettings#defaults()} uses
 * {@link #SERVER_WINS}, the first option listed.
 */
public enum ConflictPolicy {
    /** "Le serveur est maître - la donnée du serveur est conservée." */
    SERVER_WINS,
    /** "Le client est maître – le dernier changement du client est utilisé." */
    CLIENT_WINS
}
