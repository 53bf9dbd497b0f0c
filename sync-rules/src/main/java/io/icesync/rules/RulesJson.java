package io.icesync.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.stream.Collectors;

/**
 * The rules file format ({@code docs/rules-format.md}): {@code {"format": 1, "rules": [...], "lists":
 * {...}, "forwarding": {...}, "responder": {...}}}. Unknown fields, unknown kinds and bad values are
 * refused with the path to them ({@code rules[2].when.conditions[0].test.values}).
 */
public final class RulesJson {
    /** The format this code writes and reads. */
    public static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private RulesJson() {
    }

    /**
     * The rules file text: format {@value #FORMAT}, indented, ending with a newline.
     *
     * @param set the rule set
     * @return the JSON text
     */
    public static String write(RuleSet set) {
        try {
            ObjectNode root = MAPPER.createObjectNode();
            root.put("format", FORMAT);
            ObjectNode body = MAPPER.valueToTree(set);
            root.setAll(body);
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write rules: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a rules file; {@code where} names it in errors (a file name).
     *
     * @param json  the file's text
     * @param where names the file in errors
     * @return the rule set
     * @throws InvalidRuleException naming the file and the field when the text is not a valid rules file
     */
    public static RuleSet read(String json, String where) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidRuleException(where, "not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRuleException(where, "a rules file is a JSON object");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.canConvertToInt()) {
            throw new InvalidRuleException(where + ": format", "missing \"format\": " + FORMAT);
        }
        if (format.asInt() != FORMAT) {
            throw new InvalidRuleException(where + ": format", "format " + format.asInt() + " is not known to this version "
                    + "(it reads format " + FORMAT + ")");
        }
        ObjectNode body = ((ObjectNode) root).deepCopy();
        body.remove("format");
        try {
            return MAPPER.treeToValue(body, RuleSet.class);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? "." + r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining()).replaceFirst("^\\.", "");
            Throwable cause = e.getCause();
            String why = cause instanceof InvalidRuleException ir ? ir.getMessage() : e.getOriginalMessage();
            throw new InvalidRuleException(where + ": " + path, why.split("\n")[0]);
        } catch (JsonProcessingException e) {
            throw new InvalidRuleException(where, e.getOriginalMessage());
        }
    }
}
