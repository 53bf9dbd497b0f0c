package io.icesync.client;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * {@code profile.json}, however damaged, reads as a profile or fails with InvalidProfileException
 * naming the field. Regression inputs: {@code ProfileFuzzTestInputs/readsOrRefuses}; fuzzed by
 * {@code bench/fuzz.sh}.
 */
class ProfileFuzzTest {
    @FuzzTest
    void readsOrRefuses(byte[] input) {
        try {
            Profile p = Profile.fromJson(new String(input, StandardCharsets.UTF_8));
            Profile.fromJson(p.toJson()); // what was read writes back readable
        } catch (InvalidProfileException expected) {
            // the documented refusal
        }
    }
}
