package io.icesync.fleet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CycleRecordsTest {
    @Test
    void anAccountThatKeepsFailingWaitsTwiceAsLongEachTimeUpToTheMaximum() {
        Duration base = Duration.ofSeconds(30);
        Duration max = Duration.ofMinutes(10);
        assertThat(CycleRecords.backoff(1, base, max)).isEqualTo(Duration.ofSeconds(30));
        assertThat(CycleRecords.backoff(2, base, max)).isEqualTo(Duration.ofMinutes(1));
        assertThat(CycleRecords.backoff(3, base, max)).isEqualTo(Duration.ofMinutes(2));
        assertThat(CycleRecords.backoff(6, base, max)).isEqualTo(Duration.ofMinutes(10));
        assertThat(CycleRecords.backoff(1_000, base, max)).as("no overflow after many failures").isEqualTo(max);
    }
}
