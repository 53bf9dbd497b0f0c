package io.icesync.webdav.internal;

import io.icesync.core.xml.SafeDom;
import io.icesync.core.xml.UnreadableXmlException;
import io.icesync.core.xml.XmlLimits;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Reads a 207 Multi-Status body (RFC 4918 section 13) with core's one XML reader ({@link SafeDom}: no
 * DTD, no external entities, bounded size and depth), so that a hostile server can neither reach local
 * files nor make the client spend memory without bound.
 *
 * <p>Elements are matched by namespace and local name, whatever prefix the server binds to "DAV:" (D:,
 * d:, lp1: or the default namespace all occur in practice); an element of another namespace that has
 * the same local name is not taken for the DAV: one.
 */
public final class Multistatus {
    public static final String DAV = "DAV:";
    public static final String CALDAV = "urn:ietf:params:xml:ns:caldav";
    public static final String CARDDAV = "urn:ietf:params:xml:ns:carddav";
    public static final String CALENDARSERVER = "http://calendarserver.org/ns/";

    /**
     * One {@code <response>}: its href, its status (the response-level one, else the status of the
     * propstat that carried properties) and the {@code <prop>} elements of its 2xx propstats (a server
     * may split what it found over several), or null when none.
     */
    public record Entry(String href, int status, List<Element> props) {
        /** The first property of this namespace and local name, or null. */
        public Element property(String namespace, String name) {
            if (props != null) {
                for (Element prop : props) {
                    Element p = SafeDom.child(prop, namespace, name);
                    if (p != null) {
                        return p;
                    }
                }
            }
            return null;
        }

        /** The text of a property without surrounding blanks, or null when absent or empty. */
        public String text(String namespace, String name) {
            Element p = property(namespace, name);
            String t = p == null ? null : p.getTextContent().trim();
            return t == null || t.isEmpty() ? null : t;
        }

        /** The text of a DAV: property, as {@link #text(String, String)}. */
        public String text(String davName) {
            return text(DAV, davName);
        }

        /** {@code getcontentlength} as a number, or -1 when absent or not a number. */
        public long contentLength() {
            String text = text("getcontentlength");
            if (text == null) {
                return -1;
            }
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        /** Whether a DAV: property holds a child element of this namespace and name (resourcetype/C:calendar). */
        public boolean hasChild(String davProperty, String childNamespace, String child) {
            return SafeDom.child(property(DAV, davProperty), childNamespace, child) != null;
        }

        /** Whether a DAV: property holds a DAV: child element of this name (resourcetype/collection). */
        public boolean hasChild(String davProperty, String davChild) {
            return hasChild(davProperty, DAV, davChild);
        }
    }

    /** A whole answer: its responses and the top-level sync-token of a sync-collection REPORT (RFC 6578), or null. */
    public record Document(List<Entry> entries, String syncToken) {
    }

    /** The body is not a well-formed multistatus. */
    public static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Multistatus() {
    }

    /** Parses the body: MalformedException when it is not a well-formed multistatus, IOException when reading it fails. */
    public static List<Entry> parse(InputStream body) throws IOException, MalformedException {
        return read(body).entries();
    }

    /** Parses the body with its top-level sync-token; the same errors as {@link #parse}. */
    public static Document read(InputStream body) throws IOException, MalformedException {
        Element root;
        try {
            root = SafeDom.parse(body, XmlLimits.DEFAULT).getDocumentElement();
        } catch (UnreadableXmlException e) {
            throw new MalformedException(e.getMessage(), e);
        }
        if (!SafeDom.is(root, DAV, "multistatus")) {
            throw new MalformedException("not a multistatus document: the root element is " + qualified(root), null);
        }
        List<Entry> out = new ArrayList<>();
        for (Element r : SafeDom.children(root, DAV, "response")) {
            out.add(entry(r));
        }
        if (out.isEmpty()) {
            for (Element e : SafeDom.children(root)) {
                if (!SafeDom.is(e, DAV, "responsedescription") && !SafeDom.is(e, DAV, "sync-token")) {
                    throw new MalformedException("not a multistatus document (no response element, but "
                            + qualified(e) + ")", null);
                }
            }
        }
        String token = SafeDom.trimmed(root, DAV, "sync-token");
        return new Document(out, token == null || token.isEmpty() ? null : token);
    }

    private static Entry entry(Element r) throws MalformedException {
        String href = SafeDom.trimmed(r, DAV, "href");
        if (href == null || href.isEmpty()) {
            throw new MalformedException("a response without href", null);
        }
        int status = statusOf(SafeDom.text(r, DAV, "status"));
        List<Element> found = new ArrayList<>();
        int propStatus = -1;
        for (Element ps : SafeDom.children(r, DAV, "propstat")) {
            int s = statusOf(SafeDom.text(ps, DAV, "status"));
            if (s / 100 == 2) {
                found.addAll(SafeDom.children(ps, DAV, "prop"));
                propStatus = s;
            } else if (propStatus < 0) {
                propStatus = s;
            }
        }
        return new Entry(href, status > 0 ? status : propStatus, found.isEmpty() ? null : List.copyOf(found));
    }

    /** An element's name with its namespace, for messages: {@code <x> in urn:y}. */
    private static String qualified(Element e) {
        String ns = e.getNamespaceURI();
        return "<" + e.getLocalName() + ">" + (ns == null ? " without namespace" : " in " + ns);
    }

    /** The code of a status line such as "HTTP/1.1 404 Not Found", or -1. */
    static int statusOf(String line) {
        if (line == null) {
            return -1;
        }
        String[] parts = line.trim().split("\\s+");
        if (parts.length < 2) {
            return -1;
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
