package io.icesync.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RightsTest {
    @Test
    void readsRfc4314LettersAndTheObsoleteOnes() {
        assertThat(Rights.parse("lrswipkxtea")).isEqualTo(Rights.ALL);
        // c = k x and d = t e x (RFC 4314 section 2.1.1)
        assertThat(Rights.parse("lrswicd").letters()).isEqualTo("lrswikxte");
        assertThat(Rights.parse("lrs").canWriteItems()).isFalse();
        assertThat(Rights.parse("lrswitex").canWriteItems()).isTrue();
    }
}
