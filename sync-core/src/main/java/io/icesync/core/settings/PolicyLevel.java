package io.icesync.core.settings;

/**
 * Where an administrator set a value (F10.2; guide: "au niveau global, au niveau domaine et au
 * niveau utilisateur"). The most specific level that mentions a setting decides: USER over DOMAIN
 * over GLOBAL.
 */
public enum PolicyLevel {
    GLOBAL, DOMAIN, USER
}
