package io.icesync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.icesync.core.StoreException;
import io.icesync.core.spi.SecretStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStoresTest {
    private static final String SECRET = "s3cr3t-Pässwörd";

    @TempDir
    Path dir;

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static String permissions(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    // --- file

    @Test
    void aSavedPasswordIsReadBackByAnotherStoreOnTheSameFile() {
        Path f = dir.resolve("profile/secrets.json");
        SecretStore s = SecretStores.file(f);
        assertThat(s.get("imap:jean@host:143")).isEmpty();
        s.put("imap:jean@host:143", SECRET.toCharArray());
        s.put("smtp:jean@host:587", "other".toCharArray());

        SecretStore again = SecretStores.file(f);
        assertThat(again.get("imap:jean@host:143")).hasValueSatisfying(v -> assertThat(new String(v)).isEqualTo(SECRET));
        assertThat(again.get("smtp:jean@host:587")).hasValueSatisfying(v -> assertThat(new String(v)).isEqualTo("other"));

        again.remove("imap:jean@host:143");
        again.remove("never-stored");
        assertThat(s.get("imap:jean@host:143")).isEmpty();
        assertThat(s.get("smtp:jean@host:587")).isPresent();
    }

    @Test
    void theFileIsReadableByItsOwnerOnly() throws Exception {
        Path f = dir.resolve("secrets.json");
        assumeTrue(posix(f), "POSIX permissions");
        SecretStores.file(f).put("k", SECRET.toCharArray());
        assertThat(permissions(f)).isEqualTo("rw-------");
        SecretStores.file(f).put("k2", "x".toCharArray());
        assertThat(permissions(f)).isEqualTo("rw-------");
    }

    @Test
    void aFileWithLooserPermissionsIsClosedBeforeUse() throws Exception {
        Path f = dir.resolve("secrets.json");
        assumeTrue(posix(f), "POSIX permissions");
        Files.writeString(f, "{\"k\":\"v\"}");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(SecretStores.file(f).get("k")).isPresent();
        assertThat(permissions(f)).isEqualTo("rw-------");
    }

    @Test
    void eachChangeReplacesTheFileWholeAndLeavesNoTemporaryFile() throws Exception {
        Path f = dir.resolve("secrets.json");
        SecretStore s = SecretStores.file(f);
        for (int i = 0; i < 20; i++) {
            s.put("k" + i, ("secret" + i).toCharArray());
        }
        s.remove("k0");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
        assertThat(Files.readString(f)).startsWith("{").endsWith("}").doesNotContain("secret0");
        assertThat(SecretStores.file(f).get("k19")).isPresent();
    }

    @Test
    void aFileWrittenByEarlierVersionsIsRead() throws Exception {
        Path f = dir.resolve("secrets.json");
        Files.writeString(f, "{\n  \"imap:jean@host:143\" : \"" + SECRET + "\"\n}", StandardCharsets.UTF_8);
        assertThat(SecretStores.file(f).get("imap:jean@host:143"))
                .hasValueSatisfying(v -> assertThat(new String(v)).isEqualTo(SECRET));
    }

    @Test
    void aDamagedFileIsNamedButItsContentIsNotShown() throws Exception {
        Path f = dir.resolve("secrets.json");
        Files.writeString(f, "{ \"k\": \"half-written-secret");
        assertThatThrownBy(() -> SecretStores.file(f).get("k")).isInstanceOf(StoreException.class)
                .hasMessageContaining(f.toString()).hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("half-written"));
        assertThat(Files.readString(f)).as("left for the user to inspect").contains("half-written");
    }

    @Test
    void aFailedWriteNamesTheFileAndNotTheSecret() throws Exception {
        Path f = dir.resolve("secrets.json");
        Files.createDirectory(f); // a folder where the file should be: the move over it fails
        SecretStore s = SecretStores.file(f);
        assertThatThrownBy(() -> s.put("k", SECRET.toCharArray())).isInstanceOf(StoreException.class)
                .hasMessageContaining(f.toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file holding the secret is left").containsExactly(f);
        }
    }

    @Test
    void toStringNeverShowsASecret() {
        SecretStore file = SecretStores.file(dir.resolve("secrets.json"));
        SecretStore memory = SecretStores.inMemory();
        file.put("k", SECRET.toCharArray());
        memory.put("k", SECRET.toCharArray());
        assertThat(file.toString()).contains("secrets.json").doesNotContain(SECRET);
        assertThat(memory.toString()).doesNotContain(SECRET);
    }

    @Test
    void theCallersArrayAndTheStoredSecretAreIndependent() {
        for (SecretStore s : new SecretStore[] {SecretStores.inMemory(), SecretStores.file(dir.resolve("s.json"))}) {
            char[] pw = "abc".toCharArray();
            s.put("k", pw);
            pw[0] = 'x';
            char[] got = s.get("k").orElseThrow();
            assertThat(new String(got)).as(s.toString()).isEqualTo("abc");
            got[1] = 'y';
            assertThat(new String(s.get("k").orElseThrow())).as(s.toString()).isEqualTo("abc");
        }
    }

    // --- memory

    @Test
    void theMemoryStoreForgetsWhatIsRemoved() {
        SecretStore s = SecretStores.inMemory();
        s.put("k", SECRET.toCharArray());
        s.put("k", "new".toCharArray());
        assertThat(s.get("k")).hasValueSatisfying(v -> assertThat(new String(v)).isEqualTo("new"));
        s.remove("k");
        assertThat(s.get("k")).isEmpty();
        s.remove("k");
    }
}
