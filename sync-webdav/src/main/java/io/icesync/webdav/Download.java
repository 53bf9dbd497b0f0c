package io.icesync.webdav;

import java.nio.file.Path;

/**
 * A finished download.
 *
 * @param file        the target, complete and synced to disk
 * @param size        its size in bytes
 * @param sha256      its SHA-256, lower-case hex
 * @param etag        the server's entity tag of the version downloaded, or null
 * @param resumedFrom bytes kept from an earlier, interrupted attempt (0 when the whole file was transferred)
 */
public record Download(Path file, long size, String sha256, String etag, long resumedFrom) {
}
