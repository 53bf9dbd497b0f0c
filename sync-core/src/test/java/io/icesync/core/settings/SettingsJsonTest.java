package io.icesync.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icesync.core.FolderPath;
import io.icesync.core.InvalidSettingException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsJsonTest {
    private static FolderPath p(String s) {
        return FolderPath.parse(s, '/');
    }

    private static SyncSettings everythingChanged() {
        return SyncSettings.builder()
                .structureInterval(Duration.ofMinutes(120))
                .priorityInterval(Duration.ofMinutes(2))
                .standardInterval(Duration.ofMinutes(30))
                .galInterval(Duration.ofHours(24))
                .galSync(true)
                .accessListInterval(Duration.ofMinutes(45))
                .syncAfterLocalChange(true)
                .conflictPolicy(ConflictPolicy.CLIENT_WINS)
                .folderSyncThreshold(2048)
                .downloadMode(DownloadMode.CUSTOM)
                .downloadThresholdMb(12)
                .applyThresholdToExisting(true)
                .wholeDocuments(true)
                .mailsOfLastDays(90)
                .delayBetweenItems(Duration.ofMillis(25))
                .revertReadOnlyChanges(true)
                .readReceipts(ReadReceiptMode.ALWAYS)
                .syncSignature(true)
                .autoFetchAttachmentsMb(25)
                .logLevel(LogLevel.DEBUG)
                .deleteLogsAfterDays(30)
                .hideNewMailAfter(Duration.ofSeconds(20))
                .defaultSelection(FolderSelection.UNSELECTED)
                .select(p("INBOX"), FolderSelection.PRIORITY)
                .select(p("Projets"), FolderSelection.INHERIT)
                .select(p("Projets/Été 2026"), FolderSelection.UNSELECTED)
                .select(FolderPath.of("Q1/Q2", "a\\b"), FolderSelection.SELECTED)
                .build();
    }

    @Test
    void roundTripKeepsEveryValue() {
        SyncSettings s = everythingChanged();
        String json = SettingsJson.write(s);
        assertThat(SettingsJson.read(json)).isEqualTo(s);
        assertThat(SettingsJson.write(SettingsJson.read(json))).isEqualTo(json);
        assertThat(SettingsJson.read(SettingsJson.write(SyncSettings.defaults()))).isEqualTo(SyncSettings.defaults());
    }

    @Test
    void fieldNamesAreStableAndSayTheirUnit() throws Exception {
        JsonNode n = new ObjectMapper().readTree(SettingsJson.write(everythingChanged()));
        assertThat(n.get("structureIntervalMinutes").asLong()).isEqualTo(120);
        assertThat(n.get("priorityIntervalMinutes").asLong()).isEqualTo(2);
        assertThat(n.get("standardIntervalMinutes").asLong()).isEqualTo(30);
        assertThat(n.get("galIntervalMinutes").asLong()).isEqualTo(1440);
        assertThat(n.get("downloadThresholdMb").asLong()).isEqualTo(12);
        assertThat(n.get("delayBetweenItemsMs").asLong()).isEqualTo(25);
        assertThat(n.get("conflictPolicy").asText()).isEqualTo("CLIENT_WINS");
        assertThat(n.get("folderSelections").get("Projets/Été 2026").asText()).isEqualTo("UNSELECTED");
        assertThat(n.get("folderSelections").get("Q1\\/Q2/a\\\\b").asText()).isEqualTo("SELECTED");
        assertThat(n.get("readReceipts").asText()).isEqualTo("ALWAYS");
        assertThat(n.get("syncSignature").asBoolean()).isTrue();
        assertThat(n.get("autoFetchAttachmentsMb").asInt()).isEqualTo(25);
        assertThat(n.get("logLevel").asText()).isEqualTo("DEBUG");
        assertThat(n.get("deleteLogsAfterDays").asLong()).isEqualTo(30);
        assertThat(n.get("hideNewMailAfterSeconds").asLong()).isEqualTo(20);
        assertThat(n.get("accessListIntervalMinutes").asLong()).isEqualTo(45);
        assertThat(n.size()).isEqualTo(SettingsJson.names().size()).isEqualTo(25);
        assertThat(SettingsJson.names()).containsExactly("structureIntervalMinutes", "priorityIntervalMinutes",
                "standardIntervalMinutes", "galIntervalMinutes", "galSync", "accessListIntervalMinutes", "syncAfterLocalChange",
                "pushChanges", "conflictPolicy",
                "folderSyncThreshold", "downloadMode", "downloadThresholdMb", "applyThresholdToExisting",
                "wholeDocuments", "mailsOfLastDays", "delayBetweenItemsMs", "revertReadOnlyChanges", "readReceipts",
                "syncSignature", "autoFetchAttachmentsMb", "logLevel", "deleteLogsAfterDays", "hideNewMailAfterSeconds", "defaultSelection",
                "folderSelections");
    }

    @Test
    void anOlderFileWithTheRetiredTnefSettingStillReadsAndTheLogSaysItIsIgnored() {
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        SyncSettings s;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            s = SettingsJson.read("{\"syncSignature\": true, \"disableTnef\": false, \"galSync\": true}");
        } finally {
            System.setErr(before);
        }
        assertThat(s).as("syncSignature is a setting again: an older file's value is kept")
                .isEqualTo(SyncSettings.builder().galSync(true).syncSignature(true).build());
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("setting disableTnef is ignored", "TNEF").doesNotContain("syncSignature");
        assertThat(SettingsJson.write(s)).doesNotContain("disableTnef").contains("\"syncSignature\" : true");
        assertThatThrownBy(() -> SettingsJson.read("{\"disableTnf\": true}")).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("unknown setting");
    }

    @Test
    void missingFieldsTakeTheGuidesDefaults() {
        assertThat(SettingsJson.read("{}")).isEqualTo(SyncSettings.defaults());
        SyncSettings s = SettingsJson.read("""
                { "standardIntervalMinutes": 20, "conflictPolicy": "client_wins",
                  "folderSelections": { "INBOX": "priority" } }""");
        assertThat(s).isEqualTo(SyncSettings.builder().standardInterval(Duration.ofMinutes(20))
                .conflictPolicy(ConflictPolicy.CLIENT_WINS).select(p("INBOX"), FolderSelection.PRIORITY).build());
    }

    @Test
    void anUnknownFieldIsRejectedWithTheClosestName() {
        assertThatThrownBy(() -> SettingsJson.read("{\"standardInterval\": 20}"))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("standardInterval"))
                .hasMessageStartingWith("standardInterval: unknown setting; did you mean \"standardIntervalMinutes\"?");
        assertThatThrownBy(() -> SettingsJson.read("{\"conflictPolicey\": \"SERVER_WINS\"}"))
                .hasMessageContaining("did you mean \"conflictPolicy\"?");
        assertThatThrownBy(() -> SettingsJson.read("{\"colour\": \"red\"}"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("colour: unknown setting; known settings are [structureIntervalMinutes");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"standardIntervalMinutes": "ten"}       | standardIntervalMinutes | standardIntervalMinutes: expected a whole number of minutes, got "ten"
            {"standardIntervalMinutes": 10.5}        | standardIntervalMinutes | standardIntervalMinutes: expected a whole number of minutes, got 10.5
            {"standardIntervalMinutes": null}        | standardIntervalMinutes | standardIntervalMinutes: expected a whole number of minutes, got null
            {"delayBetweenItemsMs": true}            | delayBetweenItemsMs     | delayBetweenItemsMs: expected a whole number of milliseconds, got true
            {"galSync": "yes"}                       | galSync                 | galSync: expected true or false, got "yes"
            {"folderSyncThreshold": [1]}             | folderSyncThreshold     | folderSyncThreshold: expected a whole number of items, got [1]
            {"conflictPolicy": "LAST_WINS"}          | conflictPolicy          | conflictPolicy: expected one of [SERVER_WINS, CLIENT_WINS], got "LAST_WINS"
            {"downloadMode": 1}                      | downloadMode            | downloadMode: expected one of [HEADERS_ONLY, FULL, CUSTOM], got 1
            {"logLevel": "VERBOSE"}                  | logLevel                | logLevel: expected one of [STARTUP_AND_ERRORS, DEBUG], got "VERBOSE"
            {"hideNewMailAfterSeconds": "5s"}        | hideNewMailAfterSeconds | hideNewMailAfterSeconds: expected a whole number of seconds, got "5s"
            {"folderSelections": ["INBOX"]}          | folderSelections        | folderSelections: expected an object of folder path -> selection, got ["INBOX"]
            {"folderSelections": {"INBOX": "MAYBE"}} | folderSelections        | folderSelections: "INBOX": expected one of [UNSELECTED, SELECTED, PRIORITY, INHERIT], got "MAYBE"
            {"folderSelections": {"A//B": "SELECTED"}} | folderSelections      | folderSelections: bad folder path "A//B": a folder name may not be empty
            {"folderSelections": {"": "SELECTED"}}   | folderSelections        | folderSelections: the root "" is not a folder
            {"folderSelections": {"A\\\\x": "SELECTED"}} | folderSelections    | folderSelections: bad folder path "A\\x": a backslash must be followed by / or \\
            """)
    void aWrongTypeIsRejectedNamingTheFieldAndTheValue(String json, String setting, String message) {
        assertThatThrownBy(() -> SettingsJson.read(json))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.setting()).isEqualTo(setting))
                .hasMessageStartingWith(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"standardIntervalMinutes": 5}          | standardIntervalMinutes: 5 minutes is below the minimum of 10 minutes
            {"structureIntervalMinutes": 0}         | structureIntervalMinutes: 0 minutes is below the minimum of 1 minute
            {"galIntervalMinutes": 30}              | galIntervalMinutes: 30 minutes is below the minimum of 60 minutes
            {"priorityIntervalMinutes": 99999999999999999} | priorityIntervalMinutes: 99999999999999999 minutes is above the maximum of 10080 minutes
            {"priorityIntervalMinutes": 999999999999999999999} | priorityIntervalMinutes: 999999999999999999999 minutes is out of range
            {"delayBetweenItemsMs": 0}              | delayBetweenItemsMs: 0 ms is below the minimum of 1 ms
            {"folderSyncThreshold": 0}              | folderSyncThreshold: 0 items is below the minimum of 1 items
            {"folderSyncThreshold": 5000000000}     | folderSyncThreshold: 5000000000 items is above the maximum of 1000000 items
            {"downloadThresholdMb": 0}              | downloadThresholdMb: 0 MB is below the minimum of 1 MB
            {"downloadThresholdMb": 9000000000000}  | downloadThresholdMb: 9000000000000 MB is above the maximum of 2048 MB
            {"mailsOfLastDays": -3}                 | mailsOfLastDays: -3 days is below the minimum of 0 days
            {"autoFetchAttachmentsMb": 4096}        | autoFetchAttachmentsMb: 4096 MB is above the maximum of 2048 MB
            {"defaultSelection": "INHERIT"}         | defaultSelection: INHERIT is not allowed
            {"deleteLogsAfterDays": -1}             | deleteLogsAfterDays: -1 days is below the minimum of 0 days
            {"hideNewMailAfterSeconds": -1}         | hideNewMailAfterSeconds: -1 seconds is below the minimum of 0 seconds
            {"hideNewMailAfterSeconds": 3601}       | hideNewMailAfterSeconds: 3601 seconds is above the maximum of 3600 seconds
            """)
    void anOutOfRangeValueIsRejectedLikeInTheBuilder(String json, String message) {
        assertThatThrownBy(() -> SettingsJson.read(json))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo(message.substring(0, message.indexOf(':'))))
                .hasMessageStartingWith(message);
    }

    @Test
    void malformedDocumentsAreRejected() {
        assertThatThrownBy(() -> SettingsJson.read("{\"galSync\": true, \"galSync\": false}"))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("galSync")
                .hasMessageStartingWith("settings: not valid JSON");
        assertThatThrownBy(() -> SettingsJson.read("{} {}"))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("settings: not valid JSON");
        assertThatThrownBy(() -> SettingsJson.read("{\"galSync\": tru}"))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("settings: not valid JSON");
        assertThatThrownBy(() -> SettingsJson.read("[]"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("settings: expected a JSON object of settings, got []");
        assertThatThrownBy(() -> SettingsJson.read(""))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("settings: empty document");
    }

    @Test
    void folderKeysEscapeOnlySlashAndBackslash() {
        FolderPath odd = FolderPath.of("Q1/Q2", "a\\b", "Été");
        String key = SettingsJson.folderKey(odd);
        assertThat(key).isEqualTo("Q1\\/Q2/a\\\\b/Été");
        assertThat(SettingsJson.parseFolderKey(key)).isEqualTo(odd);
        assertThat(SettingsJson.folderKey(p("A/B/C"))).isEqualTo("A/B/C").isEqualTo(p("A/B/C").toString());
    }

    @Test
    void everySettingSaysWhatItAcceptsAndTheBoundsAreTheOnesReadingChecks() {
        for (String name : SettingsJson.names()) {
            assertThat(SettingsJson.allowedValues(name)).as(name).isNotBlank();
        }
        assertThat(SettingsJson.allowedValues("standardIntervalMinutes")).isEqualTo("10 to 10080 (whole minutes)");
        assertThat(SettingsJson.allowedValues("folderSyncThreshold")).isEqualTo("1 to 1000000 (items)");
        assertThat(SettingsJson.allowedValues("conflictPolicy")).isEqualTo("one of SERVER_WINS, CLIENT_WINS");
        assertThat(SettingsJson.allowedValues("galSync")).isEqualTo("true or false");
        assertThatThrownBy(() -> SettingsJson.read("{\"standardIntervalMinutes\": 9}"))
                .hasMessageContaining("minimum of 10 minutes");
        assertThatThrownBy(() -> SettingsJson.read("{\"standardIntervalMinutes\": 10081}"))
                .hasMessageContaining("10080");
        assertThatThrownBy(() -> SettingsJson.allowedValues("standardInterval"))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("did you mean");
    }
}
