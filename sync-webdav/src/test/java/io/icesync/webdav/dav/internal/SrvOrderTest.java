package io.icesync.webdav.dav.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.SRVRecord;

/** RFC 2782 order: priorities strictly, weights as odds (a seeded draw, so the counts are the same every run). */
class SrvOrderTest {
    static SRVRecord srv(int priority, int weight, String target) throws Exception {
        return new SRVRecord(Name.fromString("_caldavs._tcp.a.test."), DClass.IN, 60, priority, weight, 443,
                Name.fromString(target + "."));
    }

    static String first(List<SRVRecord> ordered) {
        return ordered.get(0).getTarget().toString(true);
    }

    @Test
    void aLowerPriorityAlwaysComesFirstWhateverTheWeights() throws Exception {
        List<SRVRecord> records = List.of(srv(20, 1000, "heavy"), srv(10, 0, "light"), srv(30, 5, "last"));
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            assertThat(SrvOrder.order(records, random)).extracting(r -> r.getTarget().toString(true))
                    .containsExactly("light", "heavy", "last");
        }
    }

    @Test
    void withinAPriorityTargetsComeFirstInProportionToTheirWeight() throws Exception {
        List<SRVRecord> records = List.of(srv(0, 10, "small"), srv(0, 90, "big"), srv(0, 0, "zero"));
        Random random = new Random(42);
        int big = 0;
        int zero = 0;
        for (int i = 0; i < 10_000; i++) {
            List<SRVRecord> ordered = SrvOrder.order(records, random);
            assertThat(ordered).hasSize(3);
            big += first(ordered).equals("big") ? 1 : 0;
            zero += first(ordered).equals("zero") ? 1 : 0;
        }
        assertThat(big).isBetween(8_700, 9_200);
        // Weight 0 goes first only on a draw of exactly 0 among 0..100: about 1 time in 101.
        assertThat(zero).isBetween(50, 150);
    }
}
