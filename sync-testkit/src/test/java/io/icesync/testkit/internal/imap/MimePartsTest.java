package io.icesync.testkit.internal.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MimePartsTest {

    /** Lines joined with CRLF; end with "" for a final CRLF. */
    private static byte[] msg(String... lines) {
        return String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static String section(byte[] m, String spec) {
        return new String(MimeParts.section(m, spec), StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ simple text message

    private static final byte[] SIMPLE = msg(
            "Date: Mon, 7 Feb 1994 21:52:25 -0800",
            "From: Fred Foobar <foobar@Blurdybloop.example>",
            "Subject: afternoon meeting",
            "To: mooch@owatagu.example",
            "Message-Id: <B27397-0100000@Blurdybloop.example>",
            "MIME-Version: 1.0",
            "Content-Type: TEXT/PLAIN; CHARSET=US-ASCII",
            "",
            "Hello Joe, do you think we can meet at 3:30 tomorrow?",
            "");

    @Test
    void simpleEnvelope() {
        String fred = "((\"Fred Foobar\" NIL \"foobar\" \"Blurdybloop.example\"))";
        assertThat(MimeParts.envelope(SIMPLE)).isEqualTo(
                "(\"Mon, 7 Feb 1994 21:52:25 -0800\" \"afternoon meeting\" "
                        + fred + " " + fred + " " + fred + " "
                        + "((NIL NIL \"mooch\" \"owatagu.example\")) NIL NIL NIL "
                        + "\"<B27397-0100000@Blurdybloop.example>\")");
    }

    @Test
    void simpleBodyAndBodyStructure() {
        assertThat(MimeParts.bodyStructure(SIMPLE, false))
                .isEqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 55 1)");
        assertThat(MimeParts.bodyStructure(SIMPLE, true))
                .isEqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 55 1 NIL NIL NIL NIL)");
    }

    @Test
    void simpleSections() {
        String all = new String(SIMPLE, StandardCharsets.UTF_8);
        String body = "Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n";
        String header = all.substring(0, all.length() - body.length());
        assertThat(header).endsWith("US-ASCII\r\n\r\n");
        assertThat(section(SIMPLE, "")).isEqualTo(all);
        assertThat(section(SIMPLE, "HEADER")).isEqualTo(header);
        assertThat(section(SIMPLE, "header")).isEqualTo(header);
        assertThat(section(SIMPLE, "TEXT")).isEqualTo(body);
        // A non-multipart message has only part 1: its body.
        assertThat(section(SIMPLE, "1")).isEqualTo(body);
        assertThat(section(SIMPLE, "1.MIME")).isEqualTo(header);
        assertThat(MimeParts.section(SIMPLE, "2")).isEmpty();
        assertThat(MimeParts.section(SIMPLE, "1.1")).isEmpty();
        assertThat(MimeParts.section(SIMPLE, "1.HEADER")).isEmpty();
        assertThat(MimeParts.section(SIMPLE, "99999999999999999999")).isEmpty();
    }

    // ------------------------------------------------------------------ alternative inside mixed + attachment

    private static final byte[] NESTED = msg(
            "From: a@example.com",
            "To: b@example.com",
            "Subject: report",
            "Content-Type: multipart/mixed; boundary=\"outer\"",
            "",
            "This is a preamble.",
            "--outer",
            "Content-Type: multipart/alternative; boundary=inner",
            "",
            "--inner",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "Hi there",
            "--inner",
            "Content-Type: text/html; charset=utf-8",
            "Content-Language: en, de",
            "Content-Location: http://example.com/",
            " x.html",
            "",
            "<p>Hi</p>",
            "--inner--",
            "",
            "--outer",
            "Content-Type: application/pdf; name=\"r.pdf\"",
            "Content-Transfer-Encoding: base64",
            "Content-ID: <pdf1@example.com>",
            "Content-Description: The report",
            "Content-Disposition: attachment; filename=\"r.pdf\"; size=6",
            "",
            "JVBERi0=",
            "--outer--",
            "epilogue",
            "");

    @Test
    void nestedBody() {
        assertThat(MimeParts.bodyStructure(NESTED, false)).isEqualTo(
                "(((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"QUOTED-PRINTABLE\" 8 1)"
                        + "(\"TEXT\" \"HTML\" (\"CHARSET\" \"utf-8\") NIL NIL \"7BIT\" 9 1) \"ALTERNATIVE\")"
                        + "(\"APPLICATION\" \"PDF\" (\"NAME\" \"r.pdf\") \"<pdf1@example.com>\" \"The report\""
                        + " \"BASE64\" 8) \"MIXED\")");
    }

    @Test
    void nestedBodyStructure() {
        assertThat(MimeParts.bodyStructure(NESTED, true)).isEqualTo(
                "(((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"QUOTED-PRINTABLE\" 8 1 NIL NIL NIL NIL)"
                        + "(\"TEXT\" \"HTML\" (\"CHARSET\" \"utf-8\") NIL NIL \"7BIT\" 9 1 NIL NIL (\"en\" \"de\")"
                        + " \"http://example.com/x.html\")"
                        + " \"ALTERNATIVE\" (\"BOUNDARY\" \"inner\") NIL NIL NIL)"
                        + "(\"APPLICATION\" \"PDF\" (\"NAME\" \"r.pdf\") \"<pdf1@example.com>\" \"The report\""
                        + " \"BASE64\" 8 NIL (\"ATTACHMENT\" (\"FILENAME\" \"r.pdf\" \"SIZE\" \"6\")) NIL NIL)"
                        + " \"MIXED\" (\"BOUNDARY\" \"outer\") NIL NIL NIL)");
    }

    @Test
    void nestedSections() {
        assertThat(section(NESTED, "1.1")).isEqualTo("Hi there");
        assertThat(section(NESTED, "1.2")).isEqualTo("<p>Hi</p>");
        assertThat(section(NESTED, "1.2.MIME")).isEqualTo("Content-Type: text/html; charset=utf-8\r\n"
                + "Content-Language: en, de\r\n"
                + "Content-Location: http://example.com/\r\n x.html\r\n\r\n");
        assertThat(section(NESTED, "1.MIME"))
                .isEqualTo("Content-Type: multipart/alternative; boundary=inner\r\n\r\n");
        // A multipart part's body is everything between its header and the outer delimiter's CRLF.
        assertThat(section(NESTED, "1")).startsWith("--inner\r\nContent-Type: text/plain").endsWith("--inner--\r\n");
        assertThat(section(NESTED, "2")).isEqualTo("JVBERi0=");
        assertThat(section(NESTED, "2.MIME")).startsWith("Content-Type: application/pdf")
                .endsWith("size=6\r\n\r\n");
        assertThat(section(NESTED, "TEXT")).startsWith("This is a preamble.\r\n--outer\r\n")
                .endsWith("--outer--\r\nepilogue\r\n");
        // HEADER and TEXT after a part number are for message/rfc822 parts only.
        assertThat(MimeParts.section(NESTED, "2.HEADER")).isEmpty();
        assertThat(MimeParts.section(NESTED, "2.TEXT")).isEmpty();
        assertThat(MimeParts.section(NESTED, "3")).isEmpty();
        assertThat(MimeParts.section(NESTED, "1.3")).isEmpty();
        assertThat(MimeParts.section(NESTED, "1.1.1")).isEmpty();
    }

    // ------------------------------------------------------------------ message/rfc822 attachment

    private static final String INNER = String.join("\r\n",
            "From: \"Inner, Person\" <inner@example.org>",
            "Subject: inner",
            "Date: Tue, 1 Jan 2030 00:00:00 +0000",
            "Message-ID: <inner@example.org>",
            "",
            "inner body",
            "line two");

    private static final byte[] FORWARD = msg(
            "From: a@example.com",
            "Subject: fwd",
            "Content-Type: multipart/mixed; boundary=b1",
            "",
            "--b1",
            "Content-Type: text/plain",
            "",
            "see attached",
            "--b1",
            "Content-Type: message/rfc822",
            "Content-Disposition: inline",
            "",
            INNER,
            "--b1--",
            "");

    @Test
    void messageRfc822BodyStructure() {
        assertThat(INNER.getBytes(StandardCharsets.UTF_8)).hasSize(152);
        String person = "((\"Inner, Person\" NIL \"inner\" \"example.org\"))";
        String envelope = "(\"Tue, 1 Jan 2030 00:00:00 +0000\" \"inner\" " + person + " " + person + " " + person
                + " NIL NIL NIL NIL \"<inner@example.org>\")";
        assertThat(MimeParts.bodyStructure(FORWARD, true)).isEqualTo(
                "((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 12 1 NIL NIL NIL NIL)"
                        + "(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 152 " + envelope
                        + " (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 20 2 NIL NIL NIL NIL)"
                        + " 7 NIL (\"INLINE\" NIL) NIL NIL)"
                        + " \"MIXED\" (\"BOUNDARY\" \"b1\") NIL NIL NIL)");
        assertThat(MimeParts.bodyStructure(FORWARD, false)).isEqualTo(
                "((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 12 1)"
                        + "(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 152 " + envelope
                        + " (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 20 2) 7)"
                        + " \"MIXED\")");
    }

    @Test
    void messageRfc822Sections() {
        assertThat(section(FORWARD, "1")).isEqualTo("see attached");
        assertThat(section(FORWARD, "2")).isEqualTo(INNER);
        assertThat(section(FORWARD, "2.MIME"))
                .isEqualTo("Content-Type: message/rfc822\r\nContent-Disposition: inline\r\n\r\n");
        assertThat(section(FORWARD, "2.HEADER")).isEqualTo(INNER.substring(0, INNER.indexOf("inner body")));
        assertThat(section(FORWARD, "2.TEXT")).isEqualTo("inner body\r\nline two");
        assertThat(section(FORWARD, "2.1")).isEqualTo("inner body\r\nline two");
        assertThat(section(FORWARD, "2.HEADER.FIELDS (X)")).isEqualTo("\r\n");
        assertThat(section(FORWARD, "2.HEADER.FIELDS (SUBJECT Message-Id)"))
                .isEqualTo("Subject: inner\r\nMessage-ID: <inner@example.org>\r\n\r\n");
        assertThat(section(FORWARD, "2.header.fields.not (from date message-id)"))
                .isEqualTo("Subject: inner\r\n\r\n");
        assertThat(MimeParts.section(FORWARD, "1.HEADER")).isEmpty();
        assertThat(MimeParts.section(FORWARD, "2.2")).isEmpty();
    }

    @Test
    void digestPartsDefaultToMessageRfc822() {
        byte[] m = msg(
                "Content-Type: multipart/digest; boundary=d",
                "",
                "--d",
                "",
                "Subject: one",
                "",
                "first",
                "--d--",
                "");
        assertThat(MimeParts.bodyStructure(m, false)).isEqualTo(
                "((\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 21 "
                        + "(NIL \"one\" NIL NIL NIL NIL NIL NIL NIL NIL) "
                        + "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 5 1) 3) \"DIGEST\")");
        assertThat(section(m, "1.1")).isEqualTo("first");
        assertThat(section(m, "1.HEADER")).isEqualTo("Subject: one\r\n\r\n");
    }

    // ------------------------------------------------------------------ 8-bit and quoted header text

    private static final byte[] EIGHT_BIT = msg(
            "From: \"Doe, John \\\"JD\\\"\" <john@example.com>",
            "Sender: =?UTF-8?Q?J=C3=B6rg?= <joerg@example.com>",
            "Reply-To: ",
            "To: Grüße <gruss@example.de>, undisclosed-recipients:;",
            "Subject: Grüße \"aus\" C:\\temp",
            "Cc: \"back\\\\slash\" <bs@example.com>",
            "In-Reply-To: <parent@example.com>",
            "Content-Type: text/plain; charset=utf-8; name=\"a \\\"b\\\".txt\"",
            "Content-Transfer-Encoding: 8bit",
            "",
            "Grüße",
            "");

    @Test
    void eightBitAndQuotedEnvelope() {
        String from = "((\"Doe, John \\\"JD\\\"\" NIL \"john\" \"example.com\"))";
        assertThat(MimeParts.envelope(EIGHT_BIT)).isEqualTo(
                "(NIL {21}\r\nGrüße \"aus\" C:\\temp "
                        + from + " "
                        + "((\"=?UTF-8?Q?J=C3=B6rg?=\" NIL \"joerg\" \"example.com\")) "
                        + from + " "
                        + "(({7}\r\nGrüße NIL \"gruss\" \"example.de\")"
                        + "(NIL NIL \"undisclosed-recipients\" NIL)(NIL NIL NIL NIL)) "
                        + "((\"back\\\\slash\" NIL \"bs\" \"example.com\")) NIL "
                        + "\"<parent@example.com>\" NIL)");
    }

    @Test
    void eightBitBodyStructure() {
        assertThat(MimeParts.bodyStructure(EIGHT_BIT, true)).isEqualTo(
                "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\" \"NAME\" \"a \\\"b\\\".txt\") NIL NIL \"8BIT\" 9 1"
                        + " NIL NIL NIL NIL)");
    }

    @Test
    void literalCountsUtf8BytesAndLatin1HeadersStayReadable() {
        byte[] m = ("Subject: caf\u00e9\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(MimeParts.envelope(m)).isEqualTo("(NIL {5}\r\ncafé NIL NIL NIL NIL NIL NIL NIL NIL)");
        byte[] nul = "Subject: a\u0000b\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(MimeParts.envelope(nul)).startsWith("(NIL {3}\r\na\u0000b NIL");
    }

    @Test
    void groupsBecomeGroupMarkers() {
        byte[] m = msg("To: team: a@b.c, \"B\" <b@c.d>;, root", "", "");
        assertThat(MimeParts.envelope(m)).isEqualTo("(NIL NIL NIL NIL NIL "
                + "((NIL NIL \"team\" NIL)(NIL NIL \"a\" \"b.c\")(\"B\" NIL \"b\" \"c.d\")(NIL NIL NIL NIL)"
                // No domain: "" rather than NIL, which would read as a group start.
                + "(NIL NIL \"root\" \"\")) NIL NIL NIL NIL)");
    }

    @Test
    void foldedHeaderValuesAreUnfoldedInEnvelope() {
        byte[] m = msg(
                "Subject: =?UTF-8?Q?a?=",
                "\t=?UTF-8?Q?b?=",
                "To: one@example.com,",
                "  \"Two\" <two@example.com>",
                "",
                "");
        assertThat(MimeParts.envelope(m)).isEqualTo(
                "(NIL \"=?UTF-8?Q?a?=\t=?UTF-8?Q?b?=\" NIL NIL NIL "
                        + "((NIL NIL \"one\" \"example.com\")(\"Two\" NIL \"two\" \"example.com\")) NIL NIL NIL NIL)");
    }

    // ------------------------------------------------------------------ malformed messages

    @Test
    void noBlankLineAndNoBody() {
        byte[] m = "Subject: hi\r\nFrom: a@b.c".getBytes(StandardCharsets.US_ASCII);
        assertThat(MimeParts.bodyStructure(m, true))
                .isEqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 0 0 NIL NIL NIL NIL)");
        assertThat(MimeParts.envelope(m)).isEqualTo(
                "(NIL \"hi\" ((NIL NIL \"a\" \"b.c\")) ((NIL NIL \"a\" \"b.c\")) ((NIL NIL \"a\" \"b.c\"))"
                        + " NIL NIL NIL NIL NIL)");
        assertThat(section(m, "HEADER")).isEqualTo("Subject: hi\r\nFrom: a@b.c");
        assertThat(MimeParts.section(m, "TEXT")).isEmpty();
        // The last line had no CRLF: HEADER.FIELDS still gives whole lines and the blank line.
        assertThat(section(m, "HEADER.FIELDS (FROM)")).isEqualTo("From: a@b.c\r\n\r\n");
    }

    @Test
    void noBlankLineBodyStartsAtFirstNonHeaderLine() {
        byte[] m = msg("Subject: hi", "this is not a header", "more", "");
        assertThat(section(m, "HEADER")).isEqualTo("Subject: hi\r\n");
        assertThat(section(m, "TEXT")).isEqualTo("this is not a header\r\nmore\r\n");
        assertThat(MimeParts.bodyStructure(m, false))
                .isEqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 28 2)");
    }

    @Test
    void brokenBoundaryIsOneTextPart() {
        String body = "--other\r\nContent-Type: text/html\r\n\r\n<b>x</b>\r\n--other--\r\n";
        byte[] m = ("Content-Type: multipart/mixed; boundary=\"zzz\"\r\n\r\n" + body)
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(MimeParts.bodyStructure(m, false))
                .isEqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" " + body.length() + " 5)");
        assertThat(section(m, "1")).isEqualTo(body);
        assertThat(MimeParts.section(m, "1.1")).isEmpty();
    }

    @Test
    void multipartWithoutBoundaryIsOneTextPart() {
        byte[] m = msg("Content-Type: multipart/mixed", "", "--x", "hello", "");
        assertThat(MimeParts.bodyStructure(m, false))
                .isEqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 12 2)");
    }

    @Test
    void missingCloseDelimiterRunsToTheEnd() {
        byte[] m = msg("Content-Type: multipart/mixed; boundary=b", "", "--b", "", "one", "--b", "", "two", "");
        assertThat(MimeParts.bodyStructure(m, false)).isEqualTo(
                "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3 1)"
                        + "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 5 1) \"MIXED\")");
        assertThat(section(m, "2")).isEqualTo("two\r\n");
    }

    @Test
    void boundaryPrefixOfLongerLineIsNotADelimiter() {
        byte[] m = msg("Content-Type: multipart/mixed; boundary=b", "", "--b", "", "--bb not a delimiter", "--b  ",
                "", "two", "--b--");
        assertThat(section(m, "1")).isEqualTo("--bb not a delimiter");
        assertThat(section(m, "2")).isEqualTo("two");
    }

    @Test
    void invalidContentTypeAndUnclosedQuoteDegradeGently() {
        assertThat(MimeParts.bodyStructure(msg("Content-Type: garbage", "", "x"), false))
                .isEqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1 1)");
        assertThat(MimeParts.bodyStructure(msg("Content-Type: text/plain (c; x) ; charset=\"utf-8", "", "x"), false))
                .isEqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"7BIT\" 1 1)");
    }

    @Test
    void unparseableAddressesNeverThrow() {
        byte[] m = msg("From: <<<\"", "To: ,,,", "Cc:", "", "x");
        assertThatCode(() -> MimeParts.envelope(m)).doesNotThrowAnyException();
        assertThat(MimeParts.envelope(m)).startsWith("(NIL NIL ").endsWith(" NIL NIL NIL NIL)");
    }

    @Test
    void garbageNeverThrows() {
        byte[][] inputs = {
                new byte[0],
                {0, -1, '\r', '\n', '\r', '\n', -2, 0},
                "\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                "Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\nContent-Type: message/rfc822\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII),
                "Content-Type: message/rfc822\r\n".repeat(500).getBytes(StandardCharsets.US_ASCII),
                "\n\nfoo".getBytes(StandardCharsets.US_ASCII),
        };
        for (byte[] in : inputs) {
            assertThatCode(() -> {
                MimeParts.envelope(in);
                MimeParts.bodyStructure(in, true);
                MimeParts.bodyStructure(in, false);
                MimeParts.section(in, "");
                MimeParts.section(in, "1.2.3.HEADER.FIELDS (A)");
                MimeParts.section(in, "1.MIME");
            }).doesNotThrowAnyException();
        }
        assertThat(MimeParts.bodyStructure(new byte[0], false))
                .isEqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 0 0)");
        assertThat(MimeParts.envelope(new byte[0])).isEqualTo("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)");
    }

    @Test
    void deepNestingIsCut() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append("Content-Type: message/rfc822\r\n\r\n");
        }
        byte[] m = sb.append("end").toString().getBytes(StandardCharsets.US_ASCII);
        assertThatCode(() -> MimeParts.bodyStructure(m, true)).doesNotThrowAnyException();
    }

    // ------------------------------------------------------------------ HEADER.FIELDS and spec syntax

    private static final byte[] FOLDED = msg(
            "Subject: a folded",
            " subject line",
            "X-A: 1",
            "From: x@y.z",
            "x-a: 2",
            "Received: from a",
            "\tby b",
            "",
            "body",
            "");

    @Test
    void headerFieldsKeepFoldedLinesInMessageOrder() {
        assertThat(section(FOLDED, "HEADER.FIELDS (x-a SUBJECT)"))
                .isEqualTo("Subject: a folded\r\n subject line\r\nX-A: 1\r\nx-a: 2\r\n\r\n");
        assertThat(section(FOLDED, "header.fields (\"Received\")")).isEqualTo("Received: from a\r\n\tby b\r\n\r\n");
        assertThat(section(FOLDED, "HEADER.FIELDS.NOT (X-A Subject)"))
                .isEqualTo("From: x@y.z\r\nReceived: from a\r\n\tby b\r\n\r\n");
        assertThat(section(FOLDED, "HEADER.FIELDS (Nope)")).isEqualTo("\r\n");
        assertThat(section(FOLDED, "1.HEADER.FIELDS (X)")).isEmpty();
        assertThat(section(FOLDED, "HEADER")).endsWith("\tby b\r\n\r\n");
        assertThat(section(FOLDED, "TEXT")).isEqualTo("body\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MIME", "0", "1.0", "01", "1.", ".1", "1..2", "FOO", "1.BODY", "HEADER.FIELDS",
            "HEADER.FIELDS ()", "HEADER.FIELDS (A", "HEADER.FIELDS A", "HEADER.FIELDS (\"A)", "TEXT.MIME",
            " HEADER", "HEADER ", "1 ", "1.2.MIMEX", "HEADER.FIELDS.NOT", "1a"})
    void invalidSpecIsIllegalArgument(String spec) {
        assertThatThrownBy(() -> MimeParts.section(SIMPLE, spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid section spec");
    }

    @Test
    void nullSpecIsIllegalArgument() {
        assertThatThrownBy(() -> MimeParts.section(SIMPLE, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
