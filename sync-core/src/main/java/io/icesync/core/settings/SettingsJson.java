package io.icesync.core.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.core.FolderPath;
import io.icesync.core.InvalidSettingException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Settings as JSON, with field names that say their unit ({@code standardIntervalMinutes},
 * {@code delayBetweenItemsMs}). Missing fields take the guide's defaults; an unknown field (a
 * typo), a wrong type or an out-of-bounds value is an {@link InvalidSettingException} naming it.
 */
public final class SettingsJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private record Field(Function<SyncSettings, Object> get, BiConsumer<SyncSettings.Builder, JsonNode> set) {
    }

    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        minutes("structureIntervalMinutes", SyncSettings::structureInterval, SyncSettings.Builder::structureInterval);
        minutes("priorityIntervalMinutes", SyncSettings::priorityInterval, SyncSettings.Builder::priorityInterval);
        minutes("standardIntervalMinutes", SyncSettings::standardInterval, SyncSettings.Builder::standardInterval);
        minutes("galIntervalMinutes", SyncSettings::galInterval, SyncSettings.Builder::galInterval);
        bool("galSync", SyncSettings::galSync, SyncSettings.Builder::galSync);
        bool("syncAfterLocalChange", SyncSettings::syncAfterLocalChange, SyncSettings.Builder::syncAfterLocalChange);
        FIELDS.put("conflictPolicy", new Field(SyncSettings::conflictPolicy,
                (b, n) -> b.conflictPolicy(enumValue("conflictPolicy", n, ConflictPolicy.class))));
        FIELDS.put("folderSyncThreshold", new Field(SyncSettings::folderSyncThreshold,
                (b, n) -> b.folderSyncThreshold((int) integer("folderSyncThreshold", n))));
        FIELDS.put("downloadMode", new Field(SyncSettings::downloadMode,
                (b, n) -> b.downloadMode(enumValue("downloadMode", n, DownloadMode.class))));
        FIELDS.put("downloadThresholdMb", new Field(s -> s.downloadThresholdBytes() / SyncSettings.MB,
                (b, n) -> b.downloadThresholdMb(integer("downloadThresholdMb", n))));
        bool("applyThresholdToExisting", SyncSettings::applyThresholdToExisting,
                SyncSettings.Builder::applyThresholdToExisting);
        bool("wholeDocuments", SyncSettings::wholeDocuments, SyncSettings.Builder::wholeDocuments);
        FIELDS.put("mailsOfLastDays", new Field(SyncSettings::mailsOfLastDays,
                (b, n) -> b.mailsOfLastDays((int) integer("mailsOfLastDays", n))));
        FIELDS.put("delayBetweenItemsMs", new Field(s -> s.delayBetweenItems().toMillis(),
                (b, n) -> b.delayBetweenItems(Duration.ofMillis(integer("delayBetweenItemsMs", n)))));
        bool("revertReadOnlyChanges", SyncSettings::revertReadOnlyChanges, SyncSettings.Builder::revertReadOnlyChanges);
        bool("syncSignature", SyncSettings::syncSignature, SyncSettings.Builder::syncSignature);
        FIELDS.put("defaultSelection", new Field(SyncSettings::defaultSelection,
                (b, n) -> b.defaultSelection(enumValue("defaultSelection", n, FolderSelection.class))));
        FIELDS.put("folderSelections", new Field(s -> {
            Map<String, String> m = new TreeMap<>();
            s.folderSelections().forEach((p, v) -> m.put(p.toString(), v.name()));
            return m;
        }, SettingsJson::readSelections));
    }

    private SettingsJson() {
    }

    /** The JSON names of all settings, in document order: the names policies lock. */
    public static Set<String> names() {
        return FIELDS.keySet();
    }

    public static String write(SyncSettings s) {
        try {
            return MAPPER.writeValueAsString(toTree(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode toTree(SyncSettings s) {
        ObjectNode o = MAPPER.createObjectNode();
        FIELDS.forEach((name, f) -> o.set(name, MAPPER.valueToTree(f.get().apply(s))));
        return o;
    }

    public static SyncSettings read(String json) {
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidSettingException("settings", "not valid JSON: " + e.getOriginalMessage(), e);
        }
        return fromTree(n);
    }

    public static SyncSettings fromTree(JsonNode n) {
        return fromTree(n, SyncSettings.builder());
    }

    /** Applies the fields present in {@code n} on top of {@code b}. */
    static SyncSettings fromTree(JsonNode n, SyncSettings.Builder b) {
        if (n == null || n.isNull()) {
            return b.build();
        }
        if (!n.isObject()) {
            throw new InvalidSettingException("settings", "expected a JSON object, got " + n.getNodeType());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Field f = FIELDS.get(e.getKey());
            if (f == null) {
                throw new InvalidSettingException(e.getKey(), "unknown setting; known settings are " + FIELDS.keySet());
            }
            f.set().accept(b, e.getValue());
        }
        return b.build();
    }

    private static void minutes(String name, Function<SyncSettings, Duration> get,
                                BiConsumer<SyncSettings.Builder, Duration> set) {
        FIELDS.put(name, new Field(s -> get.apply(s).toMinutes(),
                (b, n) -> set.accept(b, Duration.ofMinutes(integer(name, n)))));
    }

    private static void bool(String name, Function<SyncSettings, Boolean> get,
                             BiConsumer<SyncSettings.Builder, Boolean> set) {
        FIELDS.put(name, new Field(get::apply, (b, n) -> {
            if (!n.isBoolean()) {
                throw new InvalidSettingException(name, "expected true or false, got " + n);
            }
            set.accept(b, n.booleanValue());
        }));
    }

    private static long integer(String name, JsonNode n) {
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new InvalidSettingException(name, "expected a whole number, got " + n);
        }
        return n.longValue();
    }

    private static <E extends Enum<E>> E enumValue(String name, JsonNode n, Class<E> type) {
        if (n.isTextual()) {
            try {
                return Enum.valueOf(type, n.textValue().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw new InvalidSettingException(name, "expected one of " + java.util.Arrays.toString(type.getEnumConstants())
                + ", got " + n);
    }

    private static void readSelections(SyncSettings.Builder b, JsonNode n) {
        if (!n.isObject()) {
            throw new InvalidSettingException("folderSelections", "expected an object of folder path -> selection, got " + n);
        }
        Map<FolderPath, FolderSelection> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            FolderPath p;
            try {
                p = FolderPath.parse(e.getKey(), '/');
            } catch (IllegalArgumentException ex) {
                throw new InvalidSettingException("folderSelections", "bad folder path '" + e.getKey() + "': "
                        + ex.getMessage());
            }
            m.put(p, enumValue("folderSelections." + e.getKey(), e.getValue(), FolderSelection.class));
        }
        b.folderSelections(m);
    }
}
