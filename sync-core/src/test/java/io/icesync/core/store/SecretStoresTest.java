package io.icesync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.StoreException;
import io.icesync.core.spi.SecretStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStoresTest {
    @TempDir
    Path dir;

    @Test
    void fileStoreKeepsSecretsOnlyForItsOwner() throws Exception {
        Path f = dir.resolve("secrets.json");
        SecretStore s = SecretStores.file(f);
        s.put("imap:jean@host:143", "s3cr3t".toCharArray());
        assertThat(SecretStores.file(f).get("imap:jean@host:143")).hasValueSatisfying(v -> assertThat(v).containsExactly("s3cr3t".toCharArray()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        assertThat(s.toString()).doesNotContain("s3cr3t");
        s.remove("imap:jean@host:143");
        assertThat(s.get("imap:jean@host:143")).isEmpty();
    }

    @Test
    void aDamagedFileIsNamedButItsContentIsNotShown() throws Exception {
        Path f = dir.resolve("secrets.json");
        Files.writeString(f, "{ \"k\": \"half-written-secret");
        assertThatThrownBy(() -> SecretStores.file(f).get("k")).isInstanceOf(StoreException.class)
                .hasMessageContaining("secrets.json").satisfies(e -> assertThat(e.getMessage()).doesNotContain("half-written"));
    }

    @Test
    void memoryStoreHandsOutCopies() {
        SecretStore s = SecretStores.inMemory();
        char[] pw = "abc".toCharArray();
        s.put("k", pw);
        pw[0] = 'x';
        assertThat(s.get("k")).hasValueSatisfying(v -> assertThat(new String(v)).isEqualTo("abc"));
    }
}
