package io.icesync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sqlite-jdbc is optional: without it the default state store says which artifact to add. */
class SqliteMissingTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultStateStoreWithoutSqliteNamesTheArtifactToAdd() throws Exception {
        URL core = StateStores.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader app = new URLClassLoader(new URL[] {core}, new WithoutSqlite())) {
            Class<?> stores = app.loadClass(StateStores.class.getName());

            Throwable thrown = catchThrowable(() -> stores.getMethod("sqlite", Path.class).invoke(null, dir.resolve("state.db")));

            assertThat(thrown).isInstanceOf(InvocationTargetException.class);
            Throwable cause = thrown.getCause();
            assertThat(cause.getClass().getName()).isEqualTo("io.icesync.core.MissingDependencyException");
            assertThat(cause).hasMessageContaining("state.db").hasMessageContaining("needs org.xerial:sqlite-jdbc")
                    .hasMessageContaining("your own SyncStateStore");
            assertThat(dir.resolve("state.db")).doesNotExist();
        }
    }

    @Test
    void withSqliteTheSameCallOpensTheFile() {
        try (var s = StateStores.sqlite(dir.resolve("state.db"))) {
            assertThat(dir.resolve("state.db")).exists();
        }
    }

    /** The test's class path without SQLite and without sync-core (which the child loader brings). */
    private static final class WithoutSqlite extends ClassLoader {
        WithoutSqlite() {
            super(SqliteMissingTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("org.sqlite.") || name.startsWith("io.icesync.")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }
    }
}
