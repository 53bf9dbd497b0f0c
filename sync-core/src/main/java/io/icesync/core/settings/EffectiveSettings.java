package io.icesync.core.settings;

import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The settings a running profile uses: the user's own values, the administrator's
 * {@link SettingsPolicy}, and the effective values that result (F10.2). Thread-safe; {@link #get()}
 * is a lock-free read of an immutable snapshot, so the engine and the scheduler can hold this as
 * their {@code Supplier<SyncSettings>} and see every change at their next read.
 *
 * <pre>{@code
 * EffectiveSettings settings = new EffectiveSettings(policy, savedUserValues);
 * SyncEngine engine = SyncEngine.builder().settings(settings)...build();
 * settings.update(b -> b.standardInterval(Duration.ofMinutes(15)));   // PolicyLockedException if forced
 * }</pre>
 */
public final class EffectiveSettings implements Supplier<SyncSettings> {
    private record State(SettingsPolicy policy, SyncSettings userValues, SyncSettings effective) {
        static State of(SettingsPolicy policy, SyncSettings userValues) {
            return new State(policy, userValues, policy.apply(userValues));
        }
    }

    private volatile State state;

    /**
     * Starts with {@code userValues} under {@code policy}.
     *
     * @param policy the administrator's policy, {@link SettingsPolicy#NONE} for none; not null
     * @param userValues the user's own values, as saved in the profile; not null
     * @throws NullPointerException if an argument is null
     */
    public EffectiveSettings(SettingsPolicy policy, SyncSettings userValues) {
        this.state = State.of(Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(userValues, "userValues"));
    }

    /**
     * A new user under {@code policy}: starts from the policy's defaults ({@link SettingsPolicy#defaults()}).
     *
     * @param policy the administrator's policy; not null
     * @return the settings of a new user
     */
    public static EffectiveSettings newUser(SettingsPolicy policy) {
        return new EffectiveSettings(policy, policy.defaults());
    }

    /** The effective settings: the user's values with every forced value on top. */
    @Override
    public SyncSettings get() {
        return state.effective();
    }

    /**
     * The user's own values (what a profile file saves); locked settings keep the user's value here.
     *
     * @return the user's values, without the forced ones
     */
    public SyncSettings userValues() {
        return state.userValues();
    }

    /**
     * The administrator's policy in force, the one given last to the constructor or {@link #replacePolicy}.
     *
     * @return the policy, never null
     */
    public SettingsPolicy policy() {
        return state.policy();
    }

    /**
     * True when the policy forces {@code setting} (a JSON name of {@link SettingsJson}).
     *
     * @param setting a {@link SettingsJson} name
     * @return true if the user cannot change it
     * @throws io.icesync.core.InvalidSettingException if the name is unknown
     */
    public boolean isLocked(String setting) {
        return state.policy().isLocked(setting);
    }

    /**
     * Changes the user's values; {@code change} receives a builder holding the user's current
     * values. Throws {@link io.icesync.core.PolicyLockedException} naming the setting and the level
     * if it would change a locked setting, {@link io.icesync.core.InvalidSettingException} if a value
     * is out of bounds; in both cases nothing changes. Returns the new effective settings.
     *
     * @param change receives a builder holding the user's values and returns it
     * @return the new effective settings
     * @throws io.icesync.core.PolicyLockedException if a locked setting would change
     * @throws io.icesync.core.InvalidSettingException if a value is out of bounds
     */
    public synchronized SyncSettings update(UnaryOperator<SyncSettings.Builder> change) {
        State s = state;
        SyncSettings user = s.policy().update(s.userValues(), change);
        State next = State.of(s.policy(), user);
        state = next;
        return next.effective();
    }

    /**
     * Installs a new policy (the server sent one); the user's values are kept. Returns the new effective settings.
     *
     * @param policy the new policy; not null
     * @return the new effective settings
     */
    public synchronized SyncSettings replacePolicy(SettingsPolicy policy) {
        State next = State.of(Objects.requireNonNull(policy, "policy"), state.userValues());
        state = next;
        return next.effective();
    }
}
