package io.icesync.fleet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostLimitsTest {
    @Test
    void aBusyServerDoesNotHoldUpCyclesOfAnotherServer() {
        HostLimits limits = new HostLimits(2);
        assertThat(limits.tryAcquire("mail.a.test")).isTrue();
        assertThat(limits.tryAcquire("MAIL.A.test")).as("host names compare without case").isTrue();
        assertThat(limits.tryAcquire("mail.a.test")).isFalse();
        assertThat(limits.tryAcquire("mail.b.test")).isTrue();
        limits.release("mail.a.test");
        assertThat(limits.inUse("mail.a.test")).isEqualTo(1);
        assertThat(limits.tryAcquire("mail.a.test")).isTrue();
    }
}
