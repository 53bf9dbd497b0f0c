package io.icesync.core.settings;

/** Where an administrator imposed a value (F10.2); a more specific level overrides a more general one. */
public enum PolicyLevel {
    GLOBAL, DOMAIN, USER
}
