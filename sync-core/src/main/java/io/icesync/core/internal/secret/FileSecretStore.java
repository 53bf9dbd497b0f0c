package io.icesync.core.internal.secret;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icesync.core.StoreException;
import io.icesync.core.spi.SecretStore;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Secrets in one JSON file readable only by its owner (0600 where the file system has POSIX
 * permissions), replaced whole on each change. The only file IceSync writes a credential to.
 */
public final class FileSecretStore implements SecretStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public FileSecretStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    private Map<String, String> load() {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() { }));
        } catch (IOException e) {
            // The message names the file only: the content is secret.
            throw new StoreException("cannot read the secret store " + file + " (not a JSON object of strings)", null);
        }
    }

    private void save(Map<String, String> m) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(tmp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("cannot write the secret store " + file, e);
        }
    }

    @Override
    public synchronized Optional<char[]> get(String key) {
        String v = load().get(key);
        return v == null ? Optional.empty() : Optional.of(v.toCharArray());
    }

    @Override
    public synchronized void put(String key, char[] secret) {
        Map<String, String> m = load();
        m.put(key, new String(secret));
        save(m);
    }

    @Override
    public synchronized void remove(String key) {
        Map<String, String> m = load();
        if (m.remove(key) != null) {
            save(m);
        }
    }

    @Override
    public String toString() {
        return "FileSecretStore[" + file + "]";
    }
}
