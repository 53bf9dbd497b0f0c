package io.icesync.core.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icesync.core.StoreException;
import io.icesync.core.spi.SecretStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets in one JSON object of strings, readable only by its owner (0600 where the file system
 * has POSIX permissions; elsewhere the folder's own protection applies). Each change writes a
 * new file beside it, fsyncs it and moves it over the old one, so a crash leaves the old file or
 * the new one, never half of one. Read on every call, so a password saved by another process
 * (the CLI) is seen at once. Nothing here logs or reports a secret: messages name the file only.
 */
final class FileSecretStore implements SecretStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileSecretStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() { };
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final boolean posix;

    FileSecretStore(Path file) {
        this.file = file.toAbsolutePath();
        this.posix = this.file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public synchronized Optional<char[]> get(String key) {
        Objects.requireNonNull(key, "key");
        String v = load().get(key);
        return v == null ? Optional.empty() : Optional.of(v.toCharArray());
    }

    @Override
    public synchronized void put(String key, char[] secret) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
        Map<String, String> m = load();
        m.put(key, new String(secret));
        save(m);
    }

    @Override
    public synchronized void remove(String key) {
        Objects.requireNonNull(key, "key");
        Map<String, String> m = load();
        if (m.remove(key) != null) {
            save(m);
        }
    }

    private Map<String, String> load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        } catch (IOException e) {
            throw new StoreException("cannot read the secret store " + file + " (" + e.getClass().getSimpleName() + ")", e);
        }
        tightenPermissions();
        try {
            Map<String, String> m = JSON.readValue(bytes, MAP);
            return m == null ? new TreeMap<>() : new TreeMap<>(m);
        } catch (IOException e) {
            // No cause and no parser message: both can quote the file's content, which is secret.
            throw new StoreException("cannot read the secret store " + file + ": it is not a JSON object of strings",
                    null);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** A file copied in with looser permissions is closed again before it is trusted with more secrets. */
    private void tightenPermissions() {
        if (!posix) {
            return;
        }
        try {
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(now)) {
                LOG.warn("secret store {} was readable by others ({}): set to rw-------", file,
                        PosixFilePermissions.toString(now));
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("secret store {}: cannot check or set its permissions ({})", file, e.getMessage());
        }
    }

    private void save(Map<String, String> m) {
        byte[] bytes = null;
        try {
            bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
            // Created with its final permissions: the secret is never in a file others may read.
            AtomicFiles.writeOwnerOnly(file, bytes);
        } catch (IOException e) {
            throw new StoreException("cannot write the secret store " + file + " (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")", e);
        } catch (StoreException e) {
            IOException cause = (IOException) e.getCause();
            throw new StoreException("cannot write the secret store " + file + " (" + cause.getClass().getSimpleName()
                    + ": " + cause.getMessage() + ")", cause);
        } finally {
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }

    @Override
    public String toString() {
        return "FileSecretStore[" + file + "]";
    }
}
