package io.icesync.webdav;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * What a download checks and reports. Immutable: each {@code with...} returns a copy.
 *
 * @param expectedSize   the size the file must have, or -1 to accept what the server sends
 * @param expectedSha256 the SHA-256 (hex, any case) the file must have, or null
 * @param listener       told the progress after each chunk written; never null
 * @param retries        how many times a broken transfer is resumed within one call before giving up
 */
public record DownloadOptions(long expectedSize, String expectedSha256, Consumer<Progress> listener, int retries) {
    private static final Consumer<Progress> SILENT = p -> { };

    /**
     * Checks the options; a null listener hears nothing.
     *
     * @param expectedSize   the size the file must have, or -1 to accept what the server sends
     * @param expectedSha256 the SHA-256 (hex, any case) the file must have, or null
     * @param listener       told the progress after each chunk written; null for none
     * @param retries        how many times a broken transfer is resumed within one call, 0 or more
     * @throws IllegalArgumentException for a size below -1, a hash that is not 64 hex digits, or negative retries
     */
    public DownloadOptions {
        if (expectedSize < -1) {
            throw new IllegalArgumentException("expectedSize must be -1 (unknown) or a size, not " + expectedSize);
        }
        if (expectedSha256 != null) {
            expectedSha256 = expectedSha256.toLowerCase(Locale.ROOT);
            if (!expectedSha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("expectedSha256 must be 64 hex digits");
            }
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more, not " + retries);
        }
        listener = listener == null ? SILENT : listener;
    }

    /** {@return options with no checks, no listener and two resumes after a broken connection} */
    public static DownloadOptions defaults() {
        return new DownloadOptions(-1, null, SILENT, 2);
    }

    /**
     * @param size the size in bytes the file must have, or -1 for any
     * @return these options with that size
     */
    public DownloadOptions withExpectedSize(long size) {
        return new DownloadOptions(size, expectedSha256, listener, retries);
    }

    /**
     * @param sha256 the SHA-256 the file must have (64 hex digits, any case), or null for any
     * @return these options with that hash
     */
    public DownloadOptions withExpectedSha256(String sha256) {
        return new DownloadOptions(expectedSize, sha256, listener, retries);
    }

    /**
     * @param progress told the progress after each chunk written; null for none
     * @return these options with that listener
     */
    public DownloadOptions withListener(Consumer<Progress> progress) {
        return new DownloadOptions(expectedSize, expectedSha256, progress, retries);
    }

    /**
     * @param count how many times a broken transfer is resumed within one call, 0 or more
     * @return these options with that count
     */
    public DownloadOptions withRetries(int count) {
        return new DownloadOptions(expectedSize, expectedSha256, listener, count);
    }
}
