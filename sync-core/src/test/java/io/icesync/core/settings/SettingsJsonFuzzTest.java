package io.icesync.core.settings;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.icesync.core.InvalidSettingException;
import java.nio.charset.StandardCharsets;

/**
 * Settings JSON (a profile's, a server policy's) reads as settings or fails with
 * InvalidSettingException naming the field, whatever its bytes. Regression inputs:
 * {@code SettingsJsonFuzzTestInputs/readsOrRefuses}; fuzzed by {@code bench/fuzz.sh}.
 */
class SettingsJsonFuzzTest {
    @FuzzTest
    void readsOrRefuses(byte[] input) {
        try {
            SyncSettings s = SettingsJson.read(new String(input, StandardCharsets.UTF_8));
            SettingsJson.read(SettingsJson.write(s)); // what was read writes back readable
        } catch (InvalidSettingException expected) {
            // the documented refusal
        }
    }
}
