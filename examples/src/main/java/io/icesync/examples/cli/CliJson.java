package io.icesync.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;

/**
 * The {@code --json} contract (docs/cli-json.md): every document is one object whose first field is
 * {@code schemaVersion}, map keys sorted, and strings escaped so that no character reaches a
 * terminal raw (C1 controls and bidi overrides too, as {@code \}{@code uXXXX}: the output stays valid JSON).
 */
final class CliJson {
    /** Raised when a document loses or renames a field or changes its type; new fields keep it. */
    static final int SCHEMA_VERSION = 1;

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    static {
        MAPPER.getFactory().setCharacterEscapes(new TerminalEscapes());
    }

    private CliJson() {
    }

    /** A new document: {@code {"schemaVersion": 1}}. */
    static ObjectNode document() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("schemaVersion", SCHEMA_VERSION);
        return o;
    }

    /** A new document holding {@code value} under {@code field}. */
    static ObjectNode document(String field, JsonNode value) {
        ObjectNode o = document();
        o.set(field, value);
        return o;
    }

    /** A document made of an object's fields (a record, a map), after {@code schemaVersion}. */
    static ObjectNode documentOf(Object value) {
        ObjectNode o = document();
        o.setAll((ObjectNode) MAPPER.valueToTree(value));
        return o;
    }

    static String write(JsonNode doc) {
        try {
            return MAPPER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written", e);
        }
    }

    static void print(PrintWriter out, JsonNode doc) {
        out.println(write(doc));
        out.flush();
    }

    /** JSON's own escapes, plus DEL, C1 controls and the bidi controls TerminalText escapes. */
    private static final class TerminalEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        TerminalEscapes() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            boolean c1 = c >= 0x80 && c <= 0x9f;
            boolean bidi = c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
            return c1 || bidi ? new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", c)) : null;
        }
    }
}
