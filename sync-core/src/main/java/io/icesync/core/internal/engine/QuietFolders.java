package io.icesync.core.internal.engine;

import io.icesync.core.Folder;
import io.icesync.core.settings.SettingsJson;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.FolderState;
import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.RemoteChanges;
import io.icesync.core.spi.RemoteCursor;
import io.icesync.core.spi.SyncStateStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A cycle with nothing to do costs per folder, not per item. After a folder's complete sync the engine
 * keeps, as a named value of the state, what it started from: the local store's change mark
 * ({@link io.icesync.core.spi.LocalStore#changeMark}), the server cursor it ended at, and what else
 * decides a plan (the settings, the folder's rights, its failures). A later cycle that finds the same
 * local mark does not list the folder's items; when the server then reports nothing new since that
 * cursor (QRESYNC: no item, nothing vanished, the same HIGHESTMODSEQ and UIDNEXT), neither the state's
 * rows nor the local files are read. Anything else falls back to the full comparison.
 */
public final class QuietFolders {
    private static final String PREFIX = "quiet."; // SettledFolders reads it for other modules

    /** What a folder's last complete sync started from; {@code rows} is how many pairs it had then. */
    record Mark(String local, RemoteCursor cursor, String decisions, long rows) {
        String encode() {
            return cursor.uidValidity() + " " + cursor.highestModSeq() + " " + cursor.uidNext() + " " + rows + " "
                    + decisions + " " + local;
        }

        /**
         * The part that changes with the set of items, not with their flags: UIDVALIDITY, UIDNEXT, the
         * pairs, the decisions (a flag change moves the HIGHESTMODSEQ and, in a Maildir, the local mark).
         */
        String itemSet() {
            return cursor.uidValidity() + " " + cursor.uidNext() + " " + rows + " " + decisions;
        }

        static Mark decode(String s) {
            String[] p = s.split(" ", 6); // "" (cleared) too has fewer parts
            if (p.length < 6) {
                return null;
            }
            try {
                return new Mark(p[5], new RemoteCursor(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2])),
                        p[4], Long.parseLong(p[3]));
            } catch (NumberFormatException e) {
                return null; // written by something else: no skip, the next complete sync writes it again
            }
        }
    }

    /**
     * What {@link io.icesync.core.engine.SettledFolders} gives of a folder's record: its item-set part, or
     * the record itself when it is not one this class wrote.
     *
     * @param record a non-empty recorded value
     * @return the text that changes with the folder's set of items
     */
    public static String itemSet(String record) {
        Mark m = Mark.decode(record);
        return m == null ? record : m.itemSet();
    }

    private final SyncStateStore state;
    private final String settingsDigest;
    private final List<IgnoredItem> failures;

    QuietFolders(SyncStateStore state, SyncSettings settings) {
        this.state = state;
        this.settingsDigest = digest(SettingsJson.write(settings));
        this.failures = state.failures();
    }

    /**
     * What decides a folder's plan besides its items: the settings, the rights the server gives, and its
     * failures (an item cleared from the ignored list is tried again).
     */
    private String decisions(FolderState f, Folder remote, List<IgnoredItem> failures) {
        StringBuilder s = new StringBuilder(settingsDigest).append('|').append(remote == null ? "" : remote.rights());
        for (IgnoredItem i : failures) {
            if (i.folder().equals(f.path())) {
                s.append('|').append(i.key()).append(':').append(i.failures());
            }
        }
        return digest(s.toString());
    }

    /**
     * The folder's saved mark when its local side is as it was then (same change mark, same decisions),
     * else null: the folder is listed and compared in full.
     */
    Mark locallyQuiet(FolderState f, Folder remote, String localMark) {
        if (localMark == null || f.cursor() == null || f.cursor().highestModSeq() == 0) {
            return null;
        }
        Mark saved = state.value(PREFIX + f.id()).map(Mark::decode).orElse(null);
        if (saved == null || !saved.local().equals(localMark) || !saved.cursor().equals(f.cursor())
                || !saved.decisions().equals(decisions(f, remote, failures)) || retrying(f, failures)) {
            return null;
        }
        return saved;
    }

    /** Whether the server reports nothing at all since the cursor it was asked about. */
    static boolean serverQuiet(RemoteChanges rc, RemoteCursor since) {
        return !rc.complete() && rc.items().isEmpty() && rc.vanished().length == 0 && rc.existingUids() == null
                && rc.cursor().equals(since);
    }

    /**
     * Whether the server named each item that changed or vanished since the cursor (QRESYNC: the changed
     * items and the vanished UIDs, under the same UIDVALIDITY): the pairs it does not name are as they were.
     */
    static boolean serverNamesEachChange(RemoteChanges rc, RemoteCursor since) {
        return !rc.complete() && rc.existingUids() == null && since != null
                && rc.cursor().uidValidity() == since.uidValidity();
    }

    /** An item of the folder failed fewer times than the ignored list's limit: it is tried again each cycle. */
    private static boolean retrying(FolderState f, List<IgnoredItem> failures) {
        return failures.stream().anyMatch(i -> i.folder().equals(f.path()) && !i.ignored());
    }

    /**
     * Records a complete sync of the folder that started from {@code localMark} and ended at {@code cursor}
     * with {@code rows} pairs (no write when it is the mark already kept). A sync that cannot be recorded
     * (no local mark, no MODSEQ, an item being retried) clears the record: the folder is not settled.
     */
    void record(FolderState f, Folder remote, String localMark, RemoteCursor cursor, long rows) {
        List<IgnoredItem> now = state.failures();
        String key = PREFIX + f.id();
        String value = localMark == null || cursor.highestModSeq() == 0 || retrying(f, now) ? ""
                : new Mark(localMark, cursor, decisions(f, remote, now), rows).encode();
        if (!Objects.equals(state.value(key).orElse(null), value)) {
            state.putValue(key, value);
        }
    }

    /** Forgets the folder's record (one write, only when one is kept). */
    void clear(FolderState f) {
        String key = PREFIX + f.id();
        if (!state.value(key).orElse("").isEmpty()) {
            state.putValue(key, "");
        }
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
