package io.icesync.core.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
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
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The one reader of XML from outside: a DOM tree with DTDs, external entities and XInclude off, so
 * that XXE and entity expansion fail to parse instead of reaching a file or eating memory, and with
 * a bound on size and depth ({@link XmlLimits}). Look-ups come in two kinds: by name without case or
 * prefix, for the element-per-field formats of IceWarp's API; by namespace and exact local name, for
 * formats where a namespace tells elements apart (WebDAV, Autodiscover).
 */
public final class SafeDom {
    /** The namespace argument of the look-ups that matches any namespace (DOM's wildcard). */
    public static final String ANY_NAMESPACE = "*";
    private static final DocumentBuilderFactory FACTORY = factory();
    // Fatal errors thrown, nothing printed: the JDK's default handler writes a server's garbage to stderr.
    private static final DefaultHandler QUIET = new DefaultHandler();

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
     * Parses a document within {@link XmlLimits#DEFAULT}; see {@link #parse(byte[], XmlLimits)}.
     *
     * @param xml the document's bytes; not null
     * @return the parsed document
     * @throws UnreadableXmlException if the document is empty, not well-formed, declares a DTD or is over the
     *         default limits
     */
    public static Document parse(byte[] xml) throws UnreadableXmlException {
        return parse(xml, XmlLimits.DEFAULT);
    }

    /**
     * Parses a document: an empty one, malformed XML (with its line and column), a DTD or an entity
     * declaration, or a document over {@code limits} ({@link XmlLimitException}) is refused.
     *
     * @param xml the document's bytes; not null
     * @param limits the size and depth bounds; not null
     * @return the parsed document
     * @throws UnreadableXmlException if the document is empty, not well-formed, declares a DTD or entities, or is
     *         over {@code limits}
     */
    public static Document parse(byte[] xml, XmlLimits limits) throws UnreadableXmlException {
        if (xml.length > limits.maxBytes()) {
            throw XmlLimitException.size(limits.maxBytes());
        }
        if (blank(xml)) {
            throw new UnreadableXmlException("an empty document");
        }
        Document d;
        try {
            DocumentBuilder b = FACTORY.newDocumentBuilder();
            b.setErrorHandler(QUIET);
            d = b.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            throw new UnreadableXmlException("not well-formed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new UnreadableXmlException("not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        DepthCheck.check(d.getDocumentElement(), limits.maxDepth());
        return d;
    }

    /**
     * Reads a document from a stream, at most {@code limits.maxBytes()} of it, and parses it as
     * {@link #parse(byte[], XmlLimits)} does; a failure of the stream itself is its own IOException.
     *
     * @param in the stream, read up to one byte past the limit and not closed; not null
     * @param limits the size and depth bounds; not null
     * @return the parsed document
     * @throws UnreadableXmlException if the document is refused, as by {@link #parse(byte[], XmlLimits)}
     * @throws IOException if reading the stream fails
     */
    public static Document parse(InputStream in, XmlLimits limits) throws IOException {
        return parse(in.readNBytes(limits.maxBytes() + 1), limits);
    }

    private static boolean blank(byte[] xml) {
        for (byte b : xml) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /**
     * A new, empty document to build elements in.
     *
     * @return a namespace-aware, empty document
     */
    public static Document newDocument() {
        try {
            return FACTORY.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The element children of {@code parent}, in order.
     *
     * @param parent the element, or null
     * @return a new mutable list, empty when {@code parent} is null or has no element child
     */
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

    /**
     * The element children called {@code name} (any case, any namespace), in order.
     *
     * @param parent the element, or null
     * @param name the name to match, without prefix, any case
     * @return a new mutable list, possibly empty
     */
    public static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Element e : children(parent)) {
            if (name(e).equalsIgnoreCase(name)) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The first child called {@code name}, or null.
     *
     * @param parent the element, or null
     * @param name the name to match, without prefix, any case
     * @return the first matching element, or null
     */
    public static Element child(Element parent, String name) {
        for (Element e : children(parent)) {
            if (name(e).equalsIgnoreCase(name)) {
                return e;
            }
        }
        return null;
    }

    /**
     * The text of the first child called {@code name}, exactly as sent, or null when there is none.
     *
     * @param parent the element, or null
     * @param name the name to match, without prefix, any case
     * @return the child's text content, or null
     */
    public static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent();
    }

    /**
     * The text of the first child called {@code name} without surrounding blanks (ids, numbers, names), or null.
     *
     * @param parent the element, or null
     * @param name the name to match, without prefix, any case
     * @return the child's trimmed text content, or null
     */
    public static String trimmed(Element parent, String name) {
        String t = text(parent, name);
        return t == null ? null : t.trim();
    }

    /**
     * The element children in {@code namespace} (exactly; {@link #ANY_NAMESPACE} for any, "" for none)
     * whose local name is exactly {@code localName}, in order: what formats with namespaces match on.
     *
     * @param parent the element, or null
     * @param namespace the namespace URI, {@link #ANY_NAMESPACE}, or "" or null for none
     * @param localName the exact local name
     * @return a new mutable list, possibly empty
     */
    public static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> out = new ArrayList<>();
        for (Element e : children(parent)) {
            if (is(e, namespace, localName)) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The first child in {@code namespace} called {@code localName}, matched as the namespace look-ups match, or null.
     *
     * @param parent the element, or null
     * @param namespace the namespace URI, {@link #ANY_NAMESPACE}, or "" or null for none
     * @param localName the exact local name
     * @return the first matching element, or null
     */
    public static Element child(Element parent, String namespace, String localName) {
        for (Element e : children(parent)) {
            if (is(e, namespace, localName)) {
                return e;
            }
        }
        return null;
    }

    /**
     * The text of the first child in {@code namespace} called {@code localName}, exactly as sent, or null.
     *
     * @param parent the element, or null
     * @param namespace the namespace URI, {@link #ANY_NAMESPACE}, or "" or null for none
     * @param localName the exact local name
     * @return the child's text content, or null
     */
    public static String text(Element parent, String namespace, String localName) {
        Element e = child(parent, namespace, localName);
        return e == null ? null : e.getTextContent();
    }

    /**
     * The text of the first child in {@code namespace} called {@code localName} without surrounding blanks, or null.
     *
     * @param parent the element, or null
     * @param namespace the namespace URI, {@link #ANY_NAMESPACE}, or "" or null for none
     * @param localName the exact local name
     * @return the child's trimmed text content, or null
     */
    public static String trimmed(Element parent, String namespace, String localName) {
        String t = text(parent, namespace, localName);
        return t == null ? null : t.trim();
    }

    /**
     * Whether the element is in {@code namespace} (as in the look-ups) and its local name is {@code localName}.
     *
     * @param e the element; not null
     * @param namespace the namespace URI, {@link #ANY_NAMESPACE}, or "" or null for none
     * @param localName the exact local name
     * @return true if both match
     */
    public static boolean is(Element e, String namespace, String localName) {
        String ns = e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
        String local = e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
        String wanted = namespace == null ? "" : namespace;
        return local.equals(localName) && (ANY_NAMESPACE.equals(wanted) || ns.equals(wanted));
    }

    /**
     * The element's name without prefix, lower-cased.
     *
     * @param e the element; not null
     * @return the local name in {@link java.util.Locale#ROOT} lower case
     */
    public static String name(Element e) {
        String n = e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
        int colon = n.indexOf(':');
        return (colon >= 0 ? n.substring(colon + 1) : n).toLowerCase(Locale.ROOT);
    }

    /**
     * Appends {@code <name>text</name>} to {@code parent} and returns the new element.
     *
     * @param parent the element to append to; not null
     * @param name the new element's qualified name, created in {@code parent}'s namespace
     * @param text its text content; null or empty leaves it empty
     * @return the appended element
     */
    public static Element append(Element parent, String name, String text) {
        Element e = parent.getOwnerDocument().createElementNS(parent.getNamespaceURI(), name);
        if (text != null && !text.isEmpty()) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }

    /**
     * Appends an empty {@code <name>} to {@code parent} and returns it.
     *
     * @param parent the element to append to; not null
     * @param name the new element's qualified name, created in {@code parent}'s namespace
     * @return the appended element
     */
    public static Element append(Element parent, String name) {
        return append(parent, name, null);
    }

    /**
     * The node as XML text, without declaration.
     *
     * @param node the node to write, usually a document or an element
     * @return the XML text, UTF-8 output properties, no declaration
     * @throws IllegalStateException if the JDK's transformer fails
     */
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
