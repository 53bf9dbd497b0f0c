package io.icesync.smartdiscover;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/**
 * Whatever a server answers, the Autodiscover and the autoconfig readers return settings, nothing,
 * a redirect or an error, or fail with an IOException saying why: never another exception, which
 * would escape discover(). Each input is read both ways. Regression inputs:
 * {@code DiscoveryXmlFuzzTestInputs/readsOrRefuses}; fuzzed by {@code bench/fuzz.sh}.
 */
class DiscoveryXmlFuzzTest {
    private static final SmartDiscover DISCOVER = SmartDiscover.builder().build();

    @FuzzTest
    void readsOrRefuses(byte[] input) {
        try {
            DISCOVER.readAutodiscover("jean@example.com", input);
        } catch (IOException expected) {
            // the documented refusal
        }
        try {
            DISCOVER.readAutoconfig("jean@example.com", input);
        } catch (IOException expected) {
            // the documented refusal
        }
    }
}
