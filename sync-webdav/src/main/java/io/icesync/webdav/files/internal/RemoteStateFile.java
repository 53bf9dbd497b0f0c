package io.icesync.webdav.files.internal;

import io.icesync.core.store.AtomicFiles;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.icesync.core.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The documents store's JSON state file, written atomically (temporary file, fsync, rename, directory fsync). */
public final class RemoteStateFile {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    public RemoteStateFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** The saved state, or an empty one when there is no file yet. */
    public RemoteFilesState load() {
        if (!Files.exists(file)) {
            return new RemoteFilesState();
        }
        try {
            RemoteFilesState s = JSON.readValue(file.toFile(), RemoteFilesState.class);
            return s == null ? new RemoteFilesState() : s;
        } catch (IOException e) {
            throw StoreException.of("cannot read the documents state file " + file, e);
        }
    }

    public void save(RemoteFilesState state) {
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, JSON.writeValueAsBytes(state));
            AtomicFiles.syncDirectory(file.getParent());
        } catch (IOException e) {
            throw StoreException.of("cannot write the documents state file " + file, e);
        }
    }
}
