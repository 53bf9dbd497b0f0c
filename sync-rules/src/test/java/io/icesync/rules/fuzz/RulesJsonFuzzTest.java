package io.icesync.rules.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.icesync.rules.InvalidRuleException;
import io.icesync.rules.RulesJson;
import java.nio.charset.StandardCharsets;

/**
 * A rules file from disk or from a server reads as a rule set or fails with InvalidRuleException,
 * whatever its bytes. Regression inputs: {@code RulesJsonFuzzTestInputs/readsOrRefuses}; fuzzed by
 * {@code bench/fuzz.sh}.
 */
class RulesJsonFuzzTest {
    @FuzzTest
    void readsOrRefuses(byte[] input) {
        try {
            RulesJson.read(new String(input, StandardCharsets.UTF_8), "fuzz.json");
        } catch (InvalidRuleException expected) {
            // the documented refusal
        }
    }
}
