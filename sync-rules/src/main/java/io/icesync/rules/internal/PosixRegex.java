package io.icesync.rules.internal;

/**
 * A rule's regular expression (Java syntax) as a POSIX extended regular expression, which is what
 * Sieve's {@code :regex} compares with (RFC draft-ietf-sieve-regex; Dovecot hands it to regcomp with
 * REG_EXTENDED). The translation keeps what a rule means for "does this text match anywhere":
 * {@code \d \w \s} and their negations become bracket expressions, {@code \Q..\E} and escaped
 * characters become literals, non-capturing groups become groups, lazy quantifiers become greedy ones
 * (the same texts match somewhere), and a {@code \b} at the edge of the pattern or of a group becomes
 * "start or a non-word character" / "a non-word character or end". What ERE cannot say (look-arounds,
 * back-references, possessive quantifiers, inline flags, Unicode classes, {@code \b} inside a word)
 * is refused with a reason.
 */
public final class PosixRegex {
    private static final String WORD = "[:alnum:]_";
    private static final String BEFORE_WORD = "(^|[^" + WORD + "])";
    private static final String AFTER_WORD = "([^" + WORD + "]|$)";

    /** The translation, or the reason there is none. */
    public record Result(String ere, String refused) {
        public boolean ok() {
            return refused == null;
        }
    }

    private final String java;
    private final StringBuilder out = new StringBuilder();
    private int pos;

    private PosixRegex(String java) {
        this.java = java;
    }

    public static Result translate(String javaRegex) {
        PosixRegex t = new PosixRegex(javaRegex);
        try {
            t.run();
            return new Result(t.out.toString(), null);
        } catch (Refused r) {
            return new Result(null, r.getMessage());
        }
    }

    private static final class Refused extends RuntimeException {
        Refused(String why) {
            super(why, null, false, false);
        }
    }

    private void run() {
        while (pos < java.length()) {
            char c = java.charAt(pos);
            switch (c) {
                case '\\' -> escape();
                case '[' -> bracket();
                case '(' -> group();
                case '*', '+', '?' -> quantifier(String.valueOf(c));
                case '{' -> interval();
                default -> {
                    out.append(c);
                    pos++;
                }
            }
        }
    }

    private void quantifier(String q) {
        pos++;
        out.append(q);
        lazyOrPossessive();
    }

    private void interval() {
        int close = java.indexOf('}', pos);
        if (close < 0 || !java.substring(pos + 1, close).matches("\\d+(,\\d*)?")) {
            // Java takes a '{' that opens no interval as itself only in some places; ERE wants it escaped.
            out.append("\\{");
            pos++;
            return;
        }
        out.append(java, pos, close + 1);
        pos = close + 1;
        lazyOrPossessive();
    }

    private void lazyOrPossessive() {
        if (pos < java.length() && java.charAt(pos) == '?') {
            pos++; // lazy: the same texts match somewhere
        } else if (pos < java.length() && java.charAt(pos) == '+') {
            throw new Refused("a possessive quantifier (" + java.substring(0, pos + 1) + ") has no POSIX form");
        }
    }

    private void group() {
        if (java.startsWith("(?:", pos)) {
            out.append('(');
            pos += 3;
        } else if (java.startsWith("(?", pos)) {
            throw new Refused("'" + java.substring(pos, Math.min(java.length(), pos + 4))
                    + "' (a look-around, a named group or an inline flag) has no POSIX form");
        } else {
            out.append('(');
            pos++;
        }
    }

    private boolean atGroupEnd(int at) {
        return at >= java.length() || java.charAt(at) == ')' || java.charAt(at) == '|';
    }

    private boolean atGroupStart(int at) {
        return at == 0 || java.charAt(at - 1) == '(' || java.charAt(at - 1) == '|';
    }

    private void escape() {
        if (pos + 1 >= java.length()) {
            throw new Refused("the pattern ends with a backslash");
        }
        char e = java.charAt(pos + 1);
        switch (e) {
            case 'd' -> out.append("[0-9]");
            case 'D' -> out.append("[^0-9]");
            case 'w' -> out.append("[" + WORD + "]");
            case 'W' -> out.append("[^" + WORD + "]");
            case 's' -> out.append("[[:space:]]");
            case 'S' -> out.append("[^[:space:]]");
            case 't' -> out.append('\t');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 'b' -> {
                if (atGroupStart(pos)) {
                    out.append(BEFORE_WORD);
                } else if (atGroupEnd(pos + 2)) {
                    out.append(AFTER_WORD);
                } else {
                    throw new Refused("'\\b' inside a pattern (not at its start or end) has no POSIX form");
                }
            }
            case 'Q' -> {
                int end = java.indexOf("\\E", pos + 2);
                String lit = end < 0 ? java.substring(pos + 2) : java.substring(pos + 2, end);
                lit.chars().forEach(ch -> literal((char) ch));
                pos = end < 0 ? java.length() : end + 2;
                return;
            }
            default -> {
                if (Character.isLetterOrDigit(e)) {
                    throw new Refused("'\\" + e + "' has no POSIX form");
                }
                literal(e);
            }
        }
        pos += 2;
    }

    private void literal(char c) {
        if (".[]()*+?{}|^$\\".indexOf(c) >= 0) {
            out.append('\\');
        }
        out.append(c);
    }

    /** A bracket expression: POSIX takes a backslash inside as itself, so Java's escapes are spelled out. */
    private void bracket() {
        pos++;
        StringBuilder set = new StringBuilder();
        boolean negated = pos < java.length() && java.charAt(pos) == '^';
        if (negated) {
            pos++;
        }
        boolean closeBracket = false;
        boolean dash = false;
        boolean first = true;
        while (true) {
            if (pos >= java.length()) {
                throw new Refused("a character class is not closed");
            }
            char c = java.charAt(pos);
            if (c == ']' && !first) {
                pos++;
                break;
            }
            first = false;
            if (c == '[' || java.startsWith("&&", pos)) {
                throw new Refused("nested classes and intersections have no POSIX form");
            }
            if (c == '\\') {
                if (pos + 1 >= java.length()) {
                    throw new Refused("a character class is not closed");
                }
                char e = java.charAt(pos + 1);
                switch (e) {
                    case 'd' -> set.append("0-9");
                    case 'w' -> set.append(WORD);
                    case 's' -> set.append("[:space:]");
                    case 't' -> set.append('\t');
                    case 'n' -> set.append('\n');
                    case 'r' -> set.append('\r');
                    case ']' -> closeBracket = true;
                    case '-' -> dash = true;
                    default -> {
                        if (Character.isLetterOrDigit(e)) {
                            throw new Refused("'\\" + e + "' in a character class has no POSIX form");
                        }
                        set.append(e);
                    }
                }
                pos += 2;
                continue;
            }
            if (c == ']') {
                closeBracket = true;
            } else {
                set.append(c);
            }
            pos++;
        }
        // POSIX: ']' first, '-' last, '^' anywhere but first.
        String body = set.toString();
        if (!negated && !closeBracket && !dash && body.equals("^")) {
            out.append("\\^");
            return;
        }
        if (body.startsWith("^")) {
            body = body.substring(1) + "^";
        }
        out.append('[').append(negated ? "^" : "").append(closeBracket ? "]" : "").append(body).append(dash ? "-" : "")
                .append(']');
    }
}
