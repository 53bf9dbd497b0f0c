package io.icesync.core.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * XML read as a DOM tree with DTDs, external entities and XInclude off, so that XXE and entity
 * expansion fail to parse instead of reaching a file or eating memory; plus the few look-ups the
 * element-per-field formats of IceWarp's API need (names compared without case or prefix).
 */
public final class SafeDom {
    private static final DocumentBuilderFactory FACTORY = factory();

    private SafeDom() {
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try {
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be made safe: " + e.getMessage(), e);
        }
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(true);
        return f;
    }

    /**
     * A StAX factory with the same protections (no DTD, no external entities, entities left unreplaced),
     * for readers that stream XML or map it to a tree of their own (Jackson XML takes one).
     */
    public static XMLInputFactory newStreamFactory() {
        XMLInputFactory in = XMLInputFactory.newFactory();
        in.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        in.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        in.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return in;
    }

    /**
     * Whether the start of a document (its first 4 KiB are enough: declarations come before the root)
     * declares a DTD or entities, which stream readers refuse before parsing.
     */
    public static boolean declaresDtd(byte[] head, int length) {
        String start = new String(head, 0, Math.min(length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1);
        return start.contains("<!DOCTYPE") || start.contains("<!ENTITY");
    }

    /** Parses a document; a DTD, an entity declaration or malformed XML is an IOException saying where. */
    public static Document parse(byte[] xml) throws IOException {
        try {
            DocumentBuilder b = FACTORY.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new IOException("not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new, empty document to build elements in. */
    public static Document newDocument() {
        try {
            return FACTORY.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The element children of {@code parent}, in order. */
    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** The element children called {@code name} (any case, any namespace), in order. */
    public static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Element e : children(parent)) {
            if (name(e).equalsIgnoreCase(name)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The first child called {@code name}, or null. */
    public static Element child(Element parent, String name) {
        for (Element e : children(parent)) {
            if (name(e).equalsIgnoreCase(name)) {
                return e;
            }
        }
        return null;
    }

    /** The text of the first child called {@code name}, exactly as sent, or null when there is none. */
    public static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent();
    }

    /** The text of the first child called {@code name} without surrounding blanks (ids, numbers, names), or null. */
    public static String trimmed(Element parent, String name) {
        String t = text(parent, name);
        return t == null ? null : t.trim();
    }

    /** The element's name without prefix, lower-cased. */
    public static String name(Element e) {
        String n = e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
        int colon = n.indexOf(':');
        return (colon >= 0 ? n.substring(colon + 1) : n).toLowerCase(Locale.ROOT);
    }

    /** Appends {@code <name>text</name>} to {@code parent} and returns the new element. */
    public static Element append(Element parent, String name, String text) {
        Element e = parent.getOwnerDocument().createElementNS(parent.getNamespaceURI(), name);
        if (text != null && !text.isEmpty()) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }

    /** Appends an empty {@code <name>} to {@code parent} and returns it. */
    public static Element append(Element parent, String name) {
        return append(parent, name, null);
    }

    /** The node as XML text, without declaration. */
    public static String write(Node node) {
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(node), new StreamResult(w));
            return w.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write XML: " + e.getMessage(), e);
        }
    }
}
