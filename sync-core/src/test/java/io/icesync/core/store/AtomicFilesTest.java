package io.icesync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.StoreException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheWholeFileAndLeavesNoTemporaryFile() throws IOException {
        Path f = dir.resolve("sub/state.json");
        AtomicFiles.writeString(f, "old");
        AtomicFiles.writeString(f, "new");
        assertThat(Files.readString(f)).isEqualTo("new");
        try (Stream<Path> files = Files.list(f.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("state.json");
        }
    }

    @Test
    void streamsAndCounts() throws IOException {
        Path f = dir.resolve("big.bin");
        byte[] data = new byte[300_000];
        assertThat(AtomicFiles.write(f, new ByteArrayInputStream(data))).isEqualTo(data.length);
        assertThat(Files.size(f)).isEqualTo(data.length);
    }

    @Test
    void hiddenThenPublished() throws IOException {
        Path hidden = AtomicFiles.writeHidden(dir, new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)));
        assertThat(hidden.getFileName().toString()).startsWith(AtomicFiles.TEMP_PREFIX);
        AtomicFiles.publish(hidden, dir.resolve("x.txt"));
        AtomicFiles.syncDirectory(dir);
        assertThat(Files.readString(dir.resolve("x.txt"))).isEqualTo("x");
        assertThat(hidden).doesNotExist();
    }

    @Test
    void ownerOnlyWhereThereArePermissions() throws IOException {
        Path f = dir.resolve("secrets.json");
        AtomicFiles.writeOwnerOnly(f, new byte[] {1});
        if (Files.getFileStore(f).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        }
    }

    @Test
    void aFailureSaysWhyAndLeavesNothing() throws IOException {
        Path taken = dir.resolve("dir");
        Files.createDirectories(taken.resolve("child"));
        assertThatThrownBy(() -> AtomicFiles.writeString(taken, "x"))
                .isInstanceOf(StoreException.class).hasMessageContaining("cannot write " + taken);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("dir");
        }
    }
}
