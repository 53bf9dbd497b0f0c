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
    public enum Function {
        /** The text contains a value. */
        CONTAINS,
        /** A regular expression (Java syntax) finds a match in the text. */
        REGEX,
        /** The text starts with a value. */
        STARTS_WITH,
        /** The text ends with a value. */
        ENDS_WITH,
        /** The text is a value. */
        EQUALS,
        /** The text contains a value of the named list the values give. */
        IN_LIST
    }

    /**
     * Checks the test and copies its values.
     *
     * @param function      how the text is compared
     * @param values        the values, any of which may match; at least one, none empty (regular expressions for REGEX)
     * @param caseSensitive whether case matters
     * @param wholeWord     whether a value must match whole words
     * @throws InvalidRuleException when the function is missing, a value is empty, or a regular expression does not compile
     */
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

    /**
     * Contains one of the {@code ;}-separated values, as the guide writes them; case-insensitive.
     *
     * @param semicolonList the values separated by {@code ;}
     * @return the test
     */
    public static StringTest contains(String semicolonList) {
        return new StringTest(Function.CONTAINS, List.of(semicolonList.split(";")), false, false);
    }

    /**
     * A case-insensitive test on parts of words.
     *
     * @param f      how the text is compared
     * @param values the values, any of which may match
     * @return the test
     * @throws InvalidRuleException as the constructor
     */
    public static StringTest of(Function f, String... values) {
        return new StringTest(f, List.of(values), false, false);
    }

    /** {@return this test with case mattering} */
    public StringTest withCaseSensitive() {
        return new StringTest(function, values, true, wholeWord);
    }

    /** {@return this test matching whole words only} */
    public StringTest withWholeWord() {
        return new StringTest(function, values, caseSensitive, true);
    }

    /**
     * Whether the text passes; {@code lists} holds the named lists IN_LIST refers to.
     *
     * @param text  the header, body or address tested; null never matches
     * @param lists the rule set's named lists
     * @return whether a value matches
     */
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
