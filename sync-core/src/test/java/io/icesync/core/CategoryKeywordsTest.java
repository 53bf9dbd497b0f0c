package io.icesync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryKeywordsTest {

    @Test
    void aNameThatIsAnAtomIsItsOwnKeyword() {
        assertThat(CategoryKeywords.keyword("Work")).isEqualTo("Work");
        assertThat(CategoryKeywords.keyword("a+b,c")).isEqualTo("a+b,c");
        assertThat(CategoryKeywords.name("Work")).contains("Work");
    }

    @Test
    void otherCharactersGoInAModifiedUtf7Shift() {
        assertThat(CategoryKeywords.keyword("Red Category")).isEqualTo("Red&ACA-Category");
        assertThat(CategoryKeywords.keyword("Projet été")).isEqualTo("Projet&ACAA6Q-t&AOk-");
        assertThat(CategoryKeywords.keyword("R&D")).isEqualTo("R&-D");
        assertThat(CategoryKeywords.keyword("日本")).isEqualTo("&ZeVnLA-");
    }

    @Test
    void everyNameComesBackFromItsKeywordAndTheKeywordIsValidImap() {
        for (String n : List.of("Work", "Red Category", "Projet été", "R&D", "&", "&-", "a (b) {c} %d *e \"f\" \\g ]h",
                "日本", "emoji 😀", "$label1", "Junk", "junk", "  padded  ", "a/b", "+,-.")) {
            String k = CategoryKeywords.keyword(n);
            Flags.checkKeyword(k);
            assertThat(CategoryKeywords.name(k)).as(n + " -> " + k).contains(n);
        }
    }

    @Test
    void stateKeywordsAreNotCategories() {
        for (String k : List.of("$Forwarded", "$MDNSent", "$Completed", "$label1", "Junk", "NonJunk", "$Junk", "NotJunk")) {
            assertThat(CategoryKeywords.name(k)).as(k).isEmpty();
            assertThat(CategoryKeywords.isCategory(k)).isFalse();
        }
        assertThat(CategoryKeywords.keyword("$label1")).doesNotStartWith("$");
        assertThat(CategoryKeywords.keyword("Junk")).isNotEqualToIgnoringCase("Junk");
    }

    @Test
    void aKeywordThatIsNotValidModifiedUtf7IsTakenAsItIs() {
        assertThat(CategoryKeywords.name("a&b")).contains("a&b");
        assertThat(CategoryKeywords.name("&@@@-")).contains("&@@@-");
    }

    @Test
    void flagsGiveAndTakeTheirCategoriesKeepingStateKeywords() {
        Flags f = Flags.of(List.of(Flag.SEEN), List.of("$Forwarded", "Old", "Red&ACA-Category"));
        assertThat(CategoryKeywords.names(f)).containsExactly("Old", "Red Category");

        Flags g = CategoryKeywords.withNames(f, List.of("Projet été", "Work"));
        assertThat(g.flags()).containsExactly(Flag.SEEN);
        assertThat(g.keywords()).containsExactlyInAnyOrder("$Forwarded", "Projet&ACAA6Q-t&AOk-", "Work");
        assertThat(CategoryKeywords.names(g)).containsExactly("Projet été", "Work");
    }

    @Test
    void aBlankNameIsRefused() {
        assertThatThrownBy(() -> CategoryKeywords.keyword(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
