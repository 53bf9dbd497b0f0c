package io.icesync.webdav.dav.internal;

import io.icesync.core.store.AtomicFiles;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.icesync.core.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The store's JSON state file. Written whole to a temporary file beside it, synced, renamed over
 * it and the directory synced: after a crash the file is the old one or the new one, never a mix.
 */
public final class StateFile {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    public StateFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path path() {
        return file;
    }

    /** The saved state, or an empty one when there is no file yet. */
    public StoreState load() {
        if (!Files.exists(file)) {
            return new StoreState();
        }
        try {
            StoreState s = JSON.readValue(file.toFile(), StoreState.class);
            return s == null ? new StoreState() : s;
        } catch (IOException e) {
            throw StoreException.of("cannot read the CalDAV/CardDAV state file " + file, e);
        }
    }

    public void save(StoreState state) {
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(state));
        } catch (IOException e) {
            throw StoreException.of("cannot write the CalDAV/CardDAV state file " + file, e);
        } catch (StoreException e) {
            throw StoreException.of("cannot write the CalDAV/CardDAV state file " + file, (IOException) e.getCause());
        }
    }
}
