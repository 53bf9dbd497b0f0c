package io.icesync.core.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.core.InvalidSettingException;
import io.icesync.core.PolicyLockedException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Values an administrator imposes at global, domain or user level (F10.2). An imposed value
 * overrides the user's and locks the setting; the most specific level wins (user over domain
 * over global). Values use the names and units of {@link SettingsJson}. Immutable.
 */
public final class SettingsPolicy {
    public static final SettingsPolicy NONE = new SettingsPolicy(new EnumMap<>(PolicyLevel.class));
    private final Map<PolicyLevel, ObjectNode> levels;

    private SettingsPolicy(Map<PolicyLevel, ObjectNode> levels) {
        this.levels = levels;
    }

    /** This policy with {@code setting} imposed at {@code level}; the value is checked like any setting. */
    public SettingsPolicy impose(PolicyLevel level, String setting, Object value) {
        if (!SettingsJson.names().contains(setting)) {
            throw new InvalidSettingException(setting, "unknown setting; known settings are " + SettingsJson.names());
        }
        EnumMap<PolicyLevel, ObjectNode> copy = new EnumMap<>(PolicyLevel.class);
        levels.forEach((l, o) -> copy.put(l, o.deepCopy()));
        copy.computeIfAbsent(level, l -> SettingsJson.MAPPER.createObjectNode())
                .set(setting, SettingsJson.MAPPER.valueToTree(value));
        SettingsPolicy p = new SettingsPolicy(copy);
        p.apply(SyncSettings.defaults());
        return p;
    }

    /** The level that locks {@code setting}, if any (the most specific one). */
    public Optional<PolicyLevel> lockedAt(String setting) {
        for (PolicyLevel l : new PolicyLevel[] {PolicyLevel.USER, PolicyLevel.DOMAIN, PolicyLevel.GLOBAL}) {
            ObjectNode o = levels.get(l);
            if (o != null && o.has(setting)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    public boolean isLocked(String setting) {
        return lockedAt(setting).isPresent();
    }

    /** The effective settings: the user's values with every imposed value on top. */
    public SyncSettings apply(SyncSettings user) {
        ObjectNode merged = SettingsJson.toTree(user);
        for (PolicyLevel l : PolicyLevel.values()) {
            ObjectNode o = levels.get(l);
            if (o != null) {
                merged.setAll(o);
            }
        }
        return SettingsJson.fromTree(merged);
    }

    /**
     * Applies a user's change to {@code current}; throws {@link PolicyLockedException} if it would
     * change a locked setting.
     */
    public SyncSettings update(SyncSettings current, UnaryOperator<SyncSettings.Builder> change) {
        SyncSettings next = change.apply(current.toBuilder()).build();
        ObjectNode before = SettingsJson.toTree(current);
        ObjectNode after = SettingsJson.toTree(next);
        for (Iterator<String> it = after.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!after.get(name).equals(before.get(name)) && isLocked(name)) {
                throw new PolicyLockedException(name, lockedAt(name).orElseThrow().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return apply(next);
    }

    /** The policy as JSON: {"GLOBAL": {...}, "DOMAIN": {...}, "USER": {...}}. */
    public String toJson() {
        ObjectNode o = SettingsJson.MAPPER.createObjectNode();
        levels.forEach((l, v) -> o.set(l.name(), v));
        try {
            return SettingsJson.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SettingsPolicy fromJson(String json) {
        JsonNode n;
        try {
            n = SettingsJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidSettingException("policy", "not valid JSON: " + e.getOriginalMessage(), e);
        }
        SettingsPolicy p = NONE;
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            PolicyLevel level;
            try {
                level = PolicyLevel.valueOf(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw new InvalidSettingException("policy", "unknown level '" + e.getKey() + "', expected GLOBAL, DOMAIN or USER");
            }
            for (Iterator<Map.Entry<String, JsonNode>> f = e.getValue().fields(); f.hasNext(); ) {
                Map.Entry<String, JsonNode> v = f.next();
                p = p.impose(level, v.getKey(), v.getValue());
            }
        }
        return p;
    }
}
