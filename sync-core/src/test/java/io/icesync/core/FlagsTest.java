package io.icesync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FlagsTest {
    @Test
    void mergeAppliesWhatEachSideChangedSinceTheBase() {
        Flags base = Flags.of(Flag.SEEN).withKeyword("$label1");
        Flags local = Flags.of(Flag.SEEN, Flag.FLAGGED).withKeyword("$label1");   // + Flagged
        Flags remote = Flags.NONE.withKeyword("$label1").withKeyword("Projet_X");  // - Seen, + Projet_X
        assertThat(Flags.merge(base, local, remote))
                .isEqualTo(Flags.of(Flag.FLAGGED).withKeyword("$label1").withKeyword("Projet_X"));
    }

    @Test
    void mergeOfARemovalOnBothSidesRemoves() {
        Flags base = Flags.NONE.withKeyword("x");
        assertThat(Flags.merge(base, Flags.NONE, Flags.NONE)).isEqualTo(Flags.NONE);
    }

    @Test
    void keywordsAreCaseSensitiveAndValidated() {
        assertThat(Flags.NONE.withKeyword("Work")).isNotEqualTo(Flags.NONE.withKeyword("work"));
        assertThatThrownBy(() -> Flags.NONE.withKeyword("two words")).hasMessageContaining("two words");
        assertThatThrownBy(() -> Flags.NONE.withKeyword("\\Seen")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsLikeImap() {
        assertThat(Flags.of(Flag.SEEN, Flag.FLAGGED).withKeyword("$Completed").toString())
                .isEqualTo("(\\Flagged \\Seen $Completed)");
    }
}
