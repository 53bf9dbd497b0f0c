package io.icesync.webdav;

/**
 * How far a download is.
 *
 * @param bytes       bytes of the file on disk so far, including those kept from an earlier attempt
 * @param total       the size of the whole file, or -1 when the server did not say
 * @param resumedFrom where this transfer started: the bytes kept from an earlier attempt (0 for a fresh start)
 */
public record Progress(long bytes, long total, long resumedFrom) {
}
