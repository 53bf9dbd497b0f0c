package io.icesync.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PosixRegexTest {
    @ParameterizedTest
    @CsvSource(delimiter = '=', quoteCharacter = '\'', value = {
        "Sat|Sun                 = Sat|Sun",
        "^INV-\\d+$              = ^INV-[0-9]+$",
        "\\bfoo\\b               = (^|[^[:alnum:]_])foo([^[:alnum:]_]|$)",
        "(\\bx|y\\b)             = ((^|[^[:alnum:]_])x|y([^[:alnum:]_]|$))",
        "a\\s+b\\S\\w\\W\\D      = a[[:space:]]+b[^[:space:]][[:alnum:]_][^[:alnum:]_][^0-9]",
        "(?:ab)+?c*?             = (ab)+c*",
        "\\Qa.b*\\E.             = a\\.b\\*.",
        "\\.\\$\\(               = \\.\\$\\(",
        "[\\d\\-a-f]             = [0-9a-f-]",
        "[\\]x]                  = []x]",
        "[^^a]                   = [^a^]",
        "[\\w.]+@                = [[:alnum:]_.]+@",
        "x{2,3}y{4}              = x{2,3}y{4}",
        "a{b                     = a\\{b",
    })
    void translatesWhatEreCanSay(String java, String ere) {
        PosixRegex.Result r = PosixRegex.translate(java);
        assertThat(r.refused()).isNull();
        assertThat(r.ere()).isEqualTo(ere);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x(?=y)        | look-around",
        "(?i)abc       | inline flag",
        "(a)\\1        | '\\1' has no POSIX form",
        "a\\bb         | '\\b' inside a pattern",
        "a*+           | possessive",
        "\\p{L}+       | '\\p' has no POSIX form",
        "[a-z&&[^q]]   | intersections",
        "[\\D]         | in a character class",
    })
    void refusesWhatEreCannotSayWithAReason(String java, String reason) {
        PosixRegex.Result r = PosixRegex.translate(java);
        assertThat(r.ok()).isFalse();
        assertThat(r.refused()).contains(reason);
    }

    @Test
    void aLoneCaretClassIsALiteralCaret() {
        assertThat(PosixRegex.translate("a[\\^]b").ere()).isEqualTo("a\\^b");
    }
}
