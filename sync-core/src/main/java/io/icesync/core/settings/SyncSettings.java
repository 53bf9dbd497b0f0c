package io.icesync.core.settings;

import io.icesync.core.FolderPath;
import io.icesync.core.InvalidSettingException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every setting of the guide's settings dialog that concerns synchronisation (F10.1), immutable,
 * with the guide's default and bound next to each field. Built with {@link #builder()}; a value
 * out of bounds is rejected with an {@link InvalidSettingException} naming the setting, the value
 * and the bound.
 *
 * @param structureInterval        "Synchroniser la structure des dossiers après N minutes": default 60 ("Il est
 *                                 conseillé de mettre 60"), at least 1 minute
 * @param priorityInterval         "Synchroniser les dossiers prioritaires après N minutes": default 1, at least 1
 * @param standardInterval         "Synchroniser les dossiers standards sélectionnés": "on peut descendre à 10
 *                                 minutes": default 10, at least 10
 * @param galInterval              GAL sync "(minimum 60 minutes)": default 60, at least 60
 * @param galSync                  "Synchroniser automatiquement Global Address List": default true
 * @param syncAfterLocalChange     "Synchroniser le contenu ... tout de suite après une modification locale": default false
 * @param conflictPolicy           "Résolution de conflit": default server wins
 * @param folderSyncThreshold      "Seuil pour synchronisation dossier": default 1024 ("pas recommandé ... plus de
 *                                 1024"), 1 to 1,000,000
 * @param downloadMode             "Personnalisé / En-tête / Complet": default FULL
 * @param downloadThresholdBytes   "Seuil pour téléchargement complet (Mo)", used in CUSTOM mode: default 5 MB,
 *                                 1 MB to 2048 MB, whole MB
 * @param applyThresholdToExisting "Appliquer le seuil aux messages existants": default false
 * @param wholeDocuments           "Synchroniser les documents en entier": default false
 * @param mailsOfLastDays          "Synchroniser les emails de N derniers jours": 0 = all mail (default), up to 36,500
 * @param delayBetweenItems        "Délai entre traitement" in ms, "Ne pas mettre à 0": default 1 ms, 1 ms to 60 s
 * @param revertReadOnlyChanges    "Automatiquement annuler les modifications aux dossiers en lecture seule": default false
 * @param syncSignature            "Synchroniser la signature avec WebClient" (F10.6): default false
 * @param defaultSelection         the selection of a folder with no explicit choice (and no [inherit] parent):
 *                                 default SELECTED
 * @param folderSelections         explicit choices per folder (F4.2)
 */
public record SyncSettings(Duration structureInterval, Duration priorityInterval, Duration standardInterval,
                           Duration galInterval, boolean galSync, boolean syncAfterLocalChange,
                           ConflictPolicy conflictPolicy, int folderSyncThreshold, DownloadMode downloadMode,
                           long downloadThresholdBytes, boolean applyThresholdToExisting, boolean wholeDocuments,
                           int mailsOfLastDays, Duration delayBetweenItems, boolean revertReadOnlyChanges,
                           boolean syncSignature, FolderSelection defaultSelection,
                           Map<FolderPath, FolderSelection> folderSelections) {
    static final long MB = 1024L * 1024;
    private static final SyncSettings DEFAULTS = new Builder().build();

    public SyncSettings {
        atLeast("structureInterval", structureInterval, Duration.ofMinutes(1));
        atLeast("priorityInterval", priorityInterval, Duration.ofMinutes(1));
        atLeast("standardInterval", standardInterval, Duration.ofMinutes(10));
        atLeast("galInterval", galInterval, Duration.ofMinutes(60));
        within("folderSyncThreshold", folderSyncThreshold, 1, 1_000_000, "items");
        if (downloadThresholdBytes % MB != 0) {
            throw new InvalidSettingException("downloadThresholdMb", downloadThresholdBytes
                    + " bytes is not a whole number of MB");
        }
        within("downloadThresholdMb", downloadThresholdBytes / MB, 1, 2048, "MB");
        within("mailsOfLastDays", mailsOfLastDays, 0, 36_500, "days");
        required("delayBetweenItems", delayBetweenItems);
        if (delayBetweenItems.toMillis() < 1 || delayBetweenItems.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new InvalidSettingException("delayBetweenItems", delayBetweenItems.toMillis()
                    + " ms is outside 1 ms to 60000 ms (the guide: never 0)");
        }
        required("conflictPolicy", conflictPolicy);
        required("downloadMode", downloadMode);
        required("defaultSelection", defaultSelection);
        if (defaultSelection == FolderSelection.INHERIT) {
            throw new InvalidSettingException("defaultSelection", "INHERIT is a choice for one folder, not a default");
        }
        required("folderSelections", folderSelections);
        folderSelections = Map.copyOf(folderSelections);
    }

    /** The guide's defaults. */
    public static SyncSettings defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The effective selection of a folder: its own choice, else SELECTED under an [inherit]
     * ancestor, else the default. INHERIT itself resolves to SELECTED; never returns INHERIT.
     */
    public FolderSelection selectionOf(FolderPath path) {
        FolderSelection own = folderSelections.get(path);
        if (own != null) {
            return own == FolderSelection.INHERIT ? FolderSelection.SELECTED : own;
        }
        for (FolderPath p = path; !p.isRoot() && !p.parent().isRoot(); p = p.parent()) {
            if (folderSelections.get(p.parent()) == FolderSelection.INHERIT) {
                return FolderSelection.SELECTED;
            }
        }
        return defaultSelection;
    }

    private static void required(String name, Object value) {
        if (value == null) {
            throw new InvalidSettingException(name, "a value is required");
        }
    }

    private static void atLeast(String name, Duration d, Duration min) {
        required(name, d);
        if (d.compareTo(min) < 0) {
            throw new InvalidSettingException(name, minutes(d) + " is below the minimum of " + minutes(min));
        }
        if (d.compareTo(Duration.ofDays(7)) > 0) {
            throw new InvalidSettingException(name, minutes(d) + " is above the maximum of 10080 minutes (7 days)");
        }
    }

    private static String minutes(Duration d) {
        long s = d.getSeconds();
        return s % 60 == 0 ? (s / 60) + " minutes" : s + " seconds";
    }

    private static void within(String name, long v, long min, long max, String unit) {
        if (v < min || v > max) {
            throw new InvalidSettingException(name, v + " " + unit + " is outside " + min + " to " + max + " " + unit);
        }
    }

    /** Builds {@link SyncSettings}; unset fields keep the guide's defaults. */
    public static final class Builder {
        private Duration structureInterval = Duration.ofMinutes(60);
        private Duration priorityInterval = Duration.ofMinutes(1);
        private Duration standardInterval = Duration.ofMinutes(10);
        private Duration galInterval = Duration.ofMinutes(60);
        private boolean galSync = true;
        private boolean syncAfterLocalChange;
        private ConflictPolicy conflictPolicy = ConflictPolicy.SERVER_WINS;
        private int folderSyncThreshold = 1024;
        private DownloadMode downloadMode = DownloadMode.FULL;
        private long downloadThresholdBytes = 5 * MB;
        private boolean applyThresholdToExisting;
        private boolean wholeDocuments;
        private int mailsOfLastDays;
        private Duration delayBetweenItems = Duration.ofMillis(1);
        private boolean revertReadOnlyChanges;
        private boolean syncSignature;
        private FolderSelection defaultSelection = FolderSelection.SELECTED;
        private final Map<FolderPath, FolderSelection> folderSelections = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(SyncSettings s) {
            structureInterval = s.structureInterval;
            priorityInterval = s.priorityInterval;
            standardInterval = s.standardInterval;
            galInterval = s.galInterval;
            galSync = s.galSync;
            syncAfterLocalChange = s.syncAfterLocalChange;
            conflictPolicy = s.conflictPolicy;
            folderSyncThreshold = s.folderSyncThreshold;
            downloadMode = s.downloadMode;
            downloadThresholdBytes = s.downloadThresholdBytes;
            applyThresholdToExisting = s.applyThresholdToExisting;
            wholeDocuments = s.wholeDocuments;
            mailsOfLastDays = s.mailsOfLastDays;
            delayBetweenItems = s.delayBetweenItems;
            revertReadOnlyChanges = s.revertReadOnlyChanges;
            syncSignature = s.syncSignature;
            defaultSelection = s.defaultSelection;
            folderSelections.putAll(s.folderSelections);
        }

        public Builder structureInterval(Duration d) { structureInterval = d; return this; }
        public Builder priorityInterval(Duration d) { priorityInterval = d; return this; }
        public Builder standardInterval(Duration d) { standardInterval = d; return this; }
        public Builder galInterval(Duration d) { galInterval = d; return this; }
        public Builder galSync(boolean b) { galSync = b; return this; }
        public Builder syncAfterLocalChange(boolean b) { syncAfterLocalChange = b; return this; }
        public Builder conflictPolicy(ConflictPolicy p) { conflictPolicy = p; return this; }
        public Builder folderSyncThreshold(int n) { folderSyncThreshold = n; return this; }
        public Builder downloadMode(DownloadMode m) { downloadMode = m; return this; }
        public Builder downloadThresholdMb(long mb) { downloadThresholdBytes = mb * MB; return this; }
        public Builder applyThresholdToExisting(boolean b) { applyThresholdToExisting = b; return this; }
        public Builder wholeDocuments(boolean b) { wholeDocuments = b; return this; }
        public Builder mailsOfLastDays(int days) { mailsOfLastDays = days; return this; }
        public Builder delayBetweenItems(Duration d) { delayBetweenItems = d; return this; }
        public Builder revertReadOnlyChanges(boolean b) { revertReadOnlyChanges = b; return this; }
        public Builder syncSignature(boolean b) { syncSignature = b; return this; }
        public Builder defaultSelection(FolderSelection s) { defaultSelection = s; return this; }

        /** Sets one folder's choice; null removes it (the folder then follows its parents and the default). */
        public Builder select(FolderPath folder, FolderSelection s) {
            Objects.requireNonNull(folder, "folder");
            if (s == null) {
                folderSelections.remove(folder);
            } else {
                folderSelections.put(folder, s);
            }
            return this;
        }

        public Builder folderSelections(Map<FolderPath, FolderSelection> m) {
            folderSelections.clear();
            folderSelections.putAll(m);
            return this;
        }

        public SyncSettings build() {
            return new SyncSettings(structureInterval, priorityInterval, standardInterval, galInterval, galSync,
                    syncAfterLocalChange, conflictPolicy, folderSyncThreshold, downloadMode, downloadThresholdBytes,
                    applyThresholdToExisting, wholeDocuments, mailsOfLastDays, delayBetweenItems,
                    revertReadOnlyChanges, syncSignature, defaultSelection, folderSelections);
        }
    }
}
