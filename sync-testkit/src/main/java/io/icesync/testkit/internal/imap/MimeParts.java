package io.icesync.testkit.internal.imap;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The MIME-dependent parts of an IMAP4rev1 (RFC 3501) FETCH for one message given as raw
 * RFC 5322 bytes: ENVELOPE, BODY/BODYSTRUCTURE and BODY[section].
 *
 * <p>The message is split by a small byte-level parser of our own rather than by
 * {@code MimeMessage}: sizes, line counts and section bytes must be the exact stored bytes, and
 * Jakarta Mail would re-encode or normalise them. Nothing here throws on a bad message: whatever
 * cannot be parsed degrades to a single text/plain part. Only {@link #section} throws, and only
 * for a section spec that is not valid syntax, which the server answers with BAD.
 *
 * <p>The strings returned by {@link #envelope} and {@link #bodyStructure} are meant to be written
 * in {@link #WIRE_CHARSET}: a literal's {@code {n}} counts the bytes of its text in that charset.
 * Header bytes are read as UTF-8 when they are valid UTF-8, else as ISO-8859-1, so that legacy
 * 8-bit headers still come out as readable characters and never as replacement characters.
 */
public final class MimeParts {
    /** The charset in which the returned ENVELOPE and BODYSTRUCTURE strings must be sent. */
    public static final Charset WIRE_CHARSET = StandardCharsets.UTF_8;

    /** Past this nesting, a part is a text/plain leaf: a hostile message cannot overflow the stack. */
    private static final int MAX_DEPTH = 64;

    private static final byte[] CRLF = {'\r', '\n'};
    private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";

    private MimeParts() {
    }

    // ------------------------------------------------------------------ public API

    /** The ENVELOPE value, RFC 3501 section 7.4.2, of a raw message. */
    public static String envelope(byte[] message) {
        StringBuilder sb = new StringBuilder(256);
        appendEnvelope(sb, parseMessage(message));
        return sb.toString();
    }

    /** The BODYSTRUCTURE value ({@code extended}) or BODY value (not {@code extended}) of a raw message. */
    public static String bodyStructure(byte[] message, boolean extended) {
        StringBuilder sb = new StringBuilder(256);
        appendBody(sb, parseMessage(message), extended);
        return sb.toString();
    }

    /**
     * The bytes of BODY[spec], spec being what is inside the brackets, case-insensitive. A part
     * that does not exist gives an empty array.
     *
     * @throws IllegalArgumentException if spec is not a valid RFC 3501 section-spec
     */
    public static byte[] section(byte[] message, String spec) {
        Spec s = Spec.parse(spec);
        Entity root = parseMessage(message);
        Entity target;
        if (s.path.length == 0) {
            target = root;
        } else {
            target = partOfMessage(root, s.path[0]);
            for (int i = 1; i < s.path.length && target != null; i++) {
                target = subPart(target, s.path[i]);
            }
            if (target == null) {
                return new byte[0];
            }
            if (s.text == null) {
                return target.body();
            }
            if (s.text.equals("MIME")) {
                return target.header();
            }
            // HEADER, TEXT and HEADER.FIELDS after a part number only mean something for a
            // message/rfc822 part: they then address the encapsulated message.
            target = target.message;
            if (target == null) {
                return new byte[0];
            }
        }
        if (s.text == null) {
            return Arrays.copyOfRange(target.buf, target.start, target.end);
        }
        switch (s.text) {
            case "HEADER":
                return target.header();
            case "TEXT":
                return target.body();
            default:
                return headerFields(target, s.fields, s.text.endsWith(".NOT"));
        }
    }

    // ------------------------------------------------------------------ model

    /** One header field: its name and where its lines (continuations included) lie in the buffer. */
    private record Field(String name, int start, int end, int valueStart) {
    }

    /** One parameter of a Content-Type or Content-Disposition, name upper-cased, value raw. */
    private record Param(String name, String value) {
    }

    /** A structured header value: its leading token ("text/plain", "attachment") and parameters. */
    private record Structured(String token, List<Param> params) {
    }

    /** A MIME entity: a message or a body part, header and body as offsets into the raw bytes. */
    private static final class Entity {
        final byte[] buf;
        final int start;
        final int bodyStart;
        final int end;
        final List<Field> fields;
        String type = "TEXT";
        String subtype = "PLAIN";
        List<Param> params = List.of();
        /** The children of a multipart, else null. */
        List<Entity> children;
        /** The encapsulated message of a message/rfc822, else null. */
        Entity message;

        Entity(byte[] buf, int start, int bodyStart, int end, List<Field> fields) {
            this.buf = buf;
            this.start = start;
            this.bodyStart = bodyStart;
            this.end = end;
            this.fields = fields;
        }

        byte[] header() {
            return Arrays.copyOfRange(buf, start, bodyStart);
        }

        byte[] body() {
            return Arrays.copyOfRange(buf, bodyStart, end);
        }

        /** The unfolded, trimmed value of the first field of that name, or null if absent. */
        String value(String name) {
            for (Field f : fields) {
                if (f.name.equalsIgnoreCase(name)) {
                    return unfold(buf, f.valueStart, f.end);
                }
            }
            return null;
        }

        boolean isMessage() {
            return message != null;
        }
    }

    // ------------------------------------------------------------------ parsing

    private static Entity parseMessage(byte[] message) {
        byte[] b = message == null ? new byte[0] : message;
        return parseEntity(b, 0, b.length, false, 0);
    }

    /**
     * Parses the entity in buf[start, end). {@code digestChild}: RFC 2046 5.1.5, a part of a
     * multipart/digest without Content-Type is message/rfc822, not text/plain.
     */
    private static Entity parseEntity(byte[] buf, int start, int end, boolean digestChild, int depth) {
        int bodyStart = headerEnd(buf, start, end);
        Entity e = new Entity(buf, start, bodyStart, end, fields(buf, start, bodyStart));
        String ct = e.value("Content-Type");
        Structured st = ct == null ? null : parseStructured(ct);
        String[] media = st == null ? null : mediaType(st.token);
        if (media == null && digestChild && ct == null) {
            media = new String[] {"MESSAGE", "RFC822"};
            st = new Structured("message/rfc822", List.of());
        }
        if (media == null || depth >= MAX_DEPTH) {
            // Absent or unreadable Content-Type: RFC 2045 5.2 says text/plain; charset=us-ascii.
            e.params = List.of(new Param("CHARSET", "US-ASCII"));
            return e;
        }
        if (media[0].equals("MULTIPART")) {
            String boundary = param(st.params, "BOUNDARY");
            List<Entity> children = boundary == null || boundary.isEmpty() ? List.of()
                    : splitMultipart(buf, bodyStart, end, boundary.getBytes(StandardCharsets.UTF_8),
                            media[1].equals("DIGEST"), depth);
            if (children.isEmpty()) {
                // No boundary, or not one delimiter line found: keep the whole body as plain text.
                e.params = List.of(new Param("CHARSET", "US-ASCII"));
                return e;
            }
            e.children = children;
        } else if (media[0].equals("MESSAGE") && media[1].equals("RFC822")) {
            e.message = parseEntity(buf, bodyStart, end, false, depth + 1);
        }
        e.type = media[0];
        e.subtype = media[1];
        e.params = st.params;
        return e;
    }

    /**
     * Where the body starts: after the first empty line. Without one, the header runs as long as
     * lines look like header fields, so a message with no blank line is not taken whole as header.
     */
    private static int headerEnd(byte[] buf, int start, int end) {
        int p = start;
        while (p < end) {
            int eol = lineEnd(buf, p, end);
            int contentEnd = eol;
            if (contentEnd > p && buf[contentEnd - 1] == '\n') {
                contentEnd--;
            }
            if (contentEnd > p && buf[contentEnd - 1] == '\r') {
                contentEnd--;
            }
            if (contentEnd == p) {
                return eol;
            }
            p = eol;
        }
        p = start;
        boolean any = false;
        while (p < end) {
            int eol = lineEnd(buf, p, end);
            boolean continuation = any && (buf[p] == ' ' || buf[p] == '\t');
            if (!continuation && fieldNameEnd(buf, p, eol) < 0) {
                return p;
            }
            any = true;
            p = eol;
        }
        return end;
    }

    /** The offset just past the LF ending the line at p, or end. */
    private static int lineEnd(byte[] buf, int p, int end) {
        while (p < end && buf[p] != '\n') {
            p++;
        }
        return p < end ? p + 1 : end;
    }

    /** The offset of the colon if the line at p starts a header field ("name:"), else -1. */
    private static int fieldNameEnd(byte[] buf, int p, int eol) {
        int i = p;
        while (i < eol && buf[i] > 32 && buf[i] < 127 && buf[i] != ':') {
            i++;
        }
        if (i == p) {
            return -1;
        }
        int colon = i;
        while (colon < eol && (buf[colon] == ' ' || buf[colon] == '\t')) {
            colon++; // "Subject : x" is obsolete syntax (RFC 5322 4.5) but still seen
        }
        return colon < eol && buf[colon] == ':' ? colon : -1;
    }

    private static List<Field> fields(byte[] buf, int start, int end) {
        List<Field> out = new ArrayList<>();
        String name = null;
        int fStart = 0;
        int vStart = 0;
        int fEnd = 0;
        int p = start;
        while (p < end) {
            int eol = lineEnd(buf, p, end);
            if (name != null && (buf[p] == ' ' || buf[p] == '\t')) {
                fEnd = eol; // a folded continuation belongs to the field above
            } else {
                if (name != null) {
                    out.add(new Field(name, fStart, fEnd, vStart));
                    name = null;
                }
                int colon = fieldNameEnd(buf, p, eol);
                if (colon >= 0) {
                    int n = p;
                    while (buf[n] > 32 && buf[n] < 127 && buf[n] != ':') {
                        n++;
                    }
                    name = new String(buf, p, n - p, StandardCharsets.US_ASCII);
                    fStart = p;
                    vStart = colon + 1;
                    fEnd = eol;
                }
                // A line that is neither a field nor a continuation (or the blank line) is skipped.
            }
            p = eol;
        }
        if (name != null) {
            out.add(new Field(name, fStart, fEnd, vStart));
        }
        return out;
    }

    /**
     * Splits a multipart body at its delimiter lines (RFC 2046 5.1.1): the CRLF before a
     * delimiter belongs to the delimiter, not to the part; text after the boundary on a delimiter
     * line may only be "--" (close) or whitespace. A missing close delimiter ends the last part at
     * the end of the body.
     */
    private static List<Entity> splitMultipart(byte[] buf, int start, int end, byte[] boundary,
            boolean digest, int depth) {
        List<Entity> parts = new ArrayList<>();
        int partStart = -1;
        int p = start;
        while (p < end) {
            int eol = lineEnd(buf, p, end);
            int kind = delimiter(buf, p, eol, boundary);
            if (kind != 0) {
                if (partStart >= 0) {
                    int partEnd = p;
                    if (partEnd > start && buf[partEnd - 1] == '\n') {
                        partEnd--;
                        if (partEnd > start && buf[partEnd - 1] == '\r') {
                            partEnd--;
                        }
                    }
                    partEnd = Math.max(partEnd, partStart);
                    parts.add(parseEntity(buf, partStart, partEnd, digest, depth + 1));
                }
                if (kind == 2) {
                    return parts;
                }
                partStart = eol;
            }
            p = eol;
        }
        if (partStart >= 0) {
            parts.add(parseEntity(buf, partStart, end, digest, depth + 1));
        }
        return parts;
    }

    /** 0 if the line at p is not a delimiter for that boundary, 1 if it is, 2 if it is the close delimiter. */
    private static int delimiter(byte[] buf, int p, int eol, byte[] boundary) {
        int n = 2 + boundary.length;
        if (eol - p < n || buf[p] != '-' || buf[p + 1] != '-') {
            return 0;
        }
        for (int i = 0; i < boundary.length; i++) {
            if (buf[p + 2 + i] != boundary[i]) {
                return 0;
            }
        }
        int q = p + n;
        if (q + 1 < eol && buf[q] == '-' && buf[q + 1] == '-') {
            return 2;
        }
        for (; q < eol; q++) {
            byte c = buf[q];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return 0;
            }
        }
        return 1;
    }

    /** The value bytes of a field, line breaks removed (RFC 5322 2.2.3 unfolding), trimmed. */
    private static String unfold(byte[] buf, int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            if (buf[i] != '\r' && buf[i] != '\n') {
                out[n++] = buf[i];
            }
        }
        return decode(out, n).strip();
    }

    /** UTF-8 when the bytes are valid UTF-8 (RFC 6532 headers), else ISO-8859-1, never U+FFFD. */
    private static String decode(byte[] b, int len) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, 0, len)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, 0, len, StandardCharsets.ISO_8859_1);
        }
    }

    // ------------------------------------------------------------------ structured header values

    /**
     * Parses "token *(; name=value)" leniently: comments and whitespace are skipped, values may be
     * quoted, a broken parameter is dropped and parsing goes on at the next ';'. Parameter values
     * are kept raw (RFC 2231 continuations and charsets not decoded): that is what the client sees
     * in the message too. Done by hand rather than with HeaderTokenizer so 8-bit text never fails.
     */
    private static Structured parseStructured(String s) {
        int[] pos = {0};
        StringBuilder token = new StringBuilder();
        while (pos[0] < s.length() && s.charAt(pos[0]) != ';') {
            char c = s.charAt(pos[0]);
            if (c == '(') {
                skipComment(s, pos);
            } else {
                if (!Character.isWhitespace(c)) {
                    token.append(c);
                }
                pos[0]++;
            }
        }
        List<Param> params = new ArrayList<>();
        while (pos[0] < s.length()) {
            pos[0]++; // the ';'
            skipCfws(s, pos);
            String name = readToken(s, pos, "=;");
            skipCfws(s, pos);
            if (name.isEmpty() || pos[0] >= s.length() || s.charAt(pos[0]) != '=') {
                skipTo(s, pos);
                continue;
            }
            pos[0]++;
            skipCfws(s, pos);
            String value;
            if (pos[0] < s.length() && s.charAt(pos[0]) == '"') {
                value = readQuoted(s, pos);
            } else {
                value = readToken(s, pos, ";");
            }
            params.add(new Param(name.toUpperCase(Locale.ROOT), value));
            skipTo(s, pos);
        }
        return new Structured(token.toString(), params);
    }

    private static void skipCfws(String s, int[] pos) {
        while (pos[0] < s.length()) {
            char c = s.charAt(pos[0]);
            if (c == '(') {
                skipComment(s, pos);
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                pos[0]++;
            } else {
                return;
            }
        }
    }

    /** Skips a comment, nested comments and quoted pairs included; an unclosed one runs to the end. */
    private static void skipComment(String s, int[] pos) {
        int depth = 0;
        while (pos[0] < s.length()) {
            char c = s.charAt(pos[0]++);
            if (c == '\\') {
                pos[0]++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return;
            }
        }
    }

    private static void skipTo(String s, int[] pos) {
        while (pos[0] < s.length() && s.charAt(pos[0]) != ';') {
            if (s.charAt(pos[0]) == '"') {
                readQuoted(s, pos);
            } else {
                pos[0]++;
            }
        }
    }

    private static String readToken(String s, int[] pos, String stops) {
        int from = pos[0];
        while (pos[0] < s.length()) {
            char c = s.charAt(pos[0]);
            if (c == ' ' || c == '\t' || c == '(' || stops.indexOf(c) >= 0) {
                break;
            }
            pos[0]++;
        }
        return s.substring(from, pos[0]);
    }

    private static String readQuoted(String s, int[] pos) {
        StringBuilder sb = new StringBuilder();
        pos[0]++; // opening quote
        while (pos[0] < s.length()) {
            char c = s.charAt(pos[0]++);
            if (c == '"') {
                break;
            }
            if (c == '\\' && pos[0] < s.length()) {
                c = s.charAt(pos[0]++);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** {TYPE, SUBTYPE} upper-cased, or null if the token is not "type/subtype" made of MIME token chars. */
    private static String[] mediaType(String token) {
        int slash = token.indexOf('/');
        if (slash <= 0 || slash == token.length() - 1) {
            return null;
        }
        String type = token.substring(0, slash);
        String sub = token.substring(slash + 1);
        if (!isToken(type) || !isToken(sub)) {
            return null;
        }
        return new String[] {type.toUpperCase(Locale.ROOT), sub.toUpperCase(Locale.ROOT)};
    }

    private static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 32 || c >= 127 || TSPECIALS.indexOf(c) >= 0) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static String param(List<Param> params, String name) {
        for (Param p : params) {
            if (p.name.equals(name)) {
                return p.value;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ ENVELOPE and BODYSTRUCTURE

    private static void appendEnvelope(StringBuilder sb, Entity m) {
        String from = addresses(m.value("From"));
        // RFC 3501 7.4.2: an absent or empty Sender or Reply-To is the From.
        String sender = addresses(m.value("Sender"));
        String replyTo = addresses(m.value("Reply-To"));
        sb.append('(');
        nstring(sb, m.value("Date"));
        sb.append(' ');
        nstring(sb, m.value("Subject"));
        sb.append(' ').append(from);
        sb.append(' ').append(sender.equals("NIL") ? from : sender);
        sb.append(' ').append(replyTo.equals("NIL") ? from : replyTo);
        sb.append(' ').append(addresses(m.value("To")));
        sb.append(' ').append(addresses(m.value("Cc")));
        sb.append(' ').append(addresses(m.value("Bcc")));
        sb.append(' ');
        nstring(sb, m.value("In-Reply-To"));
        sb.append(' ');
        nstring(sb, m.value("Message-ID"));
        sb.append(')');
    }

    /** An address list as ((name adl mailbox host) ...), groups as RFC 3501 group markers, or NIL. */
    private static String addresses(String value) {
        if (value == null || value.isBlank()) {
            return "NIL";
        }
        StringBuilder sb = new StringBuilder("(");
        try {
            for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
                if (a.isGroup()) {
                    String addr = a.getAddress();
                    int colon = addr.indexOf(':');
                    sb.append("(NIL NIL ");
                    string(sb, (colon < 0 ? addr : addr.substring(0, colon)).strip());
                    sb.append(" NIL)");
                    InternetAddress[] members;
                    try {
                        members = a.getGroup(false);
                    } catch (AddressException | RuntimeException e) {
                        members = null;
                    }
                    if (members != null) {
                        for (InternetAddress member : members) {
                            address(sb, member);
                        }
                    }
                    sb.append("(NIL NIL NIL NIL)");
                } else {
                    address(sb, a);
                }
            }
        } catch (AddressException | RuntimeException e) {
            // Unparseable: hand the raw text to the client rather than lose it.
            sb.setLength(1);
            sb.append("(NIL NIL ");
            string(sb, value);
            sb.append(" NIL)");
        }
        if (sb.length() == 1) {
            return "NIL";
        }
        return sb.append(')').toString();
    }

    private static void address(StringBuilder sb, InternetAddress a) {
        String addr = a.getAddress() == null ? "" : a.getAddress();
        int at = addr.lastIndexOf('@');
        sb.append('(');
        nstring(sb, rawPersonal(a, addr));
        sb.append(" NIL ");
        string(sb, at < 0 ? addr : addr.substring(0, at));
        sb.append(' ');
        // A NIL host would mark a group start, so an address without domain gets "".
        string(sb, at < 0 ? "" : addr.substring(at + 1));
        sb.append(')');
    }

    /**
     * The display name as written, encoded-words not decoded (RFC 3501 wants the raw text).
     * InternetAddress keeps it only in a protected field; toString() writes it back out as
     * {@code phrase <addr>}, with the phrase quoted if needed, so it is taken from there.
     */
    private static String rawPersonal(InternetAddress a, String addr) {
        if (a.getPersonal() == null) {
            return null;
        }
        String s = a.toString();
        String suffix = " <" + addr + ">";
        if (!s.endsWith(suffix)) {
            return a.getPersonal();
        }
        String phrase = s.substring(0, s.length() - suffix.length());
        if (phrase.length() >= 2 && phrase.startsWith("\"") && phrase.endsWith("\"")) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i < phrase.length() - 1; i++) {
                char c = phrase.charAt(i);
                if (c == '\\' && i + 1 < phrase.length() - 1) {
                    c = phrase.charAt(++i);
                }
                sb.append(c);
            }
            phrase = sb.toString();
        }
        return phrase;
    }

    private static void appendBody(StringBuilder sb, Entity e, boolean extended) {
        sb.append('(');
        if (e.children != null) {
            for (Entity child : e.children) {
                appendBody(sb, child, extended); // RFC 3501: 1*body, no space between parts
            }
            sb.append(' ');
            string(sb, e.subtype);
            if (extended) {
                sb.append(' ');
                params(sb, e.params);
                appendExtension(sb, e);
            }
            sb.append(')');
            return;
        }
        string(sb, e.type);
        sb.append(' ');
        string(sb, e.subtype);
        sb.append(' ');
        params(sb, e.params);
        sb.append(' ');
        nstring(sb, e.value("Content-ID"));
        sb.append(' ');
        nstring(sb, e.value("Content-Description"));
        sb.append(' ');
        string(sb, encoding(e.value("Content-Transfer-Encoding")));
        sb.append(' ').append(e.end - e.bodyStart);
        if (e.isMessage()) {
            sb.append(' ');
            appendEnvelope(sb, e.message);
            sb.append(' ');
            appendBody(sb, e.message, extended);
            sb.append(' ').append(lines(e.buf, e.bodyStart, e.end));
        } else if (e.type.equals("TEXT")) {
            sb.append(' ').append(lines(e.buf, e.bodyStart, e.end));
        }
        if (extended) {
            sb.append(" NIL"); // body MD5: Content-MD5 is obsolete and no server computes it
            appendExtension(sb, e);
        }
        sb.append(')');
    }

    /** SP disposition SP language SP location, common to single parts and multiparts. */
    private static void appendExtension(StringBuilder sb, Entity e) {
        sb.append(' ');
        String dsp = e.value("Content-Disposition");
        Structured d = dsp == null ? null : parseStructured(dsp);
        if (d == null || d.token.isEmpty()) {
            sb.append("NIL");
        } else {
            sb.append('(');
            string(sb, d.token.toUpperCase(Locale.ROOT));
            sb.append(' ');
            params(sb, d.params);
            sb.append(')');
        }
        sb.append(' ');
        List<String> langs = new ArrayList<>();
        String lang = e.value("Content-Language");
        if (lang != null) {
            for (String l : stripComments(lang).split(",")) {
                if (!l.isBlank()) {
                    langs.add(l.strip());
                }
            }
        }
        if (langs.isEmpty()) {
            sb.append("NIL");
        } else if (langs.size() == 1) {
            string(sb, langs.get(0));
        } else {
            sb.append('(');
            for (int i = 0; i < langs.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                string(sb, langs.get(i));
            }
            sb.append(')');
        }
        sb.append(' ');
        String loc = e.value("Content-Location");
        // RFC 2557 4.4.2: a folded URL's whitespace is not part of it.
        nstring(sb, loc == null ? null : loc.replaceAll("[ \t]+", ""));
    }

    private static String stripComments(String s) {
        StringBuilder sb = new StringBuilder();
        int[] pos = {0};
        while (pos[0] < s.length()) {
            if (s.charAt(pos[0]) == '(') {
                skipComment(s, pos);
            } else {
                sb.append(s.charAt(pos[0]++));
            }
        }
        return sb.toString();
    }

    private static String encoding(String cte) {
        if (cte == null) {
            return "7BIT";
        }
        String t = stripComments(cte).strip();
        int sp = t.indexOf(' ');
        if (sp >= 0) {
            t = t.substring(0, sp);
        }
        return t.isEmpty() ? "7BIT" : t.toUpperCase(Locale.ROOT);
    }

    private static void params(StringBuilder sb, List<Param> params) {
        if (params.isEmpty()) {
            sb.append("NIL");
            return;
        }
        sb.append('(');
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            string(sb, params.get(i).name);
            sb.append(' ');
            string(sb, params.get(i).value);
        }
        sb.append(')');
    }

    /** Lines of a body: its LFs, plus one for a last line with no line end (as a part's last line is). */
    private static int lines(byte[] buf, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                n++;
            }
        }
        if (to > from && buf[to - 1] != '\n') {
            n++;
        }
        return n;
    }

    private static void nstring(StringBuilder sb, String s) {
        if (s == null) {
            sb.append("NIL");
        } else {
            string(sb, s);
        }
    }

    /** A quoted string, or a literal when a quoted string cannot carry the text (CR, LF, NUL, 8-bit). */
    private static void string(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == 0 || c > 0x7f) {
                sb.append('{').append(s.getBytes(WIRE_CHARSET).length).append("}\r\n").append(s);
                return;
            }
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    // ------------------------------------------------------------------ sections

    /** Part n of a message (RFC 3501 6.4.5): a child of a multipart, else part 1 is the body itself. */
    private static Entity partOfMessage(Entity m, int n) {
        if (m.children != null) {
            return n <= m.children.size() ? m.children.get(n - 1) : null;
        }
        return n == 1 ? m : null;
    }

    /** Part n inside part p: a multipart's child, or a part of a message/rfc822's message. */
    private static Entity subPart(Entity p, int n) {
        if (p.children != null) {
            return n <= p.children.size() ? p.children.get(n - 1) : null;
        }
        if (p.message != null) {
            return partOfMessage(p.message, n);
        }
        return null;
    }

    /** The matching (or, with not, the other) header fields in message order, then the blank line. */
    private static byte[] headerFields(Entity m, List<String> names, boolean not) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Field f : m.fields) {
            boolean listed = false;
            for (String n : names) {
                if (n.equalsIgnoreCase(f.name)) {
                    listed = true;
                    break;
                }
            }
            if (listed != not) {
                out.write(m.buf, f.start, f.end - f.start);
                if (m.buf[f.end - 1] != '\n') {
                    out.write(CRLF, 0, 2); // the last header line of a message without body may lack one
                }
            }
        }
        out.write(CRLF, 0, 2);
        return out.toByteArray();
    }

    /** A parsed section-spec: part path (maybe empty), text (null, HEADER, TEXT, MIME, HEADER.FIELDS[.NOT]). */
    private static final class Spec {
        int[] path = new int[0];
        String text;
        List<String> fields = List.of();

        /**
         * RFC 3501 9: section-spec = section-msgtext / (section-part ["." section-text]);
         * MIME is only valid after a part number.
         */
        static Spec parse(String spec) {
            if (spec == null) {
                throw new IllegalArgumentException("missing section spec");
            }
            Spec s = new Spec();
            List<Integer> path = new ArrayList<>();
            int p = 0;
            while (p < spec.length() && isDigit(spec.charAt(p))) {
                int from = p;
                while (p < spec.length() && isDigit(spec.charAt(p))) {
                    p++;
                }
                if (spec.charAt(from) == '0') {
                    throw bad(spec, "part numbers start at 1 and have no leading zero");
                }
                // A number too big for any message still is valid syntax: it names no part.
                path.add(p - from > 9 ? Integer.MAX_VALUE : Integer.parseInt(spec.substring(from, p)));
                if (p == spec.length()) {
                    break;
                }
                if (spec.charAt(p) != '.') {
                    throw bad(spec, "expected '.' after part number");
                }
                p++;
                if (p == spec.length()) {
                    throw bad(spec, "nothing after '.'");
                }
            }
            s.path = path.stream().mapToInt(Integer::intValue).toArray();
            String rest = spec.substring(p);
            if (rest.isEmpty()) {
                return s;
            }
            String up = rest.toUpperCase(Locale.ROOT);
            if (up.equals("HEADER") || up.equals("TEXT")) {
                s.text = up;
            } else if (up.equals("MIME")) {
                if (path.isEmpty()) {
                    throw bad(spec, "MIME needs a part number, as in 1.MIME");
                }
                s.text = up;
            } else if (up.startsWith("HEADER.FIELDS.NOT ")) {
                s.text = "HEADER.FIELDS.NOT";
                s.fields = headerList(spec, rest.substring("HEADER.FIELDS.NOT ".length()));
            } else if (up.startsWith("HEADER.FIELDS ")) {
                s.text = "HEADER.FIELDS";
                s.fields = headerList(spec, rest.substring("HEADER.FIELDS ".length()));
            } else {
                throw bad(spec, "unknown section text '" + rest + "'");
            }
            return s;
        }

        /** header-list = "(" header-fld-name *(SP header-fld-name) ")", names atoms or quoted strings. */
        private static List<String> headerList(String spec, String list) {
            if (!list.startsWith("(") || !list.endsWith(")")) {
                throw bad(spec, "header list must be in parentheses");
            }
            String inner = list.substring(1, list.length() - 1);
            List<String> names = new ArrayList<>();
            int p = 0;
            while (p < inner.length()) {
                char c = inner.charAt(p);
                if (c == ' ') {
                    p++;
                } else if (c == '"') {
                    StringBuilder sb = new StringBuilder();
                    p++;
                    boolean closed = false;
                    while (p < inner.length()) {
                        char q = inner.charAt(p++);
                        if (q == '"') {
                            closed = true;
                            break;
                        }
                        if (q == '\\' && p < inner.length()) {
                            q = inner.charAt(p++);
                        }
                        sb.append(q);
                    }
                    if (!closed) {
                        throw bad(spec, "unterminated quoted header name");
                    }
                    names.add(sb.toString());
                } else {
                    int from = p;
                    while (p < inner.length() && inner.charAt(p) != ' ') {
                        char a = inner.charAt(p);
                        if (a < 33 || a > 126 || "(){%*\"\\".indexOf(a) >= 0) {
                            throw bad(spec, "invalid character in header name");
                        }
                        p++;
                    }
                    names.add(inner.substring(from, p));
                }
            }
            if (names.isEmpty()) {
                throw bad(spec, "empty header list");
            }
            return names;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static IllegalArgumentException bad(String spec, String why) {
            return new IllegalArgumentException("invalid section spec [" + spec + "]: " + why);
        }
    }
}
