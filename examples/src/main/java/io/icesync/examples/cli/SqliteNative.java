package io.icesync.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * sqlite-jdbc copies its native library out of the jar at every start and compares it byte by byte
 * (a tenth of a second of each short run). The CLI keeps one copy per version in the user's cache
 * folder and points sqlite-jdbc at it; on any trouble sqlite-jdbc does as it always does. The folder is
 * named from the JVM's os.name and os.arch, so that a start with the copy in place runs no process:
 * sqlite-jdbc's own platform check starts {@code uname -o} (twice) to tell Android from Linux.
 */
final class SqliteNative {
    private SqliteNative() {
    }

    static void useCachedCopy() {
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        try {
            String name = System.mapLibraryName("sqlitejdbc");
            String cacheHome = System.getenv("XDG_CACHE_HOME");
            Path base = cacheHome != null && !cacheHome.isBlank() ? Paths.get(cacheHome)
                    : Paths.get(System.getProperty("user.home"), ".cache");
            Path dir = base.resolve("icesync").resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-"
                    + (System.getProperty("os.name") + "-" + System.getProperty("os.arch")).replaceAll("[^A-Za-z0-9_.]", "_"));
            Path lib = dir.resolve(name);
            if (!Files.isRegularFile(lib)) {
                String resource = "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
                try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        return;
                    }
                    Files.createDirectories(dir);
                    Path tmp = Files.createTempFile(dir, name, ".tmp");
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (IOException | RuntimeException | LinkageError e) {
            // Read-only home, odd platform: the library's own extraction still works.
        }
    }
}
