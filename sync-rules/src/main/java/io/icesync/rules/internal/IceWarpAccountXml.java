package io.icesync.rules.internal;

import static io.icesync.core.xml.SafeDom.append;
import static io.icesync.core.xml.SafeDom.child;
import static io.icesync.core.xml.SafeDom.children;
import static io.icesync.core.xml.SafeDom.text;
import static io.icesync.core.xml.SafeDom.trimmed;

import io.icesync.rules.AutoResponder;
import io.icesync.rules.Forwarding;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The account properties behind forwarding (F9.5: {@code u_forwardto}, a {@code ;}-separated list,
 * and {@code u_donotforwardspam}) and the auto-responder (F9.6: {@code A_Responder}, a
 * {@code TAccountResponder}), as IceWarp's API writes property values.
 */
public final class IceWarpAccountXml {
    public static final String FORWARD_TO = "u_forwardto";
    public static final String NO_SPAM_FORWARD = "u_donotforwardspam";
    public static final String RESPONDER = "A_Responder";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");

    private IceWarpAccountXml() {
    }

    /** {@code <propertyval>} holding a plain string. */
    public static void writeString(Element propertyVal, String value) {
        append(propertyVal, "classname", "TPropertyString");
        append(propertyVal, "val", value);
    }

    /** The string of a {@code <propertyval>}, or "" when it has none. */
    public static String readString(Element propertyVal) {
        String v = text(propertyVal, "val");
        return v == null ? "" : v;
    }

    public static String forwardTo(Forwarding f) {
        return String.join(";", f.to());
    }

    public static Forwarding forwarding(String forwardTo, String noSpam) {
        List<String> to = new ArrayList<>();
        for (String a : forwardTo.split("[;,]")) {
            if (!a.isBlank()) {
                to.add(a.trim());
            }
        }
        return new Forwarding(to, true, IceWarpRuleXml.isTrue(noSpam));
    }

    /** {@code <propertyval>} holding the responder. */
    public static void writeResponder(Element propertyVal, AutoResponder r) {
        append(propertyVal, "classname", "TAccountResponder");
        Element no = append(propertyVal, "norespond");
        append(no, "classname", "TPropertyStringList");
        Element val = append(no, "val");
        for (String s : r.noReplyTo()) {
            append(val, "item", s);
        }
        Element message = append(propertyVal, "respondermessage");
        append(message, "classname", "TAccountResponderMessage");
        append(message, "from", r.sender() == null ? "" : r.sender());
        append(message, "subject", r.subject());
        append(message, "text", r.text());
        append(propertyVal, "respondertype", Integer.toString(r.mode().ordinal()));
        append(propertyVal, "respondperiod", Integer.toString(r.againAfterDays()));
        append(propertyVal, "respondbetweenfrom", r.from() == null ? "" : DATE.format(r.from()));
        append(propertyVal, "respondbetweento", r.until() == null ? "" : DATE.format(r.until()));
        append(propertyVal, "respondonlyiftome", IceWarpRuleXml.bit(r.onlyIfToMe()));
    }

    /** The responder in a {@code <propertyval>}; an IllegalArgumentException says what is wrong in it. */
    public static AutoResponder readResponder(Element propertyVal) {
        List<String> noReply = new ArrayList<>();
        for (Element item : children(child(child(propertyVal, "norespond"), "val"), "item")) {
            noReply.add(item.getTextContent());
        }
        Element message = child(propertyVal, "respondermessage");
        int type = number(trimmed(propertyVal, "respondertype"), "respondertype");
        if (type < 0 || type >= AutoResponder.Mode.values().length) {
            throw new IllegalArgumentException("<respondertype> is " + type + ", not 0-3");
        }
        String from = text(message, "from");
        return new AutoResponder(AutoResponder.Mode.values()[type], number(trimmed(propertyVal, "respondperiod"), "respondperiod"),
                date(trimmed(propertyVal, "respondbetweenfrom")), date(trimmed(propertyVal, "respondbetweento")), noReply,
                IceWarpRuleXml.isTrue(text(propertyVal, "respondonlyiftome")),
                from == null || from.isEmpty() ? null : from, text(message, "subject"), text(message, "text"));
    }

    private static LocalDate date(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(s, DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the date '" + s + "' is not YYYY/MM/DD");
        }
    }

    private static int number(String s, String what) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("<" + what + "> is '" + s + "', not a number");
        }
    }

    /** The property names IceSync reads, as the request's list. */
    public static List<String> names() {
        return Arrays.asList(FORWARD_TO, NO_SPAM_FORWARD, RESPONDER);
    }
}
