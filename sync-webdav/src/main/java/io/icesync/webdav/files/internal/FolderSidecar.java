package io.icesync.webdav.files.internal;

import io.icesync.core.store.AtomicFiles;
import com.fasterxml.jackson.core.type.TypeReference;
import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a documents directory cannot say about its files, kept in a hidden JSON file beside them
 * ({@value #FILE}): flags, the server UID a file was downloaded for, and the document's name on
 * the server when the local file had to take another one. Files without an entry have no flags.
 */
public final class FolderSidecar {
    public static final String FILE = ".icesync-items.json";
    private static final TypeReference<TreeMap<String, Meta>> TYPE = new TypeReference<>() {
    };

    /** One file's entry. Public fields for Jackson. */
    public static final class Meta {
        public List<String> flags = new ArrayList<>();
        public List<String> keywords = new ArrayList<>();
        public long uid;
        public String key;

        public Flags flags() {
            List<Flag> f = new ArrayList<>();
            for (String s : flags) {
                f.add(Flag.valueOf(s));
            }
            return Flags.of(f, keywords);
        }

        public void flags(Flags f) {
            flags = new ArrayList<>();
            f.flags().forEach(x -> flags.add(x.name()));
            flags.sort(null);
            keywords = new ArrayList<>(f.keywords());
        }
    }

    private FolderSidecar() {
    }

    public static Map<String, Meta> load(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.exists(f)) {
            return new TreeMap<>();
        }
        try {
            Map<String, Meta> m = RemoteStateFile.JSON.readValue(f.toFile(), TYPE);
            return m == null ? new TreeMap<>() : m;
        } catch (IOException e) {
            throw StoreException.of("cannot read " + f, e);
        }
    }

    public static void save(Path dir, Map<String, Meta> items) {
        try {
            AtomicFiles.write(dir.resolve(FILE), RemoteStateFile.JSON.writeValueAsBytes(items));
        } catch (IOException e) {
            throw StoreException.of("cannot write " + dir.resolve(FILE), e);
        }
    }
}
