package io.icesync.core.settings;

/**
 * How much an application writes to its daily log files (F11.4, the guide's "Niveau de
 * journalisation"). The libraries only log through SLF4J; the application that owns the log
 * files (the {@code icesync} command) reads this setting to choose what reaches them.
 */
public enum LogLevel {
    /** "Seulement démarrage et erreurs": each start, warnings and errors; enough for basic support. */
    STARTUP_AND_ERRORS,
    /** "Debug": what the sync does in detail, folder by folder and request by request. */
    DEBUG
}
