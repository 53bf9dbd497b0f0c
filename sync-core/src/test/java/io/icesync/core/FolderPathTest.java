package io.icesync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FolderPathTest {
    @Test
    void parsesWithAnySeparatorAndKeepsNonAsciiNames() {
        FolderPath p = FolderPath.parse("Projets.Été 2026", '.');
        assertThat(p.names()).containsExactly("Projets", "Été 2026");
        assertThat(p.toString()).isEqualTo("Projets/Été 2026");
        assertThat(p.parent()).isEqualTo(FolderPath.of("Projets"));
        assertThat(p.name()).isEqualTo("Été 2026");
    }

    @Test
    void rebaseMovesASubtree() {
        FolderPath p = FolderPath.of("A", "B", "C");
        assertThat(p.startsWith(FolderPath.of("A", "B"))).isTrue();
        assertThat(p.startsWith(FolderPath.of("A", "BB"))).isFalse();
        assertThat(p.rebase(FolderPath.of("A"), FolderPath.of("X", "Y"))).isEqualTo(FolderPath.of("X", "Y", "B", "C"));
    }

    @Test
    void rejectsEmptyNames() {
        assertThatThrownBy(() -> FolderPath.parse("A//B", '/')).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void ordersParentsBeforeChildren() {
        assertThat(FolderPath.of("A").compareTo(FolderPath.of("A", "B"))).isNegative();
        assertThat(FolderPath.of("A", "B").compareTo(FolderPath.of("B"))).isNegative();
    }

    @Test
    void anEscapedPathKeepsSlashesAndBackslashesInsideNames() {
        for (FolderPath p : java.util.List.of(FolderPath.of("Projets", "Notes"), FolderPath.of("Q1/Q2", "x"),
                FolderPath.of("a\\b", "c\\/d"), FolderPath.root())) {
            assertThat(FolderPath.parseEscaped(p.escaped())).isEqualTo(p);
        }
        assertThat(FolderPath.of("Q1/Q2", "x").escaped()).isEqualTo("Q1\\/Q2/x");
        assertThatThrownBy(() -> FolderPath.parseEscaped("a\\"))
                .hasMessageContaining("a backslash must be followed by / or \\");
        assertThatThrownBy(() -> FolderPath.parseEscaped("a//b"))
                .hasMessageContaining("a folder name may not be empty");
    }
}
