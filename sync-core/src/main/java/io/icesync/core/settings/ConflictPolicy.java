package io.icesync.core.settings;

/** Who wins when an item changed on both sides (F4.4; guide: "Résolution de conflit"). */
public enum ConflictPolicy {
    /** "Le serveur est maître": the server's data is kept. */
    SERVER_WINS,
    /** "Le client est maître": the client's last change is used. */
    CLIENT_WINS
}
