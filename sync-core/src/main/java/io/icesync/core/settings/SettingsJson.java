package io.icesync.core.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.core.FolderPath;
import io.icesync.core.InvalidSettingException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SyncSettings} as JSON, in and out: {@code SettingsJson.write(settings)},
 * {@code SettingsJson.read(text)}.
 *
 * <p>Field names are stable and say their unit where there is one; durations are written as
 * whole numbers, never as ISO strings, so a person can read and edit the file:
 * <pre>{@code
 * {
 *   "structureIntervalMinutes" : 60,
 *   "priorityIntervalMinutes" : 1,
 *   "standardIntervalMinutes" : 10,
 *   "galIntervalMinutes" : 60,
 *   "galSync" : false,
 *   "accessListIntervalMinutes" : 15,
 *   "syncAfterLocalChange" : false,
 *   "pushChanges" : true,
 *   "conflictPolicy" : "SERVER_WINS",
 *   "folderSyncThreshold" : 1024,
 *   "downloadMode" : "FULL",
 *   "downloadThresholdMb" : 5,
 *   "applyThresholdToExisting" : false,
 *   "wholeDocuments" : false,
 *   "mailsOfLastDays" : 0,
 *   "delayBetweenItemsMs" : 1,
 *   "revertReadOnlyChanges" : false,
 *   "readReceipts" : "ASK",
 *   "syncSignature" : false,
 *   "autoFetchAttachmentsMb" : 0,
 *   "logLevel" : "STARTUP_AND_ERRORS",
 *   "deleteLogsAfterDays" : 0,
 *   "hideNewMailAfterSeconds" : 5,
 *   "defaultSelection" : "SELECTED",
 *   "folderSelections" : { "INBOX" : "PRIORITY", "Projets" : "INHERIT" }
 * }
 * }</pre>
 * These names are also the names policies lock ({@link SettingsPolicy}).
 *
 * <p>Reading is strict, because a settings file is often written by hand: a missing field takes
 * the guide's default; an unknown field is rejected (a typo would otherwise be silently ignored),
 * with the closest known name suggested, except the names of settings IceSync no longer has
 * ({@link #RETIRED}: {@code disableTnef}), which an older file may hold: they
 * are skipped with a warning in the log; a duplicated field, a wrong type, {@code null}, or an
 * out-of-bounds value is rejected. Every error is an {@link InvalidSettingException} whose
 * {@link InvalidSettingException#setting()} is the JSON field name and whose message gives the
 * value and the bound: {@code "standardIntervalMinutes: 5 minutes is below the minimum of 10 minutes"}.
 * Enum values are written in upper case and read in any case.
 *
 * <p>Folder paths in {@code folderSelections} are written {@code "A/B/C"} ({@link FolderPath#toString()}).
 * A folder name that itself contains {@code /} or {@code \} is written with a backslash before that
 * character ({@code "Q1\/Q2"} is one folder named {@code Q1/Q2}).
 */
public final class SettingsJson {
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * One setting: its JSON name, the name the builder's errors use, how to write and read it, and
     * how to turn a typed Java value (a Duration, an enum, a map) into its JSON form (for policies).
     */
    private record Field(String json, String java, Function<SyncSettings, JsonNode> write,
                         BiConsumer<SyncSettings.Builder, JsonNode> read, Function<Object, JsonNode> convert) {
    }

    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    /**
     * Settings older versions wrote that act on nothing IceSync does, and why: read and skipped, never
     * written. It concerned the mail Outlook composes and sends (see {@link SyncSettings}).
     */
    public static final Map<String, String> RETIRED = Map.of(
            "disableTnef", "IceSync never writes TNEF (winmail.dat), so there is nothing to disable (F10.5)");
    private static final Logger LOG = LoggerFactory.getLogger(SettingsJson.class);

    static {
        minutes("structureIntervalMinutes", "structureInterval", SyncSettings::structureInterval,
                SyncSettings.Builder::structureInterval);
        minutes("priorityIntervalMinutes", "priorityInterval", SyncSettings::priorityInterval,
                SyncSettings.Builder::priorityInterval);
        minutes("standardIntervalMinutes", "standardInterval", SyncSettings::standardInterval,
                SyncSettings.Builder::standardInterval);
        minutes("galIntervalMinutes", "galInterval", SyncSettings::galInterval, SyncSettings.Builder::galInterval);
        bool("galSync", SyncSettings::galSync, SyncSettings.Builder::galSync);
        minutes("accessListIntervalMinutes", "accessListInterval", SyncSettings::accessListInterval,
                SyncSettings.Builder::accessListInterval);
        bool("syncAfterLocalChange", SyncSettings::syncAfterLocalChange, SyncSettings.Builder::syncAfterLocalChange);
        bool("pushChanges", SyncSettings::pushChanges, SyncSettings.Builder::pushChanges);
        enumeration("conflictPolicy", ConflictPolicy.class, SyncSettings::conflictPolicy,
                SyncSettings.Builder::conflictPolicy);
        whole("folderSyncThreshold", "items", s -> (long) s.folderSyncThreshold(), (b, v) -> b.folderSyncThreshold(
                (int) SyncSettings.checkRange("folderSyncThreshold", v, SyncSettings.MIN_FOLDER_SYNC_THRESHOLD,
                        SyncSettings.MAX_FOLDER_SYNC_THRESHOLD, "items")));
        enumeration("downloadMode", DownloadMode.class, SyncSettings::downloadMode, SyncSettings.Builder::downloadMode);
        whole("downloadThresholdMb", "MB", SyncSettings::downloadThresholdMb, SyncSettings.Builder::downloadThresholdMb);
        bool("applyThresholdToExisting", SyncSettings::applyThresholdToExisting,
                SyncSettings.Builder::applyThresholdToExisting);
        bool("wholeDocuments", SyncSettings::wholeDocuments, SyncSettings.Builder::wholeDocuments);
        whole("mailsOfLastDays", "days", s -> (long) s.mailsOfLastDays(), (b, v) -> b.mailsOfLastDays(
                (int) SyncSettings.checkRange("mailsOfLastDays", v, 0, SyncSettings.MAX_MAILS_OF_LAST_DAYS, "days")));
        millis("delayBetweenItemsMs", "delayBetweenItems", SyncSettings::delayBetweenItems,
                SyncSettings.Builder::delayBetweenItems);
        bool("revertReadOnlyChanges", SyncSettings::revertReadOnlyChanges, SyncSettings.Builder::revertReadOnlyChanges);
        enumeration("readReceipts", ReadReceiptMode.class, SyncSettings::readReceipts,
                SyncSettings.Builder::readReceipts);
        bool("syncSignature", SyncSettings::syncSignature, SyncSettings.Builder::syncSignature);
        whole("autoFetchAttachmentsMb", "MB", s -> (long) s.autoFetchAttachmentsMb(), (b, v) -> b.autoFetchAttachmentsMb(
                (int) SyncSettings.checkRange("autoFetchAttachmentsMb", v, 0, SyncSettings.MAX_AUTO_FETCH_ATTACHMENTS_MB,
                        "MB")));
        enumeration("logLevel", LogLevel.class, SyncSettings::logLevel, SyncSettings.Builder::logLevel);
        whole("deleteLogsAfterDays", "days", s -> (long) s.deleteLogsAfterDays(), (b, v) -> b.deleteLogsAfterDays(
                (int) SyncSettings.checkRange("deleteLogsAfterDays", v, 0, SyncSettings.MAX_DELETE_LOGS_AFTER_DAYS,
                        "days")));
        seconds("hideNewMailAfterSeconds", "hideNewMailAfter", SyncSettings::hideNewMailAfter,
                SyncSettings.Builder::hideNewMailAfter);
        enumeration("defaultSelection", FolderSelection.class, SyncSettings::defaultSelection,
                SyncSettings.Builder::defaultSelection);
        FIELDS.put("folderSelections", new Field("folderSelections", "folderSelections",
                s -> writeSelections(s.folderSelections()), SettingsJson::readSelections,
                SettingsJson::convertSelections));
    }

    private SettingsJson() {
    }

    /**
     * What {@code name} accepts, as a user reads it: {@code "10 to 10080 (whole minutes)"},
     * {@code "true or false"}, {@code "one of SERVER_WINS, CLIENT_WINS"}. For a setting screen or a
     * command's help; the bounds are those the reading checks.
     *
     * @param name a setting's JSON name, as in {@link #names()}
     * @return a one-line description of the accepted values
     * @throws InvalidSettingException if the name is unknown
     */
    public static String allowedValues(String name) {
        Field f = field(name);
        long week = SyncSettings.MAX_INTERVAL.toMinutes();
        return switch (name) {
            case "structureIntervalMinutes" -> range(SyncSettings.MIN_STRUCTURE_INTERVAL.toMinutes(), week, "whole minutes");
            case "priorityIntervalMinutes" -> range(SyncSettings.MIN_PRIORITY_INTERVAL.toMinutes(), week, "whole minutes");
            case "standardIntervalMinutes" -> range(SyncSettings.MIN_STANDARD_INTERVAL.toMinutes(), week, "whole minutes");
            case "galIntervalMinutes" -> range(SyncSettings.MIN_GAL_INTERVAL.toMinutes(), week, "whole minutes");
            case "accessListIntervalMinutes" -> range(0, week, "whole minutes; 0 reads them at every folder listing");
            case "conflictPolicy" -> oneOf(ConflictPolicy.values());
            case "readReceipts" -> oneOf(ReadReceiptMode.values());
            case "logLevel" -> oneOf(LogLevel.values());
            case "deleteLogsAfterDays" -> range(0, SyncSettings.MAX_DELETE_LOGS_AFTER_DAYS, "days; 0 keeps every log");
            case "hideNewMailAfterSeconds" -> range(0, SyncSettings.MAX_HIDE_NEW_MAIL_AFTER.getSeconds(),
                    "whole seconds; 0 shows it until closed");
            case "folderSyncThreshold" -> range(SyncSettings.MIN_FOLDER_SYNC_THRESHOLD,
                    SyncSettings.MAX_FOLDER_SYNC_THRESHOLD, "items");
            case "downloadMode" -> oneOf(DownloadMode.values());
            case "downloadThresholdMb" -> range(SyncSettings.MIN_DOWNLOAD_THRESHOLD_MB,
                    SyncSettings.MAX_DOWNLOAD_THRESHOLD_MB, "whole MB");
            case "mailsOfLastDays" -> range(0, SyncSettings.MAX_MAILS_OF_LAST_DAYS, "days; 0 is all mail");
            case "autoFetchAttachmentsMb" -> range(0, SyncSettings.MAX_AUTO_FETCH_ATTACHMENTS_MB,
                    "whole MB; 0 fetches none");
            case "delayBetweenItemsMs" -> range(SyncSettings.MIN_DELAY_BETWEEN_ITEMS.toMillis(),
                    SyncSettings.MAX_DELAY_BETWEEN_ITEMS.toMillis(), "whole milliseconds");
            case "defaultSelection" -> "one of SELECTED, UNSELECTED, PRIORITY";
            case "folderSelections" -> "a JSON object of folder path to one of " + Arrays.toString(FolderSelection.values());
            default -> {
                if (!f.write().apply(SyncSettings.defaults()).isBoolean()) {
                    throw new IllegalStateException("no bounds are described for " + name);
                }
                yield "true or false";
            }
        };
    }

    private static String range(long min, long max, String unit) {
        return min + " to " + max + " (" + unit + ")";
    }

    private static String oneOf(Enum<?>[] values) {
        return "one of " + String.join(", ", Arrays.stream(values).map(Enum::name).toList());
    }

    /**
     * The JSON names of all settings, in document order: the names policies lock.
     *
     * @return an unmodifiable, ordered set of names
     */
    public static Set<String> names() {
        return Collections.unmodifiableSet(FIELDS.keySet());
    }

    /**
     * The settings as indented JSON, every field present.
     *
     * @param s the settings; not null
     * @return the JSON text
     */
    public static String write(SyncSettings s) {
        try {
            return MAPPER.writeValueAsString(toTree(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The settings as a JSON tree, every field present, in {@link #names()} order. */
    static ObjectNode toTree(SyncSettings s) {
        ObjectNode o = NODES.objectNode();
        FIELDS.forEach((name, f) -> o.set(name, f.write().apply(s)));
        return o;
    }

    /**
     * Reads settings; missing fields take the guide's defaults. See the class comment for errors.
     *
     * @param json the JSON text; not null
     * @return the settings read
     * @throws InvalidSettingException if the text is not JSON, names an unknown setting or holds a value out of bounds
     */
    public static SyncSettings read(String json) {
        return fromTree(parse("settings", json));
    }

    /** Reads settings from a tree; missing fields take the guide's defaults; null means all defaults. */
    static SyncSettings fromTree(JsonNode n) {
        return fromTree(n, SyncSettings.builder());
    }

    /** Applies the fields present in {@code n} on top of the values already in {@code b}. */
    static SyncSettings fromTree(JsonNode n, SyncSettings.Builder b) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return b.build();
        }
        if (!n.isObject()) {
            throw new InvalidSettingException("settings", "expected a JSON object of settings, got " + shown(n));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (RETIRED.containsKey(e.getKey())) {
                LOG.warn("setting {} is ignored: {}; remove it from the file", e.getKey(), RETIRED.get(e.getKey()));
                continue;
            }
            readInto(b, field(e.getKey()), e.getValue());
        }
        return b.build();
    }

    // ---- package-private helpers for SettingsPolicy ----------------------------------------------

    /** The field named {@code name}, or an InvalidSettingException naming it (with a suggestion). */
    private static Field field(String name) {
        Field f = FIELDS.get(name);
        if (f == null) {
            throw unknown(name);
        }
        return f;
    }

    /** Rejects a name that is not a setting. */
    static void checkName(String name) {
        field(name);
    }

    /** Checks {@code value} for setting {@code name} and returns its canonical JSON form. */
    static JsonNode canonical(String name, JsonNode value) {
        Field f = field(name);
        SyncSettings.Builder b = SyncSettings.builder();
        readInto(b, f, value);
        return f.write().apply(b.build());
    }

    /** Turns a Java value (JsonNode, Duration, enum, number, boolean, string, selection map) into its checked JSON form. */
    static JsonNode valueOf(String name, Object value) {
        Field f = field(name);
        JsonNode n = value instanceof JsonNode j ? j : f.convert().apply(value);
        return canonical(name, n);
    }

    /** The JSON value of setting {@code name} in {@code s}. */
    static JsonNode get(SyncSettings s, String name) {
        return field(name).write().apply(s);
    }

    static JsonNode parse(String what, String json) {
        if (json == null) {
            throw new InvalidSettingException(what, "no JSON given");
        }
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidSettingException(what, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (n == null || n.isMissingNode()) {
            throw new InvalidSettingException(what, "empty document; write {} for all defaults");
        }
        return n;
    }

    static String shown(JsonNode n) {
        return n == null ? "nothing" : n.toString();
    }

    static String folderKey(FolderPath p) {
        return p.escaped();
    }

    static FolderPath parseFolderKey(String key) {
        return FolderPath.parseEscaped(key);
    }

    // ---- field kinds ------------------------------------------------------------------------------

    private static void readInto(SyncSettings.Builder b, Field f, JsonNode value) {
        try {
            f.read().accept(b, value);
        } catch (InvalidSettingException e) {
            if (e.setting().equals(f.java()) && !f.java().equals(f.json())) {
                String prefix = f.java() + ": ";
                String msg = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
                throw new InvalidSettingException(f.json(), msg, e);
            }
            throw e;
        }
    }

    private static void minutes(String json, String java, Function<SyncSettings, Duration> get,
                                BiConsumer<SyncSettings.Builder, Duration> set) {
        FIELDS.put(json, new Field(json, java, s -> NODES.numberNode(get.apply(s).toMinutes()), (b, n) -> {
            long v = wholeNumber(json, n, "minutes");
            Duration d;
            try {
                d = Duration.ofMinutes(v);
            } catch (ArithmeticException e) {
                throw new InvalidSettingException(json, v + " minutes is above the maximum of "
                        + SyncSettings.MAX_INTERVAL.toMinutes() + " minutes (7 days)");
            }
            set.accept(b, d);
        }, v -> {
            if (v instanceof Duration d) {
                if (d.getNano() != 0 || d.getSeconds() % 60 != 0) {
                    throw new InvalidSettingException(json, SyncSettings.describeMinutes(d)
                            + " is not a whole number of minutes");
                }
                return NODES.numberNode(d.toMinutes());
            }
            return plain(v);
        }));
    }

    private static void millis(String json, String java, Function<SyncSettings, Duration> get,
                               BiConsumer<SyncSettings.Builder, Duration> set) {
        FIELDS.put(json, new Field(json, java, s -> NODES.numberNode(get.apply(s).toMillis()), (b, n) -> {
            long v = wholeNumber(json, n, "milliseconds");
            set.accept(b, Duration.ofMillis(v));
        }, v -> {
            if (v instanceof Duration d) {
                if (d.getNano() % 1_000_000 != 0) {
                    throw new InvalidSettingException(json, d + " is not a whole number of milliseconds");
                }
                return NODES.numberNode(d.toMillis());
            }
            return plain(v);
        }));
    }

    private static void seconds(String json, String java, Function<SyncSettings, Duration> get,
                                BiConsumer<SyncSettings.Builder, Duration> set) {
        FIELDS.put(json, new Field(json, java, s -> NODES.numberNode(get.apply(s).getSeconds()),
                (b, n) -> set.accept(b, Duration.ofSeconds(wholeNumber(json, n, "seconds"))), v -> {
                    if (v instanceof Duration d) {
                        if (d.getNano() != 0) {
                            throw new InvalidSettingException(json, d + " is not a whole number of seconds");
                        }
                        return NODES.numberNode(d.getSeconds());
                    }
                    return plain(v);
                }));
    }

    private static void whole(String json, String unit, Function<SyncSettings, Long> get,
                              BiConsumer<SyncSettings.Builder, Long> set) {
        FIELDS.put(json, new Field(json, json, s -> NODES.numberNode(get.apply(s)),
                (b, n) -> set.accept(b, wholeNumber(json, n, unit)), SettingsJson::plain));
    }

    private static void bool(String json, Function<SyncSettings, Boolean> get,
                             BiConsumer<SyncSettings.Builder, Boolean> set) {
        FIELDS.put(json, new Field(json, json, s -> NODES.booleanNode(get.apply(s)), (b, n) -> {
            if (n == null || !n.isBoolean()) {
                throw new InvalidSettingException(json, "expected true or false, got " + shown(n));
            }
            set.accept(b, n.booleanValue());
        }, SettingsJson::plain));
    }

    private static <E extends Enum<E>> void enumeration(String json, Class<E> type, Function<SyncSettings, E> get,
                                                        BiConsumer<SyncSettings.Builder, E> set) {
        FIELDS.put(json, new Field(json, json, s -> NODES.textNode(get.apply(s).name()),
                (b, n) -> set.accept(b, enumValue(json, n, type)),
                v -> v instanceof Enum<?> e ? NODES.textNode(e.name()) : plain(v)));
    }

    private static JsonNode plain(Object v) {
        return MAPPER.valueToTree(v);
    }

    private static long wholeNumber(String name, JsonNode n, String unit) {
        if (n != null && n.isIntegralNumber()) {
            if (!n.canConvertToLong()) {
                throw new InvalidSettingException(name, n + " " + unit + " is out of range");
            }
            return n.longValue();
        }
        throw new InvalidSettingException(name, "expected a whole number of " + unit + ", got " + shown(n));
    }

    private static <E extends Enum<E>> E enumValue(String name, JsonNode n, Class<E> type) {
        if (n != null && n.isTextual()) {
            try {
                return Enum.valueOf(type, n.textValue().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw new InvalidSettingException(name, "expected one of " + Arrays.toString(type.getEnumConstants())
                + ", got " + shown(n));
    }

    private static JsonNode writeSelections(Map<FolderPath, FolderSelection> m) {
        Map<String, String> sorted = new TreeMap<>();
        m.forEach((p, v) -> sorted.put(folderKey(p), v.name()));
        ObjectNode o = NODES.objectNode();
        sorted.forEach(o::put);
        return o;
    }

    private static JsonNode convertSelections(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<FolderPath, FolderSelection> typed = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                FolderPath p = e.getKey() instanceof FolderPath fp ? fp
                        : e.getKey() instanceof String s ? parseKeyOrThrow(s) : null;
                if (p == null || !(e.getValue() instanceof FolderSelection sel)) {
                    throw new InvalidSettingException("folderSelections",
                            "expected a map of folder path to FolderSelection, got " + m);
                }
                typed.put(p, sel);
            }
            return writeSelections(SyncSettings.builder().folderSelections(typed).build().folderSelections());
        }
        return plain(v);
    }

    private static void readSelections(SyncSettings.Builder b, JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new InvalidSettingException("folderSelections",
                    "expected an object of folder path -> selection, got " + shown(n));
        }
        Map<FolderPath, FolderSelection> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            FolderPath p = parseKeyOrThrow(e.getKey());
            JsonNode v = e.getValue();
            FolderSelection s;
            try {
                s = enumValue("folderSelections", v, FolderSelection.class);
            } catch (InvalidSettingException ex) {
                throw new InvalidSettingException("folderSelections", "\"" + e.getKey() + "\": expected one of "
                        + Arrays.toString(FolderSelection.values()) + ", got " + shown(v));
            }
            m.put(p, s);
        }
        b.folderSelections(m);
    }

    private static FolderPath parseKeyOrThrow(String key) {
        FolderPath p;
        try {
            p = parseFolderKey(key);
        } catch (IllegalArgumentException ex) {
            throw new InvalidSettingException("folderSelections", "bad folder path \"" + key + "\": " + ex.getMessage());
        }
        if (p.isRoot()) {
            throw new InvalidSettingException("folderSelections", "the root \"\" is not a folder; use defaultSelection");
        }
        return p;
    }

    // ---- unknown names ----------------------------------------------------------------------------

    private static InvalidSettingException unknown(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : FIELDS.keySet()) {
            int d = name.length() >= 4 && known.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT))
                    ? 0 : distance(name.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        String hint = best != null && bestDistance <= Math.max(2, name.length() / 3)
                ? "did you mean \"" + best + "\"? " : "";
        return new InvalidSettingException(name, "unknown setting; " + hint + "known settings are " + FIELDS.keySet());
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
