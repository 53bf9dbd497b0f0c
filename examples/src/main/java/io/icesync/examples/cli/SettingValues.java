package io.icesync.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.core.InvalidSettingException;
import io.icesync.core.settings.SettingsJson;
import io.icesync.core.settings.SyncSettings;

/** A setting's name and value as typed on the command line, read with the rules of {@code profile.json}. */
final class SettingValues {
    private static final String[] UNITS = {"Minutes", "Ms", "Mb", "Seconds", "Days"};

    private SettingValues() {
    }

    /** The JSON name a typed name stands for: itself, or itself with its unit ({@code galInterval}). */
    static String canonicalName(String typed) {
        if (SettingsJson.names().contains(typed)) {
            return typed;
        }
        for (String unit : UNITS) {
            if (SettingsJson.names().contains(typed + unit)) {
                return typed + unit;
            }
        }
        SettingsJson.allowedValues(typed); // throws: unknown, with the nearest name
        return typed;
    }

    /** {@code current} with {@code name} set to the typed {@code value}; a bad value names the setting and its bounds. */
    static SyncSettings with(SyncSettings current, String name, String value) {
        ObjectNode tree;
        try {
            tree = (ObjectNode) SettingsCommand.JSON.readTree(SettingsJson.write(current));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        tree.set(name, node(name, tree.get(name), value));
        return SettingsJson.read(tree.toString());
    }

    /** The typed value as the JSON of the setting's kind (the current value shows the kind). */
    private static JsonNode node(String name, JsonNode current, String value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        String v = value.trim();
        if (current.isBoolean()) {
            if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                return f.booleanNode(Boolean.parseBoolean(v.toLowerCase(java.util.Locale.ROOT)));
            }
            throw bad(name, value);
        }
        if (current.isIntegralNumber()) {
            if (!v.matches("-?[0-9]{1,18}")) {
                throw bad(name, value);
            }
            return f.numberNode(Long.parseLong(v));
        }
        if (current.isObject()) {
            try {
                return SettingsCommand.JSON.readTree(v);
            } catch (JsonProcessingException e) {
                throw new InvalidSettingException(name, "not valid JSON: \"" + value + "\"; expected "
                        + SettingsJson.allowedValues(name));
            }
        }
        return f.textNode(v);
    }

    private static InvalidSettingException bad(String name, String value) {
        return new InvalidSettingException(name, "\"" + value + "\" is not a value of this setting; expected "
                + SettingsJson.allowedValues(name));
    }
}
