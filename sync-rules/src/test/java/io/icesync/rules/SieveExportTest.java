package io.icesync.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SieveExportTest {
    @Test
    void writesTheSieveOfEachRuleAndSaysWhatItLeavesOut() {
        RuleSet set = RuleSet.empty()
                .add(new Rule("a", true, new Condition.AllOf(List.of(
                        new Condition.Header(Condition.Field.FROM, StringTest.of(StringTest.Function.ENDS_WITH, "@partner.example")),
                        new Condition.Not(new Condition.Size(Condition.Comparison.MORE_THAN, 2, Condition.Unit.MB)),
                        new Condition.LocalTimeIs(Set.of(DayOfWeek.MONDAY), LocalTime.of(8, 0), LocalTime.of(18, 0)))),
                        List.of(new Action.CopyTo("Archive"), new Action.SetFlags(List.of("\\Seen")), new Action.Stop())))
                .add(new Rule("b", true, new Condition.InDnsbl(), List.of(new Action.Quarantine())))
                .add(new Rule("c", false, new Condition.AllMessages(), List.of(new Action.Delete())));
        SieveExport.Result r = SieveExport.export(set);
        assertThat(r.script()).contains("require [\"copy\", \"date\", \"fileinto\", \"imap4flags\", \"relational\"];",
                "if allof(anyof(header :matches \"from\" \"*@partner.example\", address :all :matches \"from\" "
                        + "\"*@partner.example\"), not size :over 2097152, allof(currentdate :is "
                        + "\"weekday\" [\"1\"], allof(currentdate :value \"ge\" \"time\" \"08:00:00\", currentdate :value \"le\" "
                        + "\"time\" \"18:00:00\"))) {\n  addflag \"\\\\Seen\";\n  fileinto :copy \"Archive\";\n  stop;\n}",
                "# rule: c\n# (disabled)");
        assertThat(r.unsupported()).containsExactly(
                "b: condition inDnsbl cannot be written in Sieve; the rule tests 'false' in its place",
                "b: action quarantine cannot be written in Sieve; left out");
        assertThat(SieveExport.read(r.script())).isEqualTo(set);
    }

    @Test
    void listsAreWrittenWithTheirValuesAndEmptyListsSayWhy() {
        RuleSet set = RuleSet.empty().withList("partners", List.of("@partner.example", "billing@"))
                .add(new Rule("p", true, new Condition.Header(Condition.Field.SUBJECT,
                        StringTest.of(StringTest.Function.IN_LIST, "partners")), List.of(new Action.Stop())))
                .add(new Rule("q", true, new Condition.Header(Condition.Field.SUBJECT,
                        StringTest.of(StringTest.Function.IN_LIST, "nobody")), List.of(new Action.Stop())));
        SieveExport.Result r = SieveExport.export(set);
        assertThat(r.script()).contains("if header :contains \"subject\" [\"@partner.example\", \"billing@\"] {")
                .doesNotContain("\"partners\"]").contains("# rule: q\nif false {");
        assertThat(r.unsupported()).contains("q: the lists [nobody] are empty or missing; the test is 'false'");
    }

    @Test
    void attachmentsAreTestedWithMimeAndRegexesAreWrittenInPosixSyntax() {
        RuleSet set = RuleSet.empty()
                .add(new Rule("pdf", true, new Condition.AttachmentName(StringTest.of(StringTest.Function.ENDS_WITH, ".pdf")),
                        List.of(new Action.Stop())))
                .add(new Rule("any", true, new Condition.HasAttachment(), List.of(new Action.Stop())))
                .add(new Rule("re", true, new Condition.Header(Condition.Field.SUBJECT,
                        StringTest.of(StringTest.Function.REGEX, "\\bINV-\\d{4}\\b")), List.of(new Action.Stop())))
                .add(new Rule("look", true, new Condition.Header(Condition.Field.SUBJECT,
                        StringTest.of(StringTest.Function.REGEX, "(?i)x(?=y)")), List.of(new Action.Stop())));
        SieveExport.Result r = SieveExport.export(set, Set.of("mime", "regex"));
        assertThat(r.script()).contains("require [\"mime\", \"regex\"];",
                "if anyof(header :mime :anychild :param \"filename\" :matches \"content-disposition\" \"*.pdf\", "
                        + "header :mime :anychild :param \"name\" :matches \"content-type\" \"*.pdf\") {",
                "header :mime :anychild :matches \"content-disposition\" \"attachment*\"",
                "if header :regex \"subject\" \"(^|[^[:alnum:]_])INV-[0-9]{4}([^[:alnum:]_]|$)\" {");
        assertThat(r.unsupported()).singleElement().asString().startsWith("look: the regular expression '(?i)x(?=y)'");
        assertThat(SieveExport.export(set, Set.of("regex")).unsupported())
                .anySatisfy(u -> assertThat(u).contains("'mime', which the server does not offer"));
    }

    @Test
    void aScriptIceSyncDidNotWriteIsNotGuessedAt() {
        assertThatThrownBy(() -> SieveExport.read("require \"fileinto\";\nfileinto \"x\";\n"))
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("not written by IceSync");
    }
}
