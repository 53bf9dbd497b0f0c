package io.icesync.groupware.internal;

import io.icesync.groupware.GroupwareFormatException;
import io.icesync.groupware.ParseWarning;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Splits iCalendar and vCard text into {@link RawComponent}s, keeping each property's exact text.
 * A bad line inside a top-level object (a VEVENT, a VCARD) drops that object with a warning;
 * broken nesting of the document is an error with its line.
 */
public final class ContentLineReader {
    private ContentLineReader() {
    }

    /** Reads {@code text}; the result is a synthetic root whose children are the top-level components. */
    public static RawComponent read(String text, String what, int topLevelDepth, List<ParseWarning> warnings) {
        List<Logical> lines = logicalLines(text);
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame("", "", 0));
        String skipping = null;
        int skipDepth = 0;
        int skipLine = 0;
        for (Logical l : lines) {
            RawProperty p = parseLine(l.text, l.unfolded, l.line);
            if (skipping != null) {
                if (p != null && p.is("BEGIN")) {
                    skipDepth++;
                } else if (p != null && p.is("END")) {
                    skipDepth--;
                    if (skipDepth == 0) {
                        if (!p.value().trim().equalsIgnoreCase(skipping)) {
                            throw new GroupwareFormatException(skipping, l.line, "END:" + p.value() + " closes " + skipping, null);
                        }
                        skipping = null;
                    }
                }
                continue;
            }
            if (p == null) {
                if (stack.size() > topLevelDepth) {
                    Frame top = frameAt(stack, topLevelDepth);
                    warnings.add(new ParseWarning(l.line, top.name + " from line " + top.line
                            + " skipped: not a property line: " + abbreviate(l.unfolded)));
                    skipping = top.name;
                    skipLine = top.line;
                    skipDepth = stack.size() - topLevelDepth;
                    for (int i = 0; i < skipDepth; i++) {
                        stack.pop();
                    }
                    continue;
                }
                throw new GroupwareFormatException(stack.size() > 1 ? stack.peek().name : what, l.line,
                        "not a property line: " + abbreviate(l.unfolded), null);
            }
            if (p.is("BEGIN")) {
                stack.push(new Frame(p.value().trim().toUpperCase(Locale.ROOT), l.text, l.line));
            } else if (p.is("END")) {
                String name = p.value().trim().toUpperCase(Locale.ROOT);
                Frame f = stack.peek();
                if (stack.size() == 1 || !f.name.equals(name)) {
                    throw new GroupwareFormatException(stack.size() == 1 ? what : f.name, l.line,
                            stack.size() == 1 ? "END:" + name + " without BEGIN"
                                    : "END:" + name + " while " + f.name + " from line " + f.line + " is open", null);
                }
                stack.pop();
                stack.peek().children.add(new RawComponent(f.name, f.beginText, l.text, f.children, f.line));
            } else {
                if (stack.size() == 1) {
                    throw new GroupwareFormatException(what, l.line, "property outside BEGIN/END: " + abbreviate(l.unfolded), null);
                }
                stack.peek().children.add(p);
            }
        }
        if (skipping != null) {
            throw new GroupwareFormatException(skipping, skipLine, "no END:" + skipping, null);
        }
        if (stack.size() > 1) {
            Frame f = stack.peek();
            throw new GroupwareFormatException(f.name, f.line, "no END:" + f.name, null);
        }
        return new RawComponent("", "", "", stack.peek().children, 0);
    }

    private static Frame frameAt(Deque<Frame> stack, int depth) {
        // depth 1 = first real component under the root
        List<Frame> bottomUp = new ArrayList<>(stack);
        return bottomUp.get(bottomUp.size() - 1 - depth);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    /** Parses one unfolded line, or returns null when it is not {@code name[;params]:value}. */
    static RawProperty parseLine(String text, String unfolded, int line) {
        int n = unfolded.length();
        int i = 0;
        while (i < n) {
            char c = unfolded.charAt(i);
            if (c == ';' || c == ':') {
                break;
            }
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_')) {
                return null;
            }
            i++;
        }
        if (i == 0 || i == n) {
            return null;
        }
        String fullName = unfolded.substring(0, i);
        int nameEnd = i;
        int colon = -1;
        if (unfolded.charAt(i) == ':') {
            colon = i;
        } else {
            boolean quoted = false;
            for (int j = i + 1; j < n; j++) {
                char c = unfolded.charAt(j);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ':' && !quoted) {
                    colon = j;
                    break;
                }
            }
            if (colon < 0) {
                return null;
            }
        }
        String params = colon > nameEnd ? unfolded.substring(nameEnd + 1, colon) : "";
        int dot = fullName.lastIndexOf('.');
        String group = dot > 0 ? fullName.substring(0, dot) : "";
        String name = (dot > 0 ? fullName.substring(dot + 1) : fullName).toUpperCase(Locale.ROOT);
        return new RawProperty(text, unfolded, group, name, params, unfolded.substring(colon + 1), line);
    }

    private record Logical(String text, String unfolded, int line) {
    }

    private static final class Frame {
        final String name;
        final String beginText;
        final int line;
        final List<RawNode> children = new ArrayList<>();

        Frame(String name, String beginText, int line) {
            this.name = name;
            this.beginText = beginText;
            this.line = line;
        }
    }

    private static List<Logical> logicalLines(String text) {
        List<Logical> out = new ArrayList<>();
        StringBuilder raw = null;
        StringBuilder unfolded = null;
        int startLine = 0;
        boolean qpOpen = false;
        int lineNo = 0;
        int pos = 0;
        int len = text.length();
        if (len > 0 && text.charAt(0) == '\uFEFF') {
            pos = 1;
        }
        while (pos < len) {
            int end = pos;
            while (end < len && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
                end++;
            }
            String physical = text.substring(pos, end);
            lineNo++;
            if (end < len && text.charAt(end) == '\r' && end + 1 < len && text.charAt(end + 1) == '\n') {
                pos = end + 2;
            } else {
                pos = end + 1;
            }
            boolean continuation = raw != null && (qpOpen
                    || (!physical.isEmpty() && (physical.charAt(0) == ' ' || physical.charAt(0) == '\t')));
            if (continuation) {
                raw.append("\r\n").append(physical);
                if (qpOpen) {
                    unfolded.setLength(unfolded.length() - 1); // the soft line break's "="
                    unfolded.append(physical);
                } else {
                    unfolded.append(physical, 1, physical.length());
                }
            } else {
                if (raw != null) {
                    out.add(new Logical(raw.toString(), unfolded.toString(), startLine));
                    raw = null;
                }
                if (physical.isBlank()) {
                    continue; // blank lines end vCard 2.1 base64 values; they carry nothing
                }
                raw = new StringBuilder(physical);
                unfolded = new StringBuilder(physical);
                startLine = lineNo;
            }
            qpOpen = unfolded.length() > 0 && unfolded.charAt(unfolded.length() - 1) == '='
                    && isQuotedPrintable(unfolded);
        }
        if (raw != null) {
            out.add(new Logical(raw.toString(), unfolded.toString(), startLine));
        }
        return out;
    }

    private static boolean isQuotedPrintable(CharSequence line) {
        String s = line.toString();
        int colon = s.indexOf(':');
        String head = (colon < 0 ? s : s.substring(0, colon)).toUpperCase(Locale.ROOT);
        return head.contains("QUOTED-PRINTABLE");
    }
}
