package io.icesync.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RulesJsonTest {
    static final Path EXAMPLE = Path.of("..", "docs", "rules-example.json");

    @Test
    void theDocumentedExampleReadsAndRoundTripsUnchanged() throws Exception {
        RuleSet set = RulesJson.read(Files.readString(EXAMPLE), EXAMPLE.toString());
        assertThat(set.rules()).hasSize(2);
        assertThat(((Condition.AnyOf) set.rules().get(1).when()).conditions()).hasSize(24);
        assertThat(set.rules().get(1).then()).hasSize(14);
        assertThat(set.responder().mode()).isEqualTo(AutoResponder.Mode.AGAIN_AFTER_DAYS);
        String written = RulesJson.write(set);
        assertThat(RulesJson.read(written, "again")).isEqualTo(set);
        assertThat(RulesJson.write(RulesJson.read(written, "again"))).isEqualTo(written);
    }

    @Test
    void mistakesNameTheirPlace() {
        assertThatThrownBy(() -> RulesJson.read("{\"rules\": []}", "r.json")).hasMessageContaining("format");
        assertThatThrownBy(() -> RulesJson.read("{\"format\": 9, \"rules\": []}", "r.json")).hasMessageContaining("format 9");
        String badRegex = "{\"format\":1,\"rules\":[{\"name\":\"x\",\"enabled\":true,\"when\":{\"if\":\"header\",\"field\":\"SUBJECT\","
                + "\"test\":{\"function\":\"REGEX\",\"values\":[\"(\"]}},\"then\":[{\"do\":\"stop\"}]}]}";
        assertThatThrownBy(() -> RulesJson.read(badRegex, "r.json")).isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("r.json: rules[0].when.test").hasMessageContaining("not a valid regular expression");
        String unknownKind = "{\"format\":1,\"rules\":[{\"name\":\"x\",\"enabled\":true,\"when\":{\"if\":\"moonPhase\"},"
                + "\"then\":[{\"do\":\"stop\"}]}]}";
        assertThatThrownBy(() -> RulesJson.read(unknownKind, "r.json")).hasMessageContaining("rules[0].when")
                .hasMessageContaining("moonPhase");
        String emptyFolder = "{\"format\":1,\"rules\":[{\"name\":\"x\",\"enabled\":true,\"when\":{\"if\":\"all\"},"
                + "\"then\":[{\"do\":\"moveTo\",\"folder\":\"\"}]}]}";
        assertThatThrownBy(() -> RulesJson.read(emptyFolder, "r.json")).hasMessageContaining("rules[0].then[0]")
                .hasMessageContaining("target folder is empty");
        assertThatThrownBy(() -> RulesJson.read("{\"format\":1,\"colour\":1}", "r.json")).hasMessageContaining("colour");
        assertThatThrownBy(() -> RulesJson.read("{not json", "r.json")).hasMessageContaining("not JSON");
    }

    @Test
    void everyExampleInTheFormatDocumentIsValid() throws Exception {
        int n = 0;
        for (String line : Files.readAllLines(Path.of("..", "docs", "rules-format.md"))) {
            if (!line.startsWith("| `") || !line.endsWith("}` |")) {
                continue;
            }
            String json = line.substring(line.lastIndexOf(" | `") + 4, line.length() - 3).replace("\\|", "|");
            String rule = json.startsWith("{\"if\"")
                    ? "{\"name\":\"t\",\"when\":" + json + ",\"then\":[{\"do\":\"stop\"}]}"
                    : "{\"name\":\"t\",\"when\":{\"if\":\"all\"},\"then\":[" + json + "]}";
            RulesJson.read("{\"format\":1,\"rules\":[" + rule + "]}", "rules-format.md: " + json);
            n++;
        }
        assertThat(n).as("examples found in the document").isGreaterThanOrEqualTo(24 + 14);
    }
}
