package io.icesync.groupware.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.icesync.groupware.freebusy.FreeBusyFormatException;
import io.icesync.groupware.freebusy.internal.FreeBusyParser;

/**
 * A free/busy answer reads as busy periods or fails with FreeBusyFormatException saying what came,
 * whatever its bytes. Regression inputs: {@code FreeBusyFuzzTestInputs/readsOrRefuses}; fuzzed by
 * {@code bench/fuzz.sh}.
 */
class FreeBusyFuzzTest {
    @FuzzTest
    void readsOrRefuses(byte[] input) {
        try {
            FreeBusyParser.parse(input, "text/calendar; charset=utf-8", "https://mail.example.com/freebusy");
        } catch (FreeBusyFormatException expected) {
            // the documented refusal
        }
    }
}
