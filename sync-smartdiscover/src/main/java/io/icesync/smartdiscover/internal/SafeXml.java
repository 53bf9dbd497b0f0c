package io.icesync.smartdiscover.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import io.icesync.core.xml.SafeDom;
import java.io.IOException;

/**
 * XML from servers, read as a tree with DTDs and external entities off: XXE and entity expansion
 * ("billion laughs") fail to parse instead of reaching a file or eating memory.
 */
public final class SafeXml {
    // The hardening is core's (SafeDom), the same for every XML IceSync reads.
    private static final XmlMapper MAPPER = new XmlMapper(XmlFactory.builder()
            .xmlInputFactory(SafeDom.newStreamFactory()).build());

    private SafeXml() {
    }

    /** The document as a tree (element names without namespaces; repeated elements become arrays). */
    public static JsonNode read(byte[] xml) throws IOException {
        if (SafeDom.declaresDtd(xml, xml.length)) {
            throw new IOException("the document declares a DTD or entities, which are refused");
        }
        JsonNode n = MAPPER.readTree(xml);
        if (n == null) {
            throw new IOException("an empty document");
        }
        return n;
    }

    /** The text of a child element, or null. */
    public static String text(JsonNode parent, String name) {
        JsonNode n = parent == null ? null : parent.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isArray()) {
            n = n.size() == 0 ? null : n.get(0);
        }
        if (n == null) {
            return null;
        }
        if (n.isObject()) {
            JsonNode t = n.get("");
            return t == null ? null : t.asText().trim();
        }
        return n.asText().trim();
    }

    /** A child that may appear once or several times, as a list. */
    public static java.util.List<JsonNode> all(JsonNode parent, String name) {
        JsonNode n = parent == null ? null : parent.get(name);
        if (n == null) {
            return java.util.List.of();
        }
        if (n.isArray()) {
            java.util.List<JsonNode> out = new java.util.ArrayList<>();
            n.forEach(out::add);
            return out;
        }
        return java.util.List.of(n);
    }
}
