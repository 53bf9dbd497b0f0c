package io.icesync.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RFC 2782 order: priorities strictly, weights as odds (a seeded draw, so the counts are the same every run). */
class SrvTargetTest {
    static SrvTarget srv(int priority, int weight, String target) {
        return new SrvTarget(target, 443, priority, weight);
    }

    static String first(List<SrvTarget> ordered) {
        return ordered.get(0).host();
    }

    @Test
    void aLowerPriorityAlwaysComesFirstWhateverTheWeights() {
        List<SrvTarget> records = List.of(srv(20, 1000, "heavy"), srv(10, 0, "light"), srv(30, 5, "last"));
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            assertThat(SrvTarget.rfc2782Order(records, random)).extracting(SrvTarget::host)
                    .containsExactly("light", "heavy", "last");
        }
    }

    @Test
    void withinAPriorityTargetsComeFirstInProportionToTheirWeight() {
        List<SrvTarget> records = List.of(srv(0, 10, "small"), srv(0, 90, "big"), srv(0, 0, "zero"));
        Random random = new Random(42);
        int big = 0;
        int zero = 0;
        for (int i = 0; i < 10_000; i++) {
            List<SrvTarget> ordered = SrvTarget.rfc2782Order(records, random);
            assertThat(ordered).hasSize(3);
            big += first(ordered).equals("big") ? 1 : 0;
            zero += first(ordered).equals("zero") ? 1 : 0;
        }
        assertThat(big).isBetween(8_700, 9_200);
        // Weight 0 goes first only on a draw of exactly 0 among 0..100: about 1 time in 101.
        assertThat(zero).isBetween(50, 150);
    }
}
