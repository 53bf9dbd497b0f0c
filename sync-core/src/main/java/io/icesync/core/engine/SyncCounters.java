package io.icesync.core.engine;

/**
 * The guide's status counters (F11.1) for the cycle under way: Downloaded X/Y (fetched from the
 * server), Uploaded X/Y (changes sent to the server) and Internal X/Y (changes written to the local store).
 *
 * @param downloaded items fetched from the server so far
 * @param toDownload items to fetch in all
 * @param uploaded   changes sent to the server so far
 * @param toUpload   changes to send in all
 * @param internal   changes written to the local store so far
 * @param toInternal changes to write in all
 */
public record SyncCounters(long downloaded, long toDownload, long uploaded, long toUpload,
                           long internal, long toInternal) {
    /** All counters at 0, as before a cycle starts. */
    public static final SyncCounters ZERO = new SyncCounters(0, 0, 0, 0, 0, 0);


    @Override
    public String toString() {
        return "Downloaded " + downloaded + "/" + toDownload + ", Uploaded " + uploaded + "/" + toUpload
                + ", Internal " + internal + "/" + toInternal;
    }
}
