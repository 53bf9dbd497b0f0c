package io.icesync.core.settings;

import static io.icesync.core.settings.PolicyLevel.DOMAIN;
import static io.icesync.core.settings.PolicyLevel.GLOBAL;
import static io.icesync.core.settings.PolicyLevel.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.FolderPath;
import io.icesync.core.InvalidSettingException;
import io.icesync.core.PolicyLockedException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SettingsPolicyTest {
    private static final String PRIORITY = "priorityIntervalMinutes";

    private final SyncSettings user = SyncSettings.builder()
            .priorityInterval(Duration.ofMinutes(2))
            .conflictPolicy(ConflictPolicy.CLIENT_WINS)
            .build();

    @Test
    void noPolicyLeavesTheUsersValues() {
        assertThat(SettingsPolicy.NONE.apply(user)).isEqualTo(user);
        assertThat(SettingsPolicy.NONE.isLocked(PRIORITY)).isFalse();
        assertThat(SettingsPolicy.NONE.locks()).isEmpty();
        assertThat(SettingsPolicy.NONE.defaults()).isEqualTo(SyncSettings.defaults());
        assertThat(SettingsPolicy.builder().build()).isSameAs(SettingsPolicy.NONE);
    }

    /** The guide's own example: "l'intervalle pour les dossiers prioritaires est fixé à 5 minutes". */
    @ParameterizedTest
    @EnumSource(PolicyLevel.class)
    void aForcedValueOverridesAndLocksAtEachLevel(PolicyLevel level) {
        SettingsPolicy policy = SettingsPolicy.NONE.impose(level, PRIORITY, 5);
        SyncSettings effective = policy.apply(user);
        assertThat(effective.priorityInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(effective.conflictPolicy()).isEqualTo(ConflictPolicy.CLIENT_WINS);
        assertThat(policy.isLocked(PRIORITY)).isTrue();
        assertThat(policy.lockedAt(PRIORITY)).contains(level);
        assertThat(policy.isLocked("conflictPolicy")).isFalse();
        assertThat(policy.locks()).isEqualTo(Map.of(PRIORITY, level));

        assertThatThrownBy(() -> policy.update(user, b -> b.priorityInterval(Duration.ofMinutes(3))))
                .isInstanceOfSatisfying(PolicyLockedException.class, e -> assertThat(e.setting()).isEqualTo(PRIORITY))
                .hasMessage(PRIORITY + " is locked by the " + level.name().toLowerCase() + " policy and cannot be changed");
        // an unlocked setting still changes
        SyncSettings next = policy.update(user, b -> b.conflictPolicy(ConflictPolicy.SERVER_WINS));
        assertThat(next.conflictPolicy()).isEqualTo(ConflictPolicy.SERVER_WINS);
        assertThat(policy.apply(next).priorityInterval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theMostSpecificLevelWins() {
        SettingsPolicy policy = SettingsPolicy.builder()
                .force(GLOBAL, PRIORITY, 5)
                .force(DOMAIN, PRIORITY, 3)
                .force(GLOBAL, "conflictPolicy", ConflictPolicy.SERVER_WINS)
                .force(USER, "downloadMode", DownloadMode.HEADERS_ONLY)
                .force(DOMAIN, "downloadMode", DownloadMode.FULL)
                .build();
        SyncSettings e = policy.apply(user);
        assertThat(e.priorityInterval()).isEqualTo(Duration.ofMinutes(3));
        assertThat(policy.lockedAt(PRIORITY)).contains(DOMAIN);
        assertThat(e.conflictPolicy()).isEqualTo(ConflictPolicy.SERVER_WINS);
        assertThat(policy.lockedAt("conflictPolicy")).contains(GLOBAL);
        assertThat(e.downloadMode()).isEqualTo(DownloadMode.HEADERS_ONLY);
        assertThat(policy.lockedAt("downloadMode")).contains(USER);

        // "Apply Higher Level Policies": clearing DOMAIN lets GLOBAL decide again
        SettingsPolicy cleared = policy.toBuilder().clear(DOMAIN).build();
        assertThat(cleared.apply(user).priorityInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(cleared.lockedAt(PRIORITY)).contains(GLOBAL);
        assertThat(policy.apply(user).priorityInterval()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void aDefaultAtAMoreSpecificLevelUnlocksWhatAHigherLevelForced() {
        SettingsPolicy policy = SettingsPolicy.builder()
                .force(GLOBAL, PRIORITY, 5)
                .setDefault(USER, PRIORITY, 4)
                .build();
        assertThat(policy.isLocked(PRIORITY)).isFalse();
        assertThat(policy.apply(user).priorityInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.defaults().priorityInterval()).isEqualTo(Duration.ofMinutes(4));
        assertThat(policy.modeAt(GLOBAL, PRIORITY)).contains(SettingsPolicy.Mode.FORCED);
        assertThat(policy.modeAt(USER, PRIORITY)).contains(SettingsPolicy.Mode.DEFAULT);
        assertThat(policy.valueAt(GLOBAL, PRIORITY)).contains("5");
        assertThat(policy.valueAt(USER, PRIORITY)).contains("4");
        assertThat(policy.valueAt(USER, "conflictPolicy")).isEmpty();
    }

    @Test
    void defaultValuesAreANewUsersStartingPointAndStayChangeable() {
        SettingsPolicy policy = SettingsPolicy.builder()
                .setDefault(GLOBAL, "downloadMode", DownloadMode.CUSTOM)
                .setDefault(DOMAIN, "downloadThresholdMb", 20)
                .force(GLOBAL, "standardIntervalMinutes", 30)
                .build();
        SyncSettings start = policy.defaults();
        assertThat(start.downloadMode()).isEqualTo(DownloadMode.CUSTOM);
        assertThat(start.downloadThresholdMb()).isEqualTo(20);
        assertThat(start.standardInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(start.conflictPolicy()).isEqualTo(ConflictPolicy.SERVER_WINS);
        // defaults do not override a user who already chose
        assertThat(policy.apply(user).downloadMode()).isEqualTo(DownloadMode.FULL);
        SyncSettings changed = policy.update(start, b -> b.downloadMode(DownloadMode.FULL));
        assertThat(changed.downloadMode()).isEqualTo(DownloadMode.FULL);
    }

    @Test
    void givingALockedSettingItsForcedValueIsAcceptedAndKeepsTheUsersOwnValue() {
        SettingsPolicy policy = SettingsPolicy.NONE.impose(DOMAIN, PRIORITY, Duration.ofMinutes(5));
        // a UI sends back every field it shows, locked ones included
        SyncSettings shown = policy.apply(user);
        SyncSettings next = policy.update(user, b -> shown.toBuilder().mailsOfLastDays(30));
        assertThat(next.mailsOfLastDays()).isEqualTo(30);
        assertThat(next.priorityInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.apply(next).priorityInterval()).isEqualTo(Duration.ofMinutes(5));
        // lifting the policy gives the user's own value back
        assertThat(policy.toBuilder().remove(DOMAIN, PRIORITY).build().apply(next).priorityInterval())
                .isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void lockedFolderSelectionsCannotBeChanged() {
        FolderPath inbox = FolderPath.of("INBOX");
        SettingsPolicy policy = SettingsPolicy.NONE.impose(GLOBAL, "folderSelections",
                Map.of(inbox, FolderSelection.PRIORITY));
        assertThat(policy.apply(user).selectionOf(inbox)).isEqualTo(FolderSelection.PRIORITY);
        assertThatThrownBy(() -> policy.update(user, b -> b.select(inbox, FolderSelection.UNSELECTED)))
                .isInstanceOf(PolicyLockedException.class)
                .hasMessage("folderSelections is locked by the global policy and cannot be changed");
    }

    @Test
    void imposedValuesAreCheckedAgainstTheBounds() {
        assertThatThrownBy(() -> SettingsPolicy.NONE.impose(GLOBAL, "standardIntervalMinutes", 5))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("standardIntervalMinutes"))
                .hasMessage("standardIntervalMinutes: 5 minutes is below the minimum of 10 minutes"
                        + " (in the GLOBAL forced policy)");
        assertThatThrownBy(() -> SettingsPolicy.builder().setDefault(USER, "delayBetweenItemsMs", Duration.ZERO))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("delayBetweenItemsMs: 0 ms is below the minimum of 1 ms");
        assertThatThrownBy(() -> SettingsPolicy.NONE.impose(GLOBAL, "structureIntervalMinutes", Duration.ofSeconds(90)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("structureIntervalMinutes: 90 seconds is not a whole number of minutes");
        assertThatThrownBy(() -> SettingsPolicy.NONE.impose(GLOBAL, "priorityInterval", 5))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("did you mean \"priorityIntervalMinutes\"");
        assertThatThrownBy(() -> SettingsPolicy.NONE.isLocked("nope"))
                .isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void policyJsonRoundTrip() {
        SettingsPolicy policy = SettingsPolicy.builder()
                .force(GLOBAL, PRIORITY, 5)
                .setDefault(GLOBAL, "downloadMode", DownloadMode.CUSTOM)
                .force(DOMAIN, "conflictPolicy", ConflictPolicy.SERVER_WINS)
                .force(USER, "folderSelections", Map.of(FolderPath.of("INBOX"), FolderSelection.PRIORITY))
                .build();
        String json = policy.toJson();
        assertThat(json).contains("\"GLOBAL\"", "\"forced\"", "\"defaults\"", "\"priorityIntervalMinutes\" : 5");
        SettingsPolicy back = SettingsPolicy.fromJson(json);
        assertThat(back).isEqualTo(policy);
        assertThat(back.toJson()).isEqualTo(json);
        assertThat(back.apply(user)).isEqualTo(policy.apply(user));
        assertThat(SettingsPolicy.fromJson("{}")).isSameAs(SettingsPolicy.NONE);
    }

    @Test
    void policyJsonIsReadStrictly() {
        SettingsPolicy p = SettingsPolicy.fromJson("""
                { "global": { "forced": { "priorityIntervalMinutes": 5, "conflictPolicy": "server_wins" } } }""");
        assertThat(p.lockedAt(PRIORITY)).contains(GLOBAL);
        assertThat(p.apply(user).conflictPolicy()).isEqualTo(ConflictPolicy.SERVER_WINS);

        assertThatThrownBy(() -> SettingsPolicy.fromJson("{\"SITE\": {}}"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("policy: unknown level \"SITE\"; expected GLOBAL, DOMAIN or USER");
        assertThatThrownBy(() -> SettingsPolicy.fromJson("{\"GLOBAL\": {\"force\": {}}}"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("policy: GLOBAL: unknown key \"force\"; expected \"forced\" or \"defaults\"");
        assertThatThrownBy(() -> SettingsPolicy.fromJson("{\"GLOBAL\": {\"forced\": {\"galIntervalMinutes\": 10}}}"))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("galIntervalMinutes"))
                .hasMessage("galIntervalMinutes: 10 minutes is below the minimum of 60 minutes (in the GLOBAL forced policy)");
        assertThatThrownBy(() -> SettingsPolicy.fromJson("{\"USER\": {\"forced\": {\"galSync\": \"no\"}}}"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("galSync: expected true or false, got \"no\"");
        assertThatThrownBy(() -> SettingsPolicy.fromJson("{\"USER\": {\"forced\": {\"typo\": 1}}}"))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("typo: unknown setting");
        assertThatThrownBy(() -> SettingsPolicy.fromJson(
                "{\"USER\": {\"forced\": {\"galSync\": true}, \"defaults\": {\"galSync\": false}}}"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("galSync: set both as forced and as default at the USER level");
        assertThatThrownBy(() -> SettingsPolicy.fromJson("[1]"))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("policy: expected a JSON object");
    }

    @Test
    void effectiveSettingsHoldUserValuesUnderThePolicy() {
        SettingsPolicy policy = SettingsPolicy.NONE.impose(DOMAIN, PRIORITY, 5);
        EffectiveSettings s = new EffectiveSettings(policy, user);
        assertThat(s.get().priorityInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.userValues()).isEqualTo(user);
        assertThat(s.isLocked(PRIORITY)).isTrue();

        assertThatThrownBy(() -> s.update(b -> b.priorityInterval(Duration.ofMinutes(1)).mailsOfLastDays(7)))
                .isInstanceOf(PolicyLockedException.class).hasMessageContaining("domain");
        assertThat(s.userValues()).isEqualTo(user); // nothing changed
        assertThatThrownBy(() -> s.update(b -> b.mailsOfLastDays(-1))).isInstanceOf(InvalidSettingException.class);
        assertThat(s.userValues()).isEqualTo(user);

        SyncSettings eff = s.update(b -> b.mailsOfLastDays(7));
        assertThat(eff).isEqualTo(s.get());
        assertThat(eff.mailsOfLastDays()).isEqualTo(7);
        assertThat(eff.priorityInterval()).isEqualTo(Duration.ofMinutes(5));

        s.replacePolicy(SettingsPolicy.NONE);
        assertThat(s.get().priorityInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.get().mailsOfLastDays()).isEqualTo(7);
        assertThat(s.update(b -> b.priorityInterval(Duration.ofMinutes(1))).priorityInterval())
                .isEqualTo(Duration.ofMinutes(1));

        EffectiveSettings fresh = EffectiveSettings.newUser(
                SettingsPolicy.builder().setDefault(GLOBAL, "mailsOfLastDays", 30).build());
        assertThat(fresh.get().mailsOfLastDays()).isEqualTo(30);
        assertThat(fresh.isLocked("mailsOfLastDays")).isFalse();
    }
}
