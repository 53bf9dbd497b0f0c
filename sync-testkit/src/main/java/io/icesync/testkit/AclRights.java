package io.icesync.testkit;

/** RFC 4314 rights strings, with the obsolete {@code c} and {@code d} of RFC 2086 as IceWarp still sends them. */
final class AclRights {
    /** Every right, in RFC 4314 order, plus {@code c} and {@code d}: what IceWarp reports to a folder's owner. */
    static final String ALL = "lrswipkxteacd";
    private static final String ORDER = "lrswipkxtea";

    private AclRights() {
    }

    /** Validates and orders a rights string; {@code c} means {@code k x}, {@code d} means {@code x t e}. */
    static String normalize(String rights) {
        StringBuilder want = new StringBuilder();
        for (char ch : rights.toCharArray()) {
            switch (ch) {
                case 'c' -> want.append("kx");
                case 'd' -> want.append("xte");
                default -> {
                    if (ORDER.indexOf(ch) < 0 && (ch < '0' || ch > '9')) {
                        throw new IllegalArgumentException("'" + ch + "' is not an RFC 4314 right (in '" + rights + "')");
                    }
                    want.append(ch);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (char ch : ORDER.toCharArray()) {
            if (want.indexOf(String.valueOf(ch)) >= 0) {
                out.append(ch);
            }
        }
        return withObsolete(out.toString());
    }

    /** Adds {@code c} when {@code k} is there and {@code d} when {@code t} or {@code e} is, as RFC 4314 2.1.1 asks. */
    static String withObsolete(String rights) {
        String r = rights.replace("c", "").replace("d", "");
        if (r.indexOf('k') >= 0) {
            r += "c";
        }
        if (r.indexOf('t') >= 0 || r.indexOf('e') >= 0) {
            r += "d";
        }
        return r;
    }

    static boolean has(String rights, char right) {
        return rights.indexOf(right) >= 0;
    }
}
