package io.icesync.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FolderKindTest {
    @Test
    void iceWarpsDefaultNamesGiveTheirKindAtTheTopLevelInAnyCase() {
        assertThat(FolderKind.defaultNames()).containsEntry("Calendrier", FolderKind.EVENTS)
                .containsEntry("Tâches", FolderKind.TASKS).containsEntry("Contacts", FolderKind.CONTACTS);
        FolderKind.defaultNames().forEach((name, kind) -> {
            assertThat(FolderKind.ofDefaultName(FolderPath.of(name))).as(name).isEqualTo(kind);
            assertThat(FolderKind.ofDefaultName(FolderPath.of(name.toUpperCase(java.util.Locale.ROOT)))).as(name).isEqualTo(kind);
            assertThat(FolderKind.ofDefaultName(FolderPath.of("Projets", name))).as("a sub-folder " + name).isNull();
        });
        assertThat(FolderKind.ofDefaultName(FolderPath.of("INBOX"))).isNull();
        assertThat(FolderKind.ofKolabType("event.default")).isEqualTo(FolderKind.EVENTS);
    }
}
