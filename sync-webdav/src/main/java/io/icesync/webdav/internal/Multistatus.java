package io.icesync.webdav.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import io.icesync.core.xml.SafeDom;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a 207 Multi-Status body (RFC 4918 section 13) with Jackson XML, DTDs and external entities
 * off so that a hostile server cannot reach local files or expand entities without bound.
 *
 * <p>Elements are matched by local name, whatever prefix the server binds to "DAV:" (D:, d:, lp1:
 * or the default namespace all occur in practice); the request asks for DAV: properties only, so a
 * property of another namespace with the same local name does not come back.
 */
public final class Multistatus {
    // The hardening is core's (SafeDom), the same for every XML IceSync reads.
    private static final XmlMapper MAPPER = new XmlMapper(XmlFactory.builder()
            .xmlInputFactory(SafeDom.newStreamFactory()).build());

    /**
     * One {@code <response>}: its href, its status (the response-level one, else the status of the
     * propstat that carried properties) and the properties the server found.
     */
    public record Entry(String href, int status, JsonNode props) {
        /** The text of a property, or null when absent or empty. */
        public String text(String name) {
            return textOf(props == null ? null : props.get(name));
        }

        /** {@code getcontentlength} as a number, or -1 when absent or not a number. */
        public long contentLength() {
            String text = text("getcontentlength");
            if (text == null) {
                return -1;
            }
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        /** Whether the property holds a child element of this name (resourcetype/collection). */
        public boolean hasChild(String property, String child) {
            JsonNode p = props == null ? null : props.get(property);
            return p != null && p.isObject() && p.has(child);
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
        BufferedInputStream in = new BufferedInputStream(body, 8192);
        in.mark(4096);
        byte[] head = in.readNBytes(4096);
        in.reset();
        if (SafeDom.declaresDtd(head, head.length)) {
            throw new MalformedException("the document declares a DTD or entities, which are refused", null);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JacksonException e) {
            throw new MalformedException("not well-formed XML: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new MalformedException("an empty body", null);
        }
        if (!root.isObject() && !(root.isTextual() && root.asText().isBlank())) {
            throw new MalformedException("not a multistatus document", null);
        }
        List<Entry> out = new ArrayList<>();
        for (JsonNode r : all(root, "response")) {
            String href = textOf(first(r.get("href")));
            if (href == null) {
                throw new MalformedException("a response without href", null);
            }
            int status = statusOf(textOf(r.get("status")));
            JsonNode found = null;
            int propStatus = -1;
            for (JsonNode ps : all(r, "propstat")) {
                int s = statusOf(textOf(ps.get("status")));
                if (s / 100 == 2) {
                    // A server may split the properties it found over several 2xx propstats: all count.
                    found = merged(found, ps.get("prop"));
                    propStatus = s;
                } else if (propStatus < 0) {
                    propStatus = s;
                }
            }
            out.add(new Entry(href, status > 0 ? status : propStatus, found));
        }
        if (out.isEmpty() && root.isObject() && root.size() > 0 && !root.has("responsedescription")
                && !root.has("sync-token")) {
            throw new MalformedException("not a multistatus document (no response element)", null);
        }
        return new Document(out, root.isObject() ? textOf(root.get("sync-token")) : null);
    }

    private static JsonNode merged(JsonNode before, JsonNode more) {
        if (before == null || !before.isObject()) {
            return more;
        }
        if (more == null || !more.isObject()) {
            return before;
        }
        com.fasterxml.jackson.databind.node.ObjectNode out = ((com.fasterxml.jackson.databind.node.ObjectNode) before).deepCopy();
        more.fields().forEachRemaining(f -> out.set(f.getKey(), f.getValue()));
        return out;
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

    private static JsonNode first(JsonNode n) {
        return n != null && n.isArray() ? (n.size() == 0 ? null : n.get(0)) : n;
    }

    private static String textOf(JsonNode node) {
        JsonNode n = first(node);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isObject()) {
            // An element with attributes (Apache's <getlastmodified b:dt="...">) keeps its text under "".
            n = n.get("");
            if (n == null) {
                return null;
            }
        }
        String t = n.asText().trim();
        return t.isEmpty() ? null : t;
    }

    private static List<JsonNode> all(JsonNode parent, String name) {
        JsonNode n = parent.get(name);
        if (n == null) {
            return List.of();
        }
        if (n.isArray()) {
            List<JsonNode> list = new ArrayList<>();
            n.forEach(list::add);
            return list;
        }
        return List.of(n);
    }
}
