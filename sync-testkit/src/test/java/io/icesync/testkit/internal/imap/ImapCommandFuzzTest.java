package io.icesync.testkit.internal.imap;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.icesync.testkit.Faults;
import io.icesync.testkit.MailServerModel;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The test server answers whatever a client sends, after a login and a SELECT: every line gets its
 * OK, NO or BAD, and the session lives on until LOGOUT. A command that fails inside the server
 * ({@code NO [SERVERBUG]}) or an exception that closes the connection is a finding. Regression
 * inputs: {@code ImapCommandFuzzTestInputs/answersEveryLine}; fuzzed by {@code bench/fuzz.sh}.
 */
class ImapCommandFuzzTest {
    private static final byte[] PROLOGUE = ("a LOGIN fuzz@example.com secret\r\n"
            + "b APPEND INBOX {43+}\r\nSubject: hello\r\nFrom: a@example.com\r\n\r\nhi\r\n"
            + "c SELECT INBOX\r\n").getBytes(StandardCharsets.US_ASCII);

    @FuzzTest
    void answersEveryLine(byte[] input) {
        MailServerModel model = new MailServerModel();
        model.addAccount("fuzz@example.com", "secret");
        List<String> trace = new ArrayList<>();
        ServerContext server = new ServerContext(model, Set.of(), null, 1 << 20, new Faults(), trace::add, List.of(),
                Map.of());
        EmbeddedChannel ch = new EmbeddedChannel(new ImapDecoder(64 * 1024, 1 << 20), new ImapSession(server, false));
        try {
            ch.writeInbound(Unpooled.wrappedBuffer(PROLOGUE, input));
            ch.runPendingTasks();
            boolean bye = false;
            for (String line : trace) {
                if (line.matches("S: \\S+ NO \\[SERVERBUG].*")) {
                    throw new AssertionError("a command failed inside the server: " + line);
                }
                bye |= line.startsWith("S: * BYE");
            }
            if (!ch.isOpen() && !bye) {
                throw new AssertionError("the session closed without LOGOUT; last lines: "
                        + trace.subList(Math.max(0, trace.size() - 4), trace.size()));
            }
        } finally {
            ch.finishAndReleaseAll();
        }
    }
}
