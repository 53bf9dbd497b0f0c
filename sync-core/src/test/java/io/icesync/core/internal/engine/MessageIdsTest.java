package io.icesync.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageIdsTest {
    private static String read(String s) throws IOException {
        return MessageIds.read(new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void findsTheHeaderInAnyCaseAndFolded() throws IOException {
        assertThat(read("Subject: x\r\nmessage-id: <a@b>\r\n\r\nbody")).isEqualTo("<a@b>");
        assertThat(read("Message-ID:\r\n <folded@b>\r\n\r\n")).isEqualTo("<folded@b>");
    }

    @Test
    void ignoresTheBody() throws IOException {
        assertThat(read("Subject: x\r\n\r\nMessage-ID: <in-body@b>\r\n")).isNull();
        assertThat(read("Subject: x\n\nMessage-ID: <in-body@b>\n")).isNull();
    }

    @Test
    void snifferPassesContentThroughUnchanged() throws IOException {
        byte[] msg = ("Message-ID: <s@b>\r\n\r\n" + "x".repeat(100_000)).getBytes(StandardCharsets.US_ASCII);
        MessageIds.Sniffer s = MessageIds.sniff(new ByteArrayInputStream(msg));
        assertThat(s.readAllBytes()).isEqualTo(msg);
        assertThat(s.messageId()).isEqualTo("<s@b>");
    }
}
