package io.icesync.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How a rule compares text (F9.3): contains one of several values, a regular expression, starts
 * with, ends with, equals, or contains a value of a named list (the guide's "file/template"); case
 * sensitive or not, whole words or not. Several values mean "any of them" (the guide's {@code ;}).
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record StringTest(Function function, List<String> values, boolean caseSensitive, boolean wholeWord) {
    /** The comparison. */
    public enum Function { CONTAINS, REGEX, STARTS_WITH, ENDS_WITH, EQUALS, IN_LIST }

    public StringTest {
        if (function == null) {
            throw new InvalidRuleException("test", "a string test needs a function (contains, regex, ...)");
        }
        values = values == null ? List.of() : List.copyOf(values);
        if (values.isEmpty() || values.stream().anyMatch(v -> v == null || v.isEmpty())) {
            throw new InvalidRuleException("values", "a " + function.name().toLowerCase(Locale.ROOT)
                    + " test needs at least one non-empty value");
        }
        if (function == Function.REGEX) {
            for (String v : values) {
                try {
                    Pattern.compile(v);
                } catch (PatternSyntaxException e) {
                    throw new InvalidRuleException("values", "'" + v + "' is not a valid regular expression: "
                            + e.getDescription() + " at index " + e.getIndex());
                }
            }
        }
    }

    /** Contains one of the {@code ;}-separated values, as the guide writes them. */
    public static StringTest contains(String semicolonList) {
        return new StringTest(Function.CONTAINS, List.of(semicolonList.split(";")), false, false);
    }

    public static StringTest of(Function f, String... values) {
        return new StringTest(f, List.of(values), false, false);
    }

    public StringTest withCaseSensitive() {
        return new StringTest(function, values, true, wholeWord);
    }

    public StringTest withWholeWord() {
        return new StringTest(function, values, caseSensitive, true);
    }

    /** Whether the text passes; {@code lists} holds the named lists IN_LIST refers to. */
    public boolean matches(String text, Map<String, List<String>> lists) {
        if (text == null) {
            return false;
        }
        List<String> wanted = values;
        if (function == Function.IN_LIST) {
            wanted = values.stream().flatMap(name -> lists.getOrDefault(name, List.of()).stream()).toList();
        }
        for (String v : wanted) {
            if (one(text, v)) {
                return true;
            }
        }
        return false;
    }

    private boolean one(String text, String value) {
        int flags = caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        String core = switch (function) {
            case REGEX -> value;
            case CONTAINS, IN_LIST -> Pattern.quote(value);
            case STARTS_WITH -> "^" + Pattern.quote(value);
            case ENDS_WITH -> Pattern.quote(value) + "$";
            case EQUALS -> "^" + Pattern.quote(value) + "$";
        };
        if (wholeWord && function != Function.REGEX) {
            core = core.replace(Pattern.quote(value), "(?<![\\p{L}\\p{N}_])" + Pattern.quote(value) + "(?![\\p{L}\\p{N}_])");
        }
        return Pattern.compile(core, flags | Pattern.DOTALL).matcher(text.trim()).find();
    }
}
