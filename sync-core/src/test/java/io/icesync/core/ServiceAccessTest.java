package io.icesync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServiceAccessTest {
    @Test
    void theDefaultsAreStated() {
        ServiceAccess a = ServiceAccess.defaults();
        assertThat(a.timeouts()).isEqualTo(new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofSeconds(60)));
        assertThat(a.proxy()).isEqualTo(ProxyChoice.none());
        assertThat(a.hasCredentials()).isFalse();
        assertThat(a.password()).isNull();
        assertThat(a.trust().accepted()).isEmpty();
    }

    @Test
    void thePasswordIsAskedEachTimeAndNeverShown() {
        AtomicInteger asked = new AtomicInteger();
        char[] secret = "s3cret".toCharArray();
        ServiceAccess a = ServiceAccess.builder().credentials("anne", () -> {
            asked.incrementAndGet();
            return secret;
        }).build();
        char[] copy = a.password();
        copy[0] = 'X';
        assertThat(a.password()).containsExactly("s3cret".toCharArray());
        assertThat(asked).hasValue(2);
        assertThat(a.toString()).contains("anne").doesNotContain("s3cret");
    }

    @Test
    void aFixedPasswordIsCopiedAndOneTimeoutSetsConnectAndRead() {
        char[] pw = "pw".toCharArray();
        ServiceAccess a = ServiceAccess.builder().credentials("u", pw).timeout(Duration.ofSeconds(5)).build();
        pw[0] = 'x';
        assertThat(a.password()).containsExactly('p', 'w');
        assertThat(a.timeouts()).isEqualTo(new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(60)));
        assertThat(a.toBuilder().proxy(ProxyChoice.system()).build().user()).isEqualTo("u");
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> Timeouts.of(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connect timeout must be positive");
        assertThatThrownBy(() -> ProxyChoice.http("proxy", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
