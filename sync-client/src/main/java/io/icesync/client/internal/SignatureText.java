package io.icesync.client.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-text form of a signature's HTML ({@code signature.txt}) and the HTML made from a text a
 * user edited. Signatures are a few lines of markup, so lines break where the HTML breaks them
 * ({@code <br>}, the end of a paragraph, division, list item or table row) and the rest of the tags go.
 */
final class SignatureText {
    private static final Pattern HIDDEN = Pattern.compile("(?is)<(script|style|head|title)\\b.*?</\\1\\s*>");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern BREAK = Pattern.compile(
            "(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6]|blockquote|table)\\s*>|<hr\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");

    private SignatureText() {
    }

    /** The text a reader sees in {@code html}, line by line, without trailing blanks. */
    static String toText(String html) {
        String s = HIDDEN.matcher(html).replaceAll("");
        s = COMMENT.matcher(s).replaceAll("");
        s = s.replaceAll("[\\r\\n\\t]+", " ");
        s = BREAK.matcher(s).replaceAll("\n");
        s = TAG.matcher(s).replaceAll("");
        s = decode(s);
        StringBuilder out = new StringBuilder();
        for (String line : s.split("\n", -1)) {
            out.append(line.replace('\u00a0', ' ').replaceAll(" {2,}", " ").strip()).append('\n');
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    /** HTML showing {@code text} as written: special characters escaped, each line ended by {@code <br>}. */
    static String toHtml(String text) {
        String[] lines = text.strip().split("\\r?\\n", -1);
        StringBuilder out = new StringBuilder("<div>");
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append("<br>");
            }
            out.append(escape(lines[i]));
        }
        return out.append("</div>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String decode(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String entity(String name, String whole) {
        if (name.startsWith("#")) {
            int cp = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                    ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
            return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : whole;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            case "copy" -> "©";
            case "reg" -> "®";
            case "eacute" -> "é";
            case "egrave" -> "è";
            case "agrave" -> "à";
            case "ccedil" -> "ç";
            case "euro" -> "€";
            case "ndash" -> "–";
            case "mdash" -> "—";
            default -> whole;
        };
    }
}
