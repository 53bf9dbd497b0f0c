package io.icesync.groupware;

/** Parameter values: quoted when they hold a character that would end them. */
final class Params {
    private Params() {
    }

    static String quote(String v) {
        String clean = v.replace("\"", "'");
        return clean.indexOf(':') >= 0 || clean.indexOf(';') >= 0 || clean.indexOf(',') >= 0 ? "\"" + clean + "\"" : clean;
    }
}
