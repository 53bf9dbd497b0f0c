package io.icesync.core.engine;

import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A cycle stopped before deletions its {@link DeleteGuard} refused: nothing they cover was written.
 * {@link #refusals()} says what would have gone and why; {@link #report()} holds what the cycle did
 * in the folders it could sync. To confirm, run one cycle with {@link DeleteGuard#off()}.
 */
public final class MassDeleteException extends IceSyncException {
    private static final long serialVersionUID = 1L;
    private static final int NAMES_SHOWN = 10;

    /** Where the deletions would have been made. */
    public enum Side {
        /** On the server, because the local copies are gone. */
        SERVER("on the server", "their local copies are gone"),
        /** In the local store, because the items or folders are gone from the server. */
        LOCAL("locally", "they are gone from the server");

        private final String where;
        private final String because;

        Side(String where, String because) {
            this.where = where;
            this.because = because;
        }
    }

    /**
     * One refused group of deletions: folders ({@code folder} is null, {@code folders} names them) or the
     * items of one folder.
     *
     * @param side    where the deletions would have been made
     * @param folder  the folder whose items would have gone, or null for a group of folders
     * @param count   how many folders or items would have gone
     * @param synced  how many were synced, of which {@code count} would have gone
     * @param folders the folders that would have gone; empty for items
     * @param reason what the guard saw beyond the counts (a missing store root), or null
     */
    public record Refusal(Side side, FolderPath folder, int count, int synced, List<FolderPath> folders,
                          String reason) {
        /**
         * Copies {@code folders}.
         *
         * @param side    where the deletions would have been made
         * @param folder  the folder whose items would have gone, or null for a group of folders
         * @param count   how many folders or items would have gone
         * @param synced  how many were synced
         * @param folders the folders that would have gone; not null
         * @param reason  what the guard saw beyond the counts, or null
         */
        public Refusal {
            folders = List.copyOf(folders);
        }

        /**
         * Describes the refusal for a person.
         *
         * @return one sentence, naming at most ten folders
         */
        public String describe() {
            StringBuilder b = new StringBuilder();
            if (folder == null) {
                b.append(String.format(Locale.ROOT, "%d of %d synced folders would be deleted %s because %s: %s",
                        count, synced, side.where, side.because, names(folders)));
            } else {
                b.append(String.format(Locale.ROOT, "%s: %d of %d synced items would be deleted %s because %s",
                        folder, count, synced, side.where, side.because));
            }
            if (reason != null) {
                b.append(" (").append(reason).append(')');
            }
            return b.toString();
        }

        private static String names(List<FolderPath> folders) {
            String shown = folders.stream().limit(NAMES_SHOWN).map(FolderPath::toString).collect(Collectors.joining(", "));
            return folders.size() > NAMES_SHOWN ? shown + " and " + (folders.size() - NAMES_SHOWN) + " more" : shown;
        }
    }

    private final transient List<Refusal> refusals;
    private final transient SyncReport report;

    /**
     * Creates the exception; its message describes every refusal and how to confirm.
     *
     * @param refusals what the guard refused; not null
     * @param report   what the cycle did before it stopped, or null
     */
    public MassDeleteException(List<Refusal> refusals, SyncReport report) {
        super(message(refusals));
        this.refusals = List.copyOf(refusals);
        this.report = report;
    }

    private static String message(List<Refusal> refusals) {
        return "stopped before deleting: " + refusals.stream().map(Refusal::describe).collect(Collectors.joining("; "))
                + ". Nothing of this was deleted. If it is what you want, run one sync with DeleteGuard.off()"
                + " (icesync sync --allow-mass-delete)";
    }

    /**
     * Says what would have gone and why.
     *
     * @return the refused groups of deletions (null in a deserialized copy)
     */
    public List<Refusal> refusals() {
        return refusals;
    }

    /**
     * What the cycle did before it stopped.
     *
     * @return the report of the folder tree and the folders it could sync, or null
     */

    public SyncReport report() {
        return report;
    }
}
