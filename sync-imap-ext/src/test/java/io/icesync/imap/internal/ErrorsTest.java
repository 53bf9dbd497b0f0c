package io.icesync.imap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorsTest {
    @Test
    void libraryMessagesAreCleanedOfTheirWrappersAndClassNames() {
        assertThat(Errors.clean("* BYE Jakarta Mail Exception: java.net.SocketException: Connection reset"))
                .isEqualTo("Connection reset");
        assertThat(Errors.clean("* BYE Jakarta Mail Exception: java.io.IOException")).isEqualTo("the connection failed");
        assertThat(Errors.clean("java.lang.NegativeArraySizeException: -5")).isEqualTo("-5");
        assertThat(Errors.clean("java.lang.NegativeArraySizeException")).isEqualTo("an answer IceSync could not read");
        assertThat(Errors.clean("[ALERT] Mailbox is full")).isEqualTo("[ALERT] Mailbox is full");
        assertThat(Errors.clean(null)).isNull();
    }
}
