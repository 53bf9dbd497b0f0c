package io.icesync.core.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.core.InvalidSettingException;
import io.icesync.core.PolicyLockedException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Values an administrator sets on the server for Outlook Sync users (F10.2; guide, "GESTION DE LA
 * CONFIGURATION": "ces paramètres peuvent être définis au niveau global, au niveau domaine et au
 * niveau utilisateur"; "Certains paramètres peuvent être définis sur le serveur et, le cas échéant,
 * forcés sur le client"). Immutable; built with {@link #builder()}.
 *
 * <p>At each {@link PolicyLevel} a setting may be
 * <ul>
 *   <li>{@link Mode#FORCED}: the value overrides the user's and locks the setting ("certaines options
 *       peuvent être grisées ... elle ne peut pas être modifiée"); {@link #apply} puts it on top of the
 *       user's values and {@link #update} refuses to change it with a {@link PolicyLockedException};</li>
 *   <li>{@link Mode#DEFAULT}: the value replaces the guide's default as the user's starting value
 *       ({@link #defaults()}) and the user may change it (the server console's "Set as default").</li>
 * </ul>
 * For each setting the most specific level that mentions it decides, value and mode alike: USER
 * over DOMAIN over GLOBAL. A lower level that should follow the higher ones simply does not
 * mention the setting ({@link Builder#clear(PolicyLevel)} is the console's "Apply Higher Level Policies").
 *
 * <p>Settings are named by their {@link SettingsJson} names and values use the same units
 * ({@code "priorityIntervalMinutes": 5}); a typed Java value is accepted too
 * ({@code Duration.ofMinutes(5)}, {@code ConflictPolicy.CLIENT_WINS}). Every value is checked
 * against the setting's bounds when the policy is built. As JSON:
 * <pre>{@code
 * {
 *   "GLOBAL" : { "forced" : { "priorityIntervalMinutes" : 5 }, "defaults" : { "downloadMode" : "CUSTOM" } },
 *   "DOMAIN" : { "forced" : { "conflictPolicy" : "SERVER_WINS" } }
 * }
 * }</pre>
 */
public final class SettingsPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsPolicy.class);
    /** No value imposed anywhere: the user's values are the effective ones. */
    public static final SettingsPolicy NONE = new SettingsPolicy(new EnumMap<>(PolicyLevel.class));

    private static final PolicyLevel[] MOST_SPECIFIC_FIRST = {PolicyLevel.USER, PolicyLevel.DOMAIN, PolicyLevel.GLOBAL};
    private static final String FORCED = "forced";
    private static final String DEFAULTS = "defaults";

    /** How an imposed value binds the user. */
    public enum Mode {
        /** Overrides the user's value and locks the setting. */
        FORCED,
        /** The user's starting value; the user may change it. */
        DEFAULT
    }

    /** One value at one level. */
    private record Entry(Mode mode, JsonNode value) {
    }

    private final Map<PolicyLevel, Map<String, Entry>> levels;

    private SettingsPolicy(Map<PolicyLevel, Map<String, Entry>> levels) {
        this.levels = levels;
    }

    /**
     * A builder holding no value at any level.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder(NONE);
    }

    /**
     * A builder holding this policy's values, to change some of them.
     *
     * @return a new builder, independent of this policy
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * This policy with {@code setting} forced to {@code value} at {@code level}.
     *
     * @param level the level to force at; not null
     * @param setting a {@link SettingsJson} name
     * @param value the value, in JSON units or as a typed Java value
     * @return a new policy; this one is unchanged
     * @throws InvalidSettingException if the name is unknown or the value out of bounds
     */
    public SettingsPolicy impose(PolicyLevel level, String setting, Object value) {
        return toBuilder().force(level, setting, value).build();
    }

    /**
     * The level whose forced value locks {@code setting}, if any. Unknown names are rejected.
     *
     * @param setting a {@link SettingsJson} name
     * @return the most specific level mentioning {@code setting}, if it forces it; empty if that level only sets a
     *         default or none mentions it
     * @throws InvalidSettingException if the name is unknown
     */
    public Optional<PolicyLevel> lockedAt(String setting) {
        SettingsJson.checkName(setting);
        for (PolicyLevel l : MOST_SPECIFIC_FIRST) {
            Entry e = levels.getOrDefault(l, Map.of()).get(setting);
            if (e != null) {
                return e.mode() == Mode.FORCED ? Optional.of(l) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * True when an administrator forced {@code setting}: the user cannot change it.
     *
     * @param setting a {@link SettingsJson} name
     * @return true if some level forces it, the most specific one mentioning it
     * @throws InvalidSettingException if the name is unknown
     */
    public boolean isLocked(String setting) {
        return lockedAt(setting).isPresent();
    }

    /**
     * Every locked setting and the level that locks it, in {@link SettingsJson#names()} order (for greying a UI).
     *
     * @return an unmodifiable map from setting name to the locking level, empty when nothing is locked
     */
    public Map<String, PolicyLevel> locks() {
        Map<String, PolicyLevel> m = new LinkedHashMap<>();
        for (String name : SettingsJson.names()) {
            lockedAt(name).ifPresent(l -> m.put(name, l));
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The effective settings: {@code userValues} with every forced value on top.
     *
     * @param userValues the user's own values; not null
     * @return the effective settings, {@code userValues} itself when nothing is locked
     * @throws NullPointerException if {@code userValues} is null
     */
    public SyncSettings apply(SyncSettings userValues) {
        Objects.requireNonNull(userValues, "userValues");
        ObjectNode tree = SettingsJson.toTree(userValues);
        boolean changed = false;
        for (String name : SettingsJson.names()) {
            Optional<PolicyLevel> level = lockedAt(name);
            if (level.isPresent()) {
                tree.set(name, levels.get(level.get()).get(name).value());
                changed = true;
            }
        }
        return changed ? SettingsJson.fromTree(tree) : userValues;
    }

    /**
     * A new user's values: the guide's defaults, with this policy's defaults and forced values on top.
     *
     * @return the starting values of a new user under this policy
     */
    public SyncSettings defaults() {
        ObjectNode tree = SettingsJson.toTree(SyncSettings.defaults());
        for (String name : SettingsJson.names()) {
            resolved(name).ifPresent(e -> tree.set(name, e.value()));
        }
        return SettingsJson.fromTree(tree);
    }

    /**
     * Applies a user's change to the user's values {@code current} and returns the new user values
     * (use {@link #apply} for the effective ones). Throws {@link PolicyLockedException}, naming the
     * setting and the level, if the change gives a locked setting a value other than its current
     * user value and other than the forced value; setting a locked field to the forced value is
     * accepted (a UI may send back every field it shows). A locked setting keeps the user's own value
     * underneath, so the user gets it back if the policy is lifted.
     *
     * @param current the user's current values; not null
     * @param change receives a builder holding {@code current} and returns it (or null for the same builder)
     * @return the new user values, locked settings keeping their user value
     * @throws PolicyLockedException if the change would give a locked setting another value
     * @throws InvalidSettingException if a value is out of bounds
     */
    public SyncSettings update(SyncSettings current, UnaryOperator<SyncSettings.Builder> change) {
        Objects.requireNonNull(current, "current");
        SyncSettings.Builder b = current.toBuilder();
        SyncSettings.Builder changed = change.apply(b);
        SyncSettings next = (changed != null ? changed : b).build();
        ObjectNode before = SettingsJson.toTree(current);
        ObjectNode after = SettingsJson.toTree(next);
        boolean restored = false;
        for (String name : SettingsJson.names()) {
            Optional<PolicyLevel> level = lockedAt(name);
            if (level.isEmpty() || after.get(name).equals(before.get(name))) {
                continue;
            }
            if (!after.get(name).equals(levels.get(level.get()).get(name).value())) {
                throw new PolicyLockedException(name, level.get().name().toLowerCase(Locale.ROOT));
            }
            after.set(name, before.get(name));
            restored = true;
        }
        return restored ? SettingsJson.fromTree(after) : next;
    }

    /**
     * The value set for {@code setting} at exactly {@code level}, if any, as JSON text ({@code 30}, {@code "SERVER_WINS"}).
     *
     * @param level the level; not null
     * @param setting a {@link SettingsJson} name
     * @return the value as JSON text, or empty if {@code level} does not mention it
     * @throws InvalidSettingException if the name is unknown
     */
    public Optional<String> valueAt(PolicyLevel level, String setting) {
        SettingsJson.checkName(setting);
        Entry e = levels.getOrDefault(level, Map.of()).get(setting);
        return e == null ? Optional.empty() : Optional.of(e.value().toString());
    }

    /**
     * The mode of {@code setting} at exactly {@code level}, if the level mentions it.
     *
     * @param level the level; not null
     * @param setting a {@link SettingsJson} name
     * @return whether {@code level} forces or defaults it, or empty if it does not mention it
     * @throws InvalidSettingException if the name is unknown
     */
    public Optional<Mode> modeAt(PolicyLevel level, String setting) {
        SettingsJson.checkName(setting);
        Entry e = levels.getOrDefault(level, Map.of()).get(setting);
        return e == null ? Optional.empty() : Optional.of(e.mode());
    }

    private Optional<Entry> resolved(String name) {
        for (PolicyLevel l : MOST_SPECIFIC_FIRST) {
            Entry e = levels.getOrDefault(l, Map.of()).get(name);
            if (e != null) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    // ---- JSON ---------------------------------------------------------------------------------------

    /**
     * The policy as indented JSON (see the class comment); empty levels and modes are left out.
     *
     * @return the JSON text, {@code {}} for {@link #NONE}
     */
    public String toJson() {
        try {
            return SettingsJson.MAPPER.writeValueAsString(tree());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode tree() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (PolicyLevel l : PolicyLevel.values()) {
            Map<String, Entry> m = levels.get(l);
            if (m == null || m.isEmpty()) {
                continue;
            }
            ObjectNode level = root.putObject(l.name());
            for (Mode mode : Mode.values()) {
                ObjectNode values = JsonNodeFactory.instance.objectNode();
                for (String name : SettingsJson.names()) {
                    Entry e = m.get(name);
                    if (e != null && e.mode() == mode) {
                        values.set(name, e.value().deepCopy());
                    }
                }
                if (!values.isEmpty()) {
                    level.set(mode == Mode.FORCED ? FORCED : DEFAULTS, values);
                }
            }
        }
        return root;
    }

    /**
     * Reads a policy written by {@link #toJson()}. Level names are read in any case. An unknown
     * level, an unknown key in a level, an unknown setting, a setting both forced and defaulted at
     * one level, or a value out of bounds is an {@link InvalidSettingException}.
     *
     * @param json the JSON text; not null
     * @return the policy, {@link #NONE} when no level holds a value
     * @throws InvalidSettingException if the text is not JSON or holds something refused above
     */
    public static SettingsPolicy fromJson(String json) {
        JsonNode n = SettingsJson.parse("policy", json);
        if (!n.isObject()) {
            throw new InvalidSettingException("policy", "expected a JSON object of levels, got " + SettingsJson.shown(n));
        }
        Builder b = builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            PolicyLevel level;
            try {
                level = PolicyLevel.valueOf(e.getKey().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new InvalidSettingException("policy", "unknown level \"" + e.getKey()
                        + "\"; expected GLOBAL, DOMAIN or USER");
            }
            JsonNode lv = e.getValue();
            if (!lv.isObject()) {
                throw new InvalidSettingException("policy", level + ": expected an object with \"forced\" and/or \""
                        + "defaults\", got " + SettingsJson.shown(lv));
            }
            for (Iterator<Map.Entry<String, JsonNode>> modes = lv.fields(); modes.hasNext(); ) {
                Map.Entry<String, JsonNode> m = modes.next();
                Mode mode = switch (m.getKey()) {
                    case FORCED -> Mode.FORCED;
                    case DEFAULTS -> Mode.DEFAULT;
                    default -> throw new InvalidSettingException("policy", level + ": unknown key \"" + m.getKey()
                            + "\"; expected \"forced\" or \"defaults\"");
                };
                if (!m.getValue().isObject()) {
                    throw new InvalidSettingException("policy", level + "." + m.getKey()
                            + ": expected an object of settings, got " + SettingsJson.shown(m.getValue()));
                }
                for (Iterator<Map.Entry<String, JsonNode>> vs = m.getValue().fields(); vs.hasNext(); ) {
                    Map.Entry<String, JsonNode> v = vs.next();
                    if (SettingsJson.RETIRED.containsKey(v.getKey())) {
                        LOG.warn("policy setting {} is ignored: {}", v.getKey(), SettingsJson.RETIRED.get(v.getKey()));
                        continue;
                    }
                    if (b.levels.get(level).containsKey(v.getKey())) {
                        throw new InvalidSettingException(v.getKey(), "set both as forced and as default at the "
                                + level + " level");
                    }
                    b.put(level, mode, v.getKey(), v.getValue());
                }
            }
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SettingsPolicy p && p.levels.equals(levels);
    }

    @Override
    public int hashCode() {
        return levels.hashCode();
    }

    @Override
    public String toString() {
        return "SettingsPolicy" + tree();
    }

    /** Builds a {@link SettingsPolicy}; each value is checked when it is put. */
    public static final class Builder {
        private final EnumMap<PolicyLevel, Map<String, Entry>> levels = new EnumMap<>(PolicyLevel.class);

        private Builder(SettingsPolicy from) {
            for (PolicyLevel l : PolicyLevel.values()) {
                levels.put(l, new LinkedHashMap<>(from.levels.getOrDefault(l, Map.of())));
            }
        }

        /**
         * Forces {@code setting} to {@code value} at {@code level}: overridden and locked for the user.
         *
         * @param level the level; not null
         * @param setting a {@link SettingsJson} name
         * @param value the value, in JSON units or as a typed Java value
         * @return this builder
         * @throws InvalidSettingException if the name is unknown or the value out of bounds
         */
        public Builder force(PolicyLevel level, String setting, Object value) {
            return put(level, Mode.FORCED, setting, value);
        }

        /**
         * Sets {@code value} as the user's starting value at {@code level}; the user may change it.
         *
         * @param level the level; not null
         * @param setting a {@link SettingsJson} name
         * @param value the value, in JSON units or as a typed Java value
         * @return this builder
         * @throws InvalidSettingException if the name is unknown or the value out of bounds
         */
        public Builder setDefault(PolicyLevel level, String setting, Object value) {
            return put(level, Mode.DEFAULT, setting, value);
        }

        /**
         * Removes {@code setting} from {@code level}, so that the higher levels (if any) decide.
         *
         * @param level the level; not null
         * @param setting a {@link SettingsJson} name
         * @return this builder
         * @throws InvalidSettingException if the name is unknown
         */
        public Builder remove(PolicyLevel level, String setting) {
            SettingsJson.checkName(setting);
            levels.get(Objects.requireNonNull(level, "level")).remove(setting);
            return this;
        }

        /**
         * Removes every value of {@code level} ("Apply Higher Level Policies").
         *
         * @param level the level; not null
         * @return this builder
         */
        public Builder clear(PolicyLevel level) {
            levels.get(Objects.requireNonNull(level, "level")).clear();
            return this;
        }

        private Builder put(PolicyLevel level, Mode mode, String setting, Object value) {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(setting, "setting");
            JsonNode v;
            try {
                v = SettingsJson.valueOf(setting, value);
            } catch (InvalidSettingException e) {
                String prefix = e.setting() + ": ";
                String msg = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
                throw new InvalidSettingException(e.setting(), msg + " (in the " + level + " "
                        + mode.name().toLowerCase(Locale.ROOT) + " policy)", e);
            }
            levels.get(level).put(setting, new Entry(mode, v));
            return this;
        }

        /**
         * Creates the policy from the values put so far.
         *
         * @return the immutable policy, {@link SettingsPolicy#NONE} when it holds no value
         */
        public SettingsPolicy build() {
            EnumMap<PolicyLevel, Map<String, Entry>> copy = new EnumMap<>(PolicyLevel.class);
            levels.forEach((l, m) -> {
                if (!m.isEmpty()) {
                    copy.put(l, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m)));
                }
            });
            return copy.isEmpty() ? NONE : new SettingsPolicy(copy);
        }
    }
}
