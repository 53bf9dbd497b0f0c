package io.icesync.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class StoreExceptionTest {
    @Test
    void theReasonIsSaidInWordsWhereJavaGivesOnlyAPath() {
        assertThat(StoreException.of("cannot open the lock file /p/.lock", new AccessDeniedException("/p/.lock")))
                .hasMessage("cannot open the lock file /p/.lock: permission denied");
        assertThat(StoreException.reason(new NoSuchFileException("/p/x"))).isEqualTo("no such file or directory");
        assertThat(StoreException.reason(new FileSystemException("/p/x", null, "Read-only file system")))
                .isEqualTo("read-only file system");
        assertThat(StoreException.reason(new IOException("No space left on device"))).isEqualTo("No space left on device");
        assertThat(StoreException.reason(new IOException())).isEqualTo("IOException");
    }
}
