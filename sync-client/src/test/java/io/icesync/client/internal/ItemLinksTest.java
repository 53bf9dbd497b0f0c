package io.icesync.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.webdav.SmartAttachException;
import io.icesync.webdav.SmartAttachLink;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The links of one message, and how much of it is read to find them. */
class ItemLinksTest {
    static final URI DAV = URI.create("https://mail.iwdemo.test/webdav/");
    static final String HEAD = "Message-ID: <a1@iwdemo.test>\r\n"
            + "Subject: =?UTF-8?Q?Offre_=C3=A9t=C3=A9?=\r\n"
            + "X-IceWarp-SmartAttach: url=\"https://mail.iwdemo.test/webdav/ticket/a1/Q1.xlsx\"; size=\"2048\"\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "\r\n";
    static final String BODY = "The plan: https://mail.iwdemo.test/webdav/Files/Plan.pdf\r\n";

    /** Counts what is read, one byte per read() call at most when {@code trickle}, to split lines across reads. */
    static final class Counting extends FilterInputStream {
        long read;
        final boolean trickle;

        Counting(byte[] bytes, boolean trickle) {
            super(new ByteArrayInputStream(bytes));
            this.trickle = trickle;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = super.read(b, off, trickle ? Math.min(1, len) : len);
            read += Math.max(0, r);
            return r;
        }
    }

    static byte[] message(String head, int bodyBytes) {
        StringBuilder body = new StringBuilder(BODY);
        while (body.length() < bodyBytes) {
            body.append("filler text, no link here at all .............................\r\n");
        }
        return (head + body).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void withoutAWebDavBaseOnlyTheHeaderBlockIsRead() throws IOException {
        Counting in = new Counting(message(HEAD, 2_000_000), false);

        ItemLinks links = ItemLinks.ofMessage(in, Long.MAX_VALUE, null);

        assertThat(links.item()).isEqualTo("<a1@iwdemo.test>");
        assertThat(links.title()).isEqualTo("Offre été");
        assertThat(links.links()).extracting(SmartAttachLink::url)
                .containsExactly(URI.create("https://mail.iwdemo.test/webdav/ticket/a1/Q1.xlsx"));
        assertThat(links.links().get(0).size()).isEqualTo(2048);
        assertThat(in.read).isLessThan(64 * 1024);
    }

    @Test
    void withAWebDavBaseTheBodyLinksCountToo() throws IOException {
        ItemLinks links = ItemLinks.ofMessage(new Counting(message(HEAD, 100), false), Long.MAX_VALUE, DAV);

        assertThat(links.item()).isEqualTo("<a1@iwdemo.test>");
        assertThat(links.links()).extracting(SmartAttachLink::url).containsExactly(
                URI.create("https://mail.iwdemo.test/webdav/ticket/a1/Q1.xlsx"),
                URI.create("https://mail.iwdemo.test/webdav/Files/Plan.pdf"));
    }

    @Test
    void theHeaderBlockEndsAtItsBlankLineWhateverTheLineEndsAndReads() throws IOException {
        String lf = HEAD.replace("\r\n", "\n");
        for (String head : new String[] {HEAD, lf}) {
            Counting in = new Counting(message(head, 10_000), true);
            byte[] block = ItemLinks.headerBlock(in);
            assertThat(new String(block, StandardCharsets.UTF_8)).isEqualTo(head.substring(0, head.length()
                    - (head == lf ? 1 : 2)));
            assertThat(in.read).isEqualTo(block.length + (head == lf ? 1 : 2));
        }
        // No body at all: the whole message is the header block.
        assertThat(ItemLinks.headerBlock(new ByteArrayInputStream("Subject: x\r\n".getBytes(StandardCharsets.US_ASCII))))
                .asString().isEqualTo("Subject: x\r\n");
    }

    @Test
    void aHeaderBlockPastTheCapIsCutThereAndStillRead() throws IOException {
        StringBuilder head = new StringBuilder("Message-ID: <big@iwdemo.test>\r\n");
        while (head.length() < ItemLinks.MAX_HEADER_BLOCK + 10_000) {
            head.append("X-Filler: ").append("y".repeat(60)).append("\r\n");
        }
        Counting in = new Counting(message(head + "\r\n", 100), false);

        ItemLinks links = ItemLinks.ofMessage(in, Long.MAX_VALUE, null);

        assertThat(links.item()).isEqualTo("<big@iwdemo.test>");
        assertThat(in.read).isEqualTo(ItemLinks.MAX_HEADER_BLOCK);
    }

    @Test
    void aReadFailureIsNotTakenForUnreadableMime() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };
        assertThatThrownBy(() -> ItemLinks.ofMessage(broken, Long.MAX_VALUE, null)).isInstanceOf(IOException.class)
                .isNotInstanceOf(SmartAttachException.class);
    }
}
