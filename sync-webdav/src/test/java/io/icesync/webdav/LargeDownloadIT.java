package io.icesync.webdav;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200 MB download in a JVM whose heap is far smaller than the file (the module's pom runs this
 * class alone with -Xmx64m): the body must stream to disk, never sit in memory.
 */
class LargeDownloadIT {
    private static final long SIZE = 200L * 1024 * 1024;

    @TempDir
    Path tmp;

    @Test
    void aFileFarLargerThanTheHeapArrivesWholeAndChecked() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("heap limit of this JVM").isLessThanOrEqualTo(64L * 1024 * 1024);
        Path served = tmp.resolve("served.bin");
        String sha = generate(served);
        Path target = tmp.resolve("downloaded.bin");
        AtomicLong lastReported = new AtomicLong();

        try (DavTestServer server = new DavTestServer(new FileHandler(served, "big"));
                WebDavClient client = WebDavClient.builder(server.base()).build()) {
            Download d = client.download("big.bin", target, DownloadOptions.defaults()
                    .withExpectedSize(SIZE).withExpectedSha256(sha).withListener(p -> lastReported.set(p.bytes())));

            assertThat(d.size()).isEqualTo(SIZE);
            assertThat(d.sha256()).isEqualTo(sha);
        }
        assertThat(Files.size(target)).isEqualTo(SIZE);
        assertThat(DownloadTest.sha256(target)).isEqualTo(sha);
        assertThat(lastReported.get()).isEqualTo(SIZE);
    }

    /** Writes SIZE seeded random bytes to disk one MiB at a time and returns their SHA-256. */
    private static String generate(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        Random random = new Random(200);
        byte[] chunk = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < SIZE; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk);
                md.update(chunk);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
