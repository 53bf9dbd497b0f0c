package io.icesync.testkit.internal.imap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the words of a request: atoms, quoted strings, literals and parenthesised lists. Every
 * method throws {@link BadCommand} on input that does not fit, which the session answers with BAD.
 */
final class ImapArgs {
    private final List<Object> parts;
    private int part;
    private String text;
    private int pos;

    ImapArgs(ImapRequest request) {
        this.parts = request.parts();
        this.text = parts.isEmpty() ? "" : (String) parts.get(0);
    }

    static final class BadCommand extends RuntimeException {
        BadCommand(String message) {
            super(message, null, false, false);
        }
    }

    static BadCommand bad(String message) {
        return new BadCommand(message);
    }

    boolean atEnd() {
        return pos >= text.length() && part >= parts.size() - 1;
    }

    void end() {
        if (!atEnd()) {
            throw bad("unexpected text after the arguments: '" + rest() + "'");
        }
    }

    String rest() {
        return pos >= text.length() ? "" : text.substring(pos);
    }

    /** Skips one space; arguments are separated by exactly one. */
    void space() {
        if (pos >= text.length() || text.charAt(pos) != ' ') {
            throw bad("expected a space at '" + rest() + "'");
        }
        pos++;
    }

    /** True (and consumed) when a space follows. */
    boolean maybeSpace() {
        if (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
            return true;
        }
        return false;
    }

    char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    boolean peekIs(char c) {
        return peek() == c;
    }

    void expect(char c) {
        if (peek() != c) {
            throw bad("expected '" + c + "' at '" + rest() + "'");
        }
        pos++;
    }

    /** An atom: up to a space, parenthesis or the end (brackets are kept: BODY[...] is one word). */
    String atom() {
        return atom(true);
    }

    /**
     * @param sections whether brackets enclose a section with spaces inside ({@code BODY[HEADER.FIELDS (A B)]});
     *                 in a mailbox name or a string they are plain characters ({@code p[1m} is a legal atom)
     */
    private String atom(boolean sections) {
        int start = pos;
        int depth = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (sections && c == '[') {
                depth++;
            } else if (sections && c == ']') {
                depth--;
            } else if (depth <= 0 && (c == ' ' || c == '(' || c == ')')) {
                break;
            } else if (c < ' ' || c == '"' && depth <= 0 || c == '{' && depth <= 0) {
                throw bad("'" + c + "' is not allowed in an atom");
            }
            pos++;
        }
        if (pos == start) {
            throw bad("expected a word at '" + rest() + "'");
        }
        return text.substring(start, pos);
    }

    /** atom, quoted string or literal, as text. */
    String astring() {
        char c = peek();
        if (c == '"') {
            return quoted();
        }
        if (c == '{') {
            return new String(literal(), StandardCharsets.UTF_8);
        }
        return atom(false);
    }

    /** Like {@link #astring()}, but NIL gives null. */
    String nstring() {
        if (peek() != '"' && peek() != '{') {
            String a = atom(false);
            return a.equalsIgnoreCase("NIL") ? null : a;
        }
        return astring();
    }

    String quoted() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw bad("a quoted string is not closed");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    throw bad("a quoted string ends with a backslash");
                }
                c = text.charAt(pos++);
                if (c != '\\' && c != '"') {
                    throw bad("'\\" + c + "' is not an escape IMAP allows in a quoted string");
                }
            }
            b.append(c);
        }
    }

    /** A literal {@code {n}} at the end of this piece: the bytes the decoder read after it. */
    byte[] literal() {
        if (peek() == '~') {
            pos++; // literal8 (BINARY)
        }
        expect('{');
        int close = text.indexOf('}', pos);
        if (close < 0 || close != text.length() - 1) {
            throw bad("a literal must end its line");
        }
        pos = text.length();
        if (part + 1 >= parts.size() || !(parts.get(part + 1) instanceof byte[] data)) {
            throw bad("the literal's data is missing");
        }
        part += 2;
        text = part < parts.size() ? (String) parts.get(part) : "";
        pos = 0;
        return data;
    }

    /** A parenthesised list of words (atoms or strings), for flag lists and the like. */
    List<String> list() {
        expect('(');
        List<String> out = new ArrayList<>();
        while (!peekIs(')')) {
            if (!out.isEmpty()) {
                space();
            }
            out.add(astring());
        }
        pos++;
        return out;
    }

    /** A word or a parenthesised list of them. */
    List<String> listOrOne() {
        if (peekIs('(')) {
            return list();
        }
        return List.of(astring());
    }

    /** The raw text of a parenthesised group (nested parentheses kept), without the outer ones. */
    String group() {
        expect('(');
        int start = pos;
        int depth = 1;
        boolean quote = false;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (quote) {
                if (c == '\\') {
                    pos++;
                } else if (c == '"') {
                    quote = false;
                }
            } else if (c == '"') {
                quote = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return text.substring(start, pos++);
            }
            pos++;
        }
        throw bad("a parenthesis is not closed");
    }

    long number() {
        String a = atom();
        try {
            long n = Long.parseLong(a);
            if (n < 0) {
                throw bad("'" + a + "' is not a number");
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad("'" + a + "' is not a number");
        }
    }
}
