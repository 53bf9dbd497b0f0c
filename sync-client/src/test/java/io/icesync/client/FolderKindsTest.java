package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.InvalidSettingException;
import org.junit.jupiter.api.Test;

class FolderKindsTest {
    @Test
    void pathsReadBackAsWrittenEvenWithSlashesAndBackslashesInANames() {
        for (FolderPath p : new FolderPath[] {FolderPath.of("Adressen"), FolderPath.of("Projets", "Été 2026"),
            FolderPath.of("Q1/Q2", "a\\b"), FolderPath.of("\\")}) {
            assertThat(FolderKinds.parsePath(FolderKinds.pathText(p))).isEqualTo(p);
        }
        assertThat(FolderKinds.pathText(FolderPath.of("Q1/Q2", "x"))).isEqualTo("Q1\\/Q2/x");
        assertThat(FolderKinds.parsePath("Projets/Notes")).isEqualTo(FolderPath.of("Projets", "Notes"));
    }

    @Test
    void badPathsAreRefused() {
        assertThatThrownBy(() -> FolderKinds.parsePath("")).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("the root is not a folder");
        assertThatThrownBy(() -> FolderKinds.parsePath("a//b")).hasMessageContaining("a folder name may not be empty");
        assertThatThrownBy(() -> FolderKinds.parsePath("a\\")).hasMessageContaining("a backslash must be followed by / or \\");
    }

    @Test
    void kindsInAnyCaseAndAnUnknownOneListsTheKinds() {
        assertThat(FolderKinds.parseKind("contacts")).isEqualTo(FolderKind.CONTACTS);
        assertThat(FolderKinds.parseKind(" EVENTS ")).isEqualTo(FolderKind.EVENTS);
        assertThat(FolderKinds.kindText(FolderKind.JOURNAL)).isEqualTo("journal");
        assertThatThrownBy(() -> FolderKinds.parseKind("contact")).isInstanceOfSatisfying(InvalidSettingException.class,
                e -> assertThat(e.getMessage()).isEqualTo("kind: \"contact\" is not a folder kind; the kinds are mail, "
                        + "contacts, events, tasks, notes, journal, documents"));
    }
}
