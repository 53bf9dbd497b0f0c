package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalTextTest {
    @Test
    void aValueKeepsToOneLineAndShowsItsControlCharacters() {
        assertThat(TerminalText.escape("Evil\u001b[31mRed\r\nicesync: forged\tx\u0000\u007f\u009b\u202eabc"))
                .isEqualTo("Evil\\e[31mRed\\r\\nicesync: forged\\tx\\x00\\x7F\\x9B\\u202Eabc");
        assertThat(TerminalText.escape("Été 2026/Projets")).isEqualTo("Été 2026/Projets");
        assertThat(TerminalText.escape(null)).isNull();
    }

    @Test
    void theOutputWriterLetsLineEndsThroughAndNothingElse() {
        StringWriter sink = new StringWriter();
        PrintWriter out = new PrintWriter(TerminalText.safe(sink), true);
        out.println("* OK \u001b]0;owned\u0007 ready");
        out.print("\rprogress\t1/2");
        out.write('\u001b');
        out.flush();
        assertThat(sink.toString()).isEqualTo("* OK \\e]0;owned\\x07 ready" + System.lineSeparator()
                + "\rprogress\t1/2\\e");
    }
}
