package io.icesync.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeleteGuardTest {
    final DeleteGuard guard = DeleteGuard.defaults();

    @Test
    void foldersTripAtTheMinimumAndOverTheShareOrWhenEveryFolderGoes() {
        assertThat(guard.tooManyFolders(2, 3)).as("two of three, under the minimum").isFalse();
        assertThat(guard.tooManyFolders(3, 6)).as("three of six: half, not more").isFalse();
        assertThat(guard.tooManyFolders(3, 5)).isTrue();
        assertThat(guard.tooManyFolders(2, 2)).as("every synced folder").isTrue();
        assertThat(guard.tooManyFolders(1, 1)).as("one folder is not a tree").isFalse();
        assertThat(guard.tooManyFolders(0, 10)).isFalse();
    }

    @Test
    void itemsTripAtTheMinimumAndOverTheShareOrWhenAFolderIsEmptied() {
        assertThat(guard.tooManyItems(49, 50)).as("under the minimum, not all").isFalse();
        assertThat(guard.tooManyItems(50, 99)).isTrue();
        assertThat(guard.tooManyItems(50, 100)).as("half, not more").isFalse();
        assertThat(guard.tooManyItems(5, 5)).as("a folder of five emptied").isTrue();
        assertThat(guard.tooManyItems(4, 4)).isFalse();
        assertThat(guard.tooManyItems(1, 1)).as("the last message of a folder").isFalse();
    }

    @Test
    void offNeverTripsAndSettingsAreChecked() {
        assertThat(DeleteGuard.off().tooManyFolders(100, 100)).isFalse();
        assertThat(DeleteGuard.off().tooManyItems(10_000, 10_000)).isFalse();
        DeleteGuard strict = guard.withItems(1, 0.0).withFolders(1, 0.0).withEmptiedFolderMinimum(1);
        assertThat(strict.tooManyItems(1, 1000)).isTrue();
        assertThat(strict.tooManyFolders(1, 1000)).isTrue();
        assertThatThrownBy(() -> guard.withItems(0, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minimums");
        assertThatThrownBy(() -> guard.withFolders(3, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shares");
        assertThatThrownBy(() -> guard.withFolders(3, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
