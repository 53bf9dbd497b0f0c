package io.icesync.core.settings;

/**
 * Where an administrator set a value (F10.2; guide: "au niveau global, au niveau domaine et au
 * niveau utilisateur"). The most specific level that mentions a setting decides: USER over DOMAIN
 * over GLOBAL.
 */
public enum PolicyLevel {
    /** The whole server: applies to every user of every domain. */
    GLOBAL,
    /** One domain: overrides GLOBAL for that domain's users. */
    DOMAIN,
    /** One user: overrides DOMAIN and GLOBAL. */
    USER
}
