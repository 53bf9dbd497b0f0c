package io.icesync.core.settings;

import static io.icesync.core.settings.FolderSelection.INHERIT;
import static io.icesync.core.settings.FolderSelection.PRIORITY;
import static io.icesync.core.settings.FolderSelection.SELECTED;
import static io.icesync.core.settings.FolderSelection.UNSELECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.FolderPath;
import io.icesync.core.InvalidSettingException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SyncSettingsTest {
    private static FolderPath p(String s) {
        return FolderPath.parse(s, '/');
    }

    @Test
    void defaultsAreTheGuides() {
        SyncSettings d = SyncSettings.defaults();
        // "Synchroniser la structure des dossiers après N minutes ... Il est conseillé de mettre 60";
        // "intervalle prédéfini (qui est de 60 minutes par défaut)"
        assertThat(d.structureInterval()).isEqualTo(Duration.ofMinutes(60));
        // "Synchroniser les dossiers prioritaires (rouge) ... (1 minute par défaut)"
        assertThat(d.priorityInterval()).isEqualTo(Duration.ofMinutes(1));
        // "Synchroniser les dossiers standards ... (on peut descendre à 10 minutes)": the floor, taken as default
        assertThat(d.standardInterval()).isEqualTo(Duration.ofMinutes(10));
        // GAL "(minimum 60 minutes)"
        assertThat(d.galInterval()).isEqualTo(Duration.ofMinutes(60));
        // checkboxes the guide describes as "A cocher pour/si ...", "Cliquez cette case si ...": off
        assertThat(d.galSync()).isFalse();
        assertThat(d.syncAfterLocalChange()).isFalse();
        assertThat(d.applyThresholdToExisting()).isFalse();
        assertThat(d.wholeDocuments()).isFalse();
        assertThat(d.revertReadOnlyChanges()).isFalse();
        // "Mode de confirmation": no default in the guide; the first option, which sends nothing unasked
        assertThat(d.readReceipts()).isEqualTo(ReadReceiptMode.ASK);
        // "Niveau de journalisation": no default in the guide; the first option, which writes least
        assertThat(d.logLevel()).isEqualTo(LogLevel.STARTUP_AND_ERRORS);
        // "Supprimer les journaux" is a checkbox to tick: logs are kept until asked
        assertThat(d.deleteLogsAfterDays()).isZero();
        assertThat(d.hideNewMailAfter()).isEqualTo(Duration.ofSeconds(5));
        // "Résolution de conflit": first option, "Le serveur est maître"
        assertThat(d.conflictPolicy()).isEqualTo(ConflictPolicy.SERVER_WINS);
        // "Il n'est pas recommandé de mettre la valeur à plus de 1024"
        assertThat(d.folderSyncThreshold()).isEqualTo(1024);
        assertThat(d.downloadMode()).isEqualTo(DownloadMode.FULL);
        assertThat(d.downloadThresholdBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(d.downloadThresholdMb()).isEqualTo(5);
        // "Synchroniser les emails de N derniers jours": 0 = all mail
        assertThat(d.mailsOfLastDays()).isZero();
        // "Délai entre traitement ... en milli secondes ... Ne pas mettre à 0"
        assertThat(d.delayBetweenItems()).isEqualTo(Duration.ofMillis(1));
        assertThat(d.defaultSelection()).isEqualTo(SELECTED);
        assertThat(d.folderSelections()).isEmpty();
        assertThat(d.warnings()).isEmpty();
        assertThat(SyncSettings.builder().build()).isEqualTo(d);
        assertThat(d.toBuilder().build()).isEqualTo(d);
    }

    static Stream<Arguments> outOfBounds() {
        return Stream.of(
                bad("standardInterval", b -> b.standardInterval(Duration.ofMinutes(5)),
                        "standardInterval: 5 minutes is below the minimum of 10 minutes"),
                bad("standardInterval", b -> b.standardInterval(Duration.ofDays(8)),
                        "standardInterval: 11520 minutes is above the maximum of 10080 minutes"),
                bad("structureInterval", b -> b.structureInterval(Duration.ZERO),
                        "structureInterval: 0 minutes is below the minimum of 1 minute"),
                bad("structureInterval", b -> b.structureInterval(Duration.ofSeconds(90)),
                        "structureInterval: 90 seconds is not a whole number of minutes"),
                bad("priorityInterval", b -> b.priorityInterval(Duration.ofSeconds(30)),
                        "priorityInterval: 30 seconds is below the minimum of 1 minute"),
                bad("priorityInterval", b -> b.priorityInterval(null), "priorityInterval: a value is required"),
                bad("galInterval", b -> b.galInterval(Duration.ofMinutes(59)),
                        "galInterval: 59 minutes is below the minimum of 60 minutes"),
                bad("folderSyncThreshold", b -> b.folderSyncThreshold(0),
                        "folderSyncThreshold: 0 items is below the minimum of 1 items"),
                bad("folderSyncThreshold", b -> b.folderSyncThreshold(1_000_001),
                        "folderSyncThreshold: 1000001 items is above the maximum of 1000000 items"),
                bad("downloadThresholdMb", b -> b.downloadThresholdMb(0),
                        "downloadThresholdMb: 0 MB is below the minimum of 1 MB"),
                bad("downloadThresholdMb", b -> b.downloadThresholdMb(2049),
                        "downloadThresholdMb: 2049 MB is above the maximum of 2048 MB"),
                bad("downloadThresholdBytes", b -> b.downloadThresholdBytes(1_500_000),
                        "downloadThresholdBytes: 1500000 bytes is not a whole number of MB (1048576 bytes)"),
                bad("mailsOfLastDays", b -> b.mailsOfLastDays(-1),
                        "mailsOfLastDays: -1 days is below the minimum of 0 days"),
                bad("mailsOfLastDays", b -> b.mailsOfLastDays(36_501),
                        "mailsOfLastDays: 36501 days is above the maximum of 36500 days"),
                bad("autoFetchAttachmentsMb", b -> b.autoFetchAttachmentsMb(-1),
                        "autoFetchAttachmentsMb: -1 MB is below the minimum of 0 MB"),
                bad("autoFetchAttachmentsMb", b -> b.autoFetchAttachmentsMb(2049),
                        "autoFetchAttachmentsMb: 2049 MB is above the maximum of 2048 MB"),
                bad("delayBetweenItems", b -> b.delayBetweenItems(Duration.ZERO),
                        "delayBetweenItems: 0 ms is below the minimum of 1 ms"),
                bad("delayBetweenItems", b -> b.delayBetweenItems(Duration.ofSeconds(61)),
                        "delayBetweenItems: 61000 ms is above the maximum of 60000 ms"),
                bad("delayBetweenItems", b -> b.delayBetweenItems(Duration.ofNanos(1_500_000)),
                        "delayBetweenItems: PT0.0015S is not a whole number of milliseconds"),
                bad("deleteLogsAfterDays", b -> b.deleteLogsAfterDays(36_501),
                        "deleteLogsAfterDays: 36501 days is above the maximum of 36500 days"),
                bad("hideNewMailAfter", b -> b.hideNewMailAfter(Duration.ofMillis(1500)),
                        "hideNewMailAfter: PT1.5S is not a whole number of seconds"),
                bad("hideNewMailAfter", b -> b.hideNewMailAfter(Duration.ofSeconds(-1)),
                        "hideNewMailAfter: -1 seconds is below the minimum of 0 seconds"),
                bad("logLevel", b -> b.logLevel(null), "logLevel: a value is required"),
                bad("conflictPolicy", b -> b.conflictPolicy(null), "conflictPolicy: a value is required"),
                bad("downloadMode", b -> b.downloadMode(null), "downloadMode: a value is required"),
                bad("defaultSelection", b -> b.defaultSelection(INHERIT), "defaultSelection: INHERIT is not allowed"),
                bad("folderSelections", b -> b.select(FolderPath.root(), SELECTED),
                        "folderSelections: the root \"\" is not a folder"));
    }

    private static Arguments bad(String setting, UnaryOperator<SyncSettings.Builder> change, String message) {
        return Arguments.of(setting, change, message);
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("outOfBounds")
    void eachBoundIsRejectedNamingSettingValueAndBound(String setting, UnaryOperator<SyncSettings.Builder> change,
                                                       String message) {
        assertThatThrownBy(() -> change.apply(SyncSettings.builder()).build())
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.setting()).isEqualTo(setting))
                .hasMessageStartingWith(message);
    }

    @Test
    void theConstructorChecksBoundsToo() {
        SyncSettings d = SyncSettings.defaults();
        assertThatThrownBy(() -> new SyncSettings(d.structureInterval(), d.priorityInterval(), Duration.ofMinutes(9),
                d.galInterval(), d.galSync(), d.accessListInterval(), d.syncAfterLocalChange(), d.pushChanges(), d.conflictPolicy(), d.folderSyncThreshold(),
                d.downloadMode(), d.downloadThresholdBytes(), d.applyThresholdToExisting(), d.wholeDocuments(),
                d.mailsOfLastDays(), d.delayBetweenItems(), d.revertReadOnlyChanges(),
                d.readReceipts(), d.syncSignature(), d.autoFetchAttachmentsMb(), d.logLevel(), d.deleteLogsAfterDays(), d.hideNewMailAfter(),
                d.defaultSelection(), d.folderSelections()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("standardInterval: 9 minutes is below the minimum of 10 minutes");
    }

    @Test
    void boundsThemselvesAreAccepted() {
        SyncSettings s = SyncSettings.builder()
                .structureInterval(Duration.ofMinutes(1))
                .priorityInterval(Duration.ofMinutes(1))
                .standardInterval(Duration.ofMinutes(10))
                .galInterval(Duration.ofMinutes(60))
                .folderSyncThreshold(1)
                .downloadThresholdMb(2048)
                .mailsOfLastDays(36_500)
                .autoFetchAttachmentsMb(2048)
                .delayBetweenItems(Duration.ofMillis(1))
                .build();
        assertThat(s.downloadThresholdBytes()).isEqualTo(2048L * 1024 * 1024);
        assertThat(s.autoFetchAttachmentsMb()).isEqualTo(2048);
        assertThat(SyncSettings.defaults().autoFetchAttachmentsMb()).as("off unless asked").isZero();
        assertThat(SyncSettings.builder().standardInterval(Duration.ofDays(7)).delayBetweenItems(Duration.ofSeconds(60))
                .folderSyncThreshold(1_000_000).build().standardInterval()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void advisedAgainstValuesAreWarnedNotThrown() {
        SyncSettings s = SyncSettings.builder()
                .structureInterval(Duration.ofMinutes(30))
                .folderSyncThreshold(5000)
                .priorityInterval(Duration.ofMinutes(20))
                .standardInterval(Duration.ofMinutes(10))
                .build();
        assertThat(s.warnings()).hasSize(3);
        assertThat(s.warnings().get(0)).startsWith("structureInterval: 30 minutes is below the advised 60 minutes");
        assertThat(s.warnings().get(1)).startsWith("folderSyncThreshold: 5000 items is above the advised maximum of 1024");
        assertThat(s.warnings().get(2)).startsWith("priorityInterval: 20 minutes is longer than standardInterval");
    }

    @Test
    void settingsAreImmutable() {
        Map<FolderPath, FolderSelection> m = new HashMap<>();
        m.put(p("INBOX"), PRIORITY);
        SyncSettings s = SyncSettings.builder().folderSelections(m).build();
        m.put(p("Sent"), UNSELECTED);
        assertThat(s.folderSelections()).containsOnlyKeys(p("INBOX"));
        assertThatThrownBy(() -> s.folderSelections().put(p("X"), SELECTED))
                .isInstanceOf(UnsupportedOperationException.class);
        SyncSettings.Builder b = s.toBuilder();
        b.select(p("Sent"), UNSELECTED);
        assertThat(s.folderSelections()).containsOnlyKeys(p("INBOX"));
        assertThat(b.build().folderSelections()).containsOnlyKeys(p("INBOX"), p("Sent"));
        assertThat(b.select(p("Sent"), null).build()).isEqualTo(s);
    }

    // ---- selectionOf (F4.2) -----------------------------------------------------------------------

    @Test
    void aFolderWithoutChoiceGetsTheDefault() {
        assertThat(SyncSettings.defaults().selectionOf(p("INBOX"))).isEqualTo(SELECTED);
        assertThat(SyncSettings.defaults().selectionOf(p("A/B/C"))).isEqualTo(SELECTED);
        SyncSettings s = SyncSettings.builder().defaultSelection(UNSELECTED).build();
        assertThat(s.selectionOf(p("INBOX"))).isEqualTo(UNSELECTED);
        assertThat(s.selectionOf(FolderPath.root())).isEqualTo(UNSELECTED);
    }

    @Test
    void inheritSelectsTheFolderAndEverySubFolderPresentAndFuture() {
        SyncSettings s = SyncSettings.builder().defaultSelection(UNSELECTED).selectAll(p("Projets")).build();
        assertThat(s.selectionOf(p("Projets"))).isEqualTo(SELECTED);
        assertThat(s.selectionOf(p("Projets/2026"))).isEqualTo(SELECTED);
        assertThat(s.selectionOf(p("Projets/2026/Été/Plans"))).isEqualTo(SELECTED);
        assertThat(s.selectionOf(p("Projets2"))).isEqualTo(UNSELECTED);
        assertThat(s.selectionOf(p("Autres/Projets"))).isEqualTo(UNSELECTED);
    }

    @Test
    void priorityIsNeverInherited() {
        SyncSettings s = SyncSettings.builder().defaultSelection(UNSELECTED).select(p("INBOX"), PRIORITY).build();
        assertThat(s.selectionOf(p("INBOX"))).isEqualTo(PRIORITY);
        assertThat(s.selectionOf(p("INBOX/Factures"))).isEqualTo(UNSELECTED);
        SyncSettings sel = s.toBuilder().defaultSelection(SELECTED).build();
        assertThat(sel.selectionOf(p("INBOX/Factures"))).isEqualTo(SELECTED);
    }

    @Test
    void aSubFoldersOwnChoiceBeatsAnInheritAncestorForThatFolderOnly() {
        SyncSettings s = SyncSettings.builder().defaultSelection(UNSELECTED)
                .select(p("A"), INHERIT)
                .select(p("A/B"), UNSELECTED)
                .select(p("A/P"), PRIORITY)
                .build();
        assertThat(s.selectionOf(p("A"))).isEqualTo(SELECTED);
        assertThat(s.selectionOf(p("A/B"))).isEqualTo(UNSELECTED);
        // A's [hérite] covers all its sub-folders, B's own choice is B's alone
        assertThat(s.selectionOf(p("A/B/C"))).isEqualTo(SELECTED);
        assertThat(s.selectionOf(p("A/P"))).isEqualTo(PRIORITY);
        // priority not inherited, but A's [hérite] still selects
        assertThat(s.selectionOf(p("A/P/Q"))).isEqualTo(SELECTED);
    }

    @Test
    void nestedInheritUnderAnUnselectedFolder() {
        SyncSettings s = SyncSettings.builder().defaultSelection(UNSELECTED)
                .select(p("A"), UNSELECTED)
                .select(p("A/B"), INHERIT)
                .build();
        assertThat(s.selectionOf(p("A"))).isEqualTo(UNSELECTED);
        assertThat(s.selectionOf(p("A/X"))).isEqualTo(UNSELECTED);
        assertThat(s.selectionOf(p("A/B"))).isEqualTo(SELECTED);
        assertThat(s.selectionOf(p("A/B/C/D"))).isEqualTo(SELECTED);
    }

    @Test
    void inheritBelowAPriorityFolderBelowAnInheritFolder() {
        SyncSettings s = SyncSettings.builder().defaultSelection(UNSELECTED)
                .select(p("A"), INHERIT).select(p("A/B"), PRIORITY).select(p("A/B/C"), INHERIT).build();
        assertThat(s.selectionOf(p("A/B"))).isEqualTo(PRIORITY);
        assertThat(s.selectionOf(p("A/B/C"))).isEqualTo(SELECTED);
        assertThat(s.selectionOf(p("A/B/C/D"))).isEqualTo(SELECTED);
    }

    @Test
    void theEffectiveSelectionIsNeverInherit() {
        SyncSettings s = SyncSettings.builder().select(p("A"), INHERIT).select(p("A/B"), INHERIT).build();
        for (String f : new String[] {"A", "A/B", "A/B/C", "Z"}) {
            assertThat(s.selectionOf(p(f))).isNotEqualTo(INHERIT);
        }
    }
}
