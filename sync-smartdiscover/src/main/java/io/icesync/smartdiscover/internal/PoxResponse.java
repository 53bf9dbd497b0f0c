package io.icesync.smartdiscover.internal;

import static io.icesync.core.xml.SafeDom.ANY_NAMESPACE;

import io.icesync.core.xml.SafeDom;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** An Autodiscover POX answer (Outlook schema): settings, a redirect, or an error code. */
public sealed interface PoxResponse {
    /** The protocol entries, each as element name to text, in the order sent. */
    record Settings(List<Map<String, String>> protocols) implements PoxResponse {
    }

    record RedirectAddr(String address) implements PoxResponse {
    }

    record RedirectUrl(String url) implements PoxResponse {
    }

    record Error(String code, String message) implements PoxResponse {
    }

    /**
     * Parses a response body; a malformed or hostile one is an IOException saying why. Elements are
     * matched by local name in any namespace: servers put the same answer in the 2006 schema, the
     * 2006a one (settings), or none.
     */
    static PoxResponse parse(byte[] body) throws IOException {
        Element root = SafeDom.parse(body).getDocumentElement();
        Element response = SafeDom.child(root, ANY_NAMESPACE, "Response");
        if (response == null) {
            throw new IOException("no Response element: not an Autodiscover answer");
        }
        Element error = SafeDom.child(response, ANY_NAMESPACE, "Error");
        if (error != null) {
            return new Error(SafeDom.trimmed(error, ANY_NAMESPACE, "ErrorCode"),
                    SafeDom.trimmed(error, ANY_NAMESPACE, "Message"));
        }
        Element account = SafeDom.child(response, ANY_NAMESPACE, "Account");
        if (account == null) {
            throw new IOException("no Account element in the Autodiscover answer");
        }
        Element accountError = SafeDom.child(account, ANY_NAMESPACE, "Error");
        if (accountError != null) {
            return new Error(SafeDom.trimmed(accountError, ANY_NAMESPACE, "ErrorCode"),
                    SafeDom.trimmed(accountError, ANY_NAMESPACE, "Message"));
        }
        String action = SafeDom.trimmed(account, ANY_NAMESPACE, "Action");
        String a = action == null ? "settings" : action.toLowerCase(Locale.ROOT);
        switch (a) {
            case "redirectaddr" -> {
                String to = SafeDom.trimmed(account, ANY_NAMESPACE, "RedirectAddr");
                if (to == null || to.isEmpty()) {
                    throw new IOException("Action redirectAddr without a RedirectAddr");
                }
                return new RedirectAddr(to);
            }
            case "redirecturl" -> {
                String to = SafeDom.trimmed(account, ANY_NAMESPACE, "RedirectUrl");
                if (to == null || to.isEmpty()) {
                    throw new IOException("Action redirectUrl without a RedirectUrl");
                }
                return new RedirectUrl(to);
            }
            case "settings" -> {
                List<Map<String, String>> protocols = new ArrayList<>();
                for (Element p : SafeDom.children(account, ANY_NAMESPACE, "Protocol")) {
                    Map<String, String> fields = new LinkedHashMap<>();
                    flatten("", p, fields);
                    protocols.add(fields);
                }
                return new Settings(protocols);
            }
            default -> throw new IOException("unknown Action '" + action + "'");
        }
    }

    /**
     * An element's attributes and children as name to text, the first of each name kept; nested
     * elements as "Parent.Child", an attribute of an element as "Element.attribute".
     */
    private static void flatten(String prefix, Element e, Map<String, String> out) {
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node at = attributes.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(at.getNamespaceURI())) {
                out.putIfAbsent(key(prefix, at.getLocalName() != null ? at.getLocalName() : at.getNodeName()),
                        at.getNodeValue().trim());
            }
        }
        List<Element> children = SafeDom.children(e);
        if (children.isEmpty() && !prefix.isEmpty()) {
            out.putIfAbsent(prefix, e.getTextContent().trim());
        }
        for (Element c : children) {
            flatten(key(prefix, c.getLocalName()), c, out);
        }
    }

    private static String key(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }
}
