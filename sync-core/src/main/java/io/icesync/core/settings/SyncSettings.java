package io.icesync.core.settings;

import io.icesync.core.FolderPath;
import io.icesync.core.InvalidSettingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of the guide's settings dialog that concern synchronisation (F10.1; guide,
 * "DESCRIPTION DU PARAMETRAGE D'OUTLOOK SYNC", tabs "Avancé" and "Synchronisation"), immutable,
 * with the guide's default and bound next to each component. Built once with {@link #builder()}
 * (or {@link #toBuilder()}) and never changed, like HttpClient's {@code RequestConfig}.
 *
 * <p>Every out-of-bounds value is rejected, by the builder setter and again by the constructor,
 * with an {@link InvalidSettingException} whose message names the setting, the value and the
 * bound: {@code "standardInterval: 5 minutes is below the minimum of 10 minutes"}. Values that are
 * allowed but advised against by the guide (a structure interval under 60 minutes, a folder
 * threshold over 1024) are reported by {@link #warnings()}, not thrown.
 *
 * <p>Where the guide gives no default, the one chosen here is said so in its line below.
 * Settings of the same tabs that are left out, and why: the connection fields (e-mail, login,
 * host, ports, security) belong to {@code Account}/{@code Endpoint}; "Ne pas afficher les erreurs
 * de login/de connexion" and "Ne pas afficher l'état d'avancement" are presentation (the SDK always
 * emits the events, the embedding app decides what to show, F2.4); "Utiliser les options Outlook"
 * follows Outlook's own POP3 schedule, which has no meaning outside Outlook; "Ne pas vérifier
 * Corbeille au lancement" is documented as "Ne pas utiliser"; the POP3 listener port and its
 * start/stop (F10.4) belong to the profile runtime, not to synchronisation. "Désactiver TNEF" (F10.5)
 * is not a setting: IceSync never writes TNEF (an old {@code profile.json} that holds it still reads,
 * see {@link SettingsJson}).
 *
 * <p>Three settings of the tabs "Présentation" and "Journaux" are here too, because the SDK carries them
 * to the application: the log level and the age after which logs are deleted (F11.4, read by the
 * application that writes log files; the libraries write none) and how long the new-mail notification
 * stays (F11.5, handed on in each {@link io.icesync.core.engine.NewMail} event). The rest of those tabs
 * (language, sound, showing the icon) is the application's own user interface.
 *
 * <p>JSON names and units are those of {@link SettingsJson} ({@code standardIntervalMinutes},
 * {@code delayBetweenItemsMs}, {@code downloadThresholdMb}, ...); policies lock settings by those names.
 *
 * @param structureInterval        "Synchroniser la structure des dossiers après N minutes": default 60 minutes
 *                                 ("Il est conseillé de mettre 60"; "intervalle prédéfini (qui est de 60 minutes par
 *                                 défaut)"). At least 1 minute, at most 7 days, whole minutes. Below 60 is allowed
 *                                 but warned ("Il n'est pas recommandé de définir un intervalle inférieur à 60
 *                                 minutes").
 * @param priorityInterval         "Synchroniser les dossiers prioritaires (rouge) après N minutes": default 1 minute
 *                                 ("1 minute par défaut"). At least 1 minute, at most 7 days, whole minutes.
 * @param standardInterval         "Synchroniser les dossiers standards sélectionnés après N minutes": at least 10
 *                                 minutes ("on peut descendre à 10 minutes"), at most 7 days, whole minutes. The
 *                                 guide states only the floor; the default here is that floor, 10 minutes.
 * @param galInterval              how often the Global Address List is synchronised: at least 60 minutes ("minimum
 *                                 60 minutes"; "la GAL ne peut être synchronisée à un intervalle inférieur à une
 *                                 heure"), at most 7 days, whole minutes; default 60 minutes.
 * @param galSync                  "Synchroniser automatiquement Global Address List (GAL)": "A cocher pour que...";
 *                                 an opt-in checkbox, default false.
 * @param accessListInterval       how often a folder listing also reads the access lists (GETACL) of the folders
 *                                 the user administers, to see grants changed by another client (F8): default 15
 *                                 minutes (ours: the guide has no such setting); 0 reads them at every listing; at
 *                                 most 7 days, whole minutes. A listing inside the interval asks nothing more than
 *                                 the user's own rights, which come with every listing.
 * @param syncAfterLocalChange     "Synchroniser le contenu des dossiers sélectionnés tout de suite après une
 *                                 modification locale" (F4.3): "Cliquez cette case si vous voulez", default false.
 * @param pushChanges              in scheduled mode, a change on the server reaches the local store as soon as the
 *                                 server reports it (IMAP NOTIFY, else IDLE on the priority folders) instead of at
 *                                 the next interval; used only where the server offers one of them. Default true;
 *                                 false keeps to the intervals (and one connection fewer).
 * @param conflictPolicy           "Résolution de conflit" (F4.4): "Le serveur est maître" / "Le client est maître".
 *                                 The guide names no default; the first option, server wins, is the default (it
 *                                 never overwrites another client's change on the server).
 * @param folderSyncThreshold      "Seuil pour synchronisation dossier" (F4.5), in items: default 1024, the highest
 *                                 value the guide advises ("Il n'est pas recommandé de mettre la valeur à plus de
 *                                 1024"). At least 1; above 1024 is allowed but warned; at most 1,000,000 (a sanity
 *                                 bound of ours, not the guide's).
 * @param downloadMode             "Personnalisé / En-tête / Complet" (F4.6). The guide names no default; FULL
 *                                 (the normal profile syncs everything, F10.3).
 * @param downloadThresholdBytes   "Seuil pour téléchargement complet (Mo)", used in CUSTOM mode only ("Ce champ
 *                                 n'est accessible que si l'option Personnalisé ... est sélectionnée"). Given in
 *                                 whole MB (1 MB = 1,048,576 bytes), 1 MB to 2048 MB; the guide names no default,
 *                                 5 MB here.
 * @param applyThresholdToExisting "Appliquer le seuil aux messages existants": re-fetches messages truncated
 *                                 earlier; meaningful in CUSTOM and FULL modes ("disponible pour les modes
 *                                 Personnalisé et Complet"), ignored in HEADERS_ONLY. Default false ("Si cochée").
 * @param wholeDocuments           "Synchroniser les documents en entier": documents ignore the threshold. Default
 *                                 false ("Si l'option est cochée").
 * @param mailsOfLastDays          "Synchroniser les emails de N derniers jours": 0 means all mail (the default);
 *                                 0 to 36,500 days.
 * @param delayBetweenItems        "Délai entre traitement": "une pause en milli secondes entre le traitement de deux
 *                                 éléments ... Ne pas mettre à 0". Whole milliseconds, at least 1 ms, at most 60 s
 *                                 (ours). The guide names no default; 1 ms, the smallest allowed pause.
 * @param revertReadOnlyChanges    "Automatiquement annuler les modifications aux dossiers en lecture seule" (F4.9):
 *                                 "A cocher si", default false.
 * @param readReceipts             "Mode de confirmation" of read receipts (F6.5): "Demander chaque fois", "Toujours
 *                                 envoyer", "Ne jamais envoyer". The guide names no default and manages receipts
 *                                 only once "Gérer les confirmations de lecture" is checked; ASK here, the first
 *                                 option and the one that sends nothing without the user's word.
 * @param syncSignature            "Synchroniser la signature avec WebClient" (F10.6): the user's signature is kept
 *                                 the same in the profile's {@code signature.html}/{@code signature.txt} and on the
 *                                 server (the one WebClient uses). A checkbox; the guide names no default, false
 *                                 here, so nothing is written to the server unasked.
 * @param autoFetchAttachmentsMb  attachment links of mail and events (SmartAttach, F6.2, F7.1) whose size is known
 *                                 and below this many MB are downloaded at the end of each cycle into the
 *                                 profile's {@code attachments/}; 0 (the default) fetches none. 0 to 2048 MB.
 * @param logLevel                 "Niveau de journalisation" (F11.4): "Seulement démarrage et erreurs" or "Debug".
 *                                 The guide names no default; the first option, STARTUP_AND_ERRORS, the one that
 *                                 writes least.
 * @param deleteLogsAfterDays      "Supprimer les journaux" / "Supprimer après le nombre de jours indiqués" (F11.4):
 *                                 daily log files older than this many days are deleted when the application starts;
 *                                 0 (the default: the guide's checkbox is opt-in) keeps them all. 0 to 36,500 days.
 * @param hideNewMailAfter         "Masquer notification après (secondes)" (F11.5): how long the application shows
 *                                 the new-mail notification; whole seconds, 0 to 3600, 0 meaning until the user
 *                                 closes it (ours). The guide names no default; 5 seconds here, a desktop's usual.
 * @param defaultSelection         the selection of a folder with no explicit choice and no [hérite] ancestor
 *                                 (F4.2): default SELECTED (everything is synced, F10.3). May not be INHERIT.
 * @param folderSelections         explicit choices per folder (F4.2: "Synchronisation prioritaire", "Choisir -
 *                                 Désélectionner", "Choisir tous" = INHERIT); the root is not a folder. Default empty.
 */
public record SyncSettings(Duration structureInterval, Duration priorityInterval, Duration standardInterval,
                           Duration galInterval, boolean galSync, Duration accessListInterval, boolean syncAfterLocalChange,
                           boolean pushChanges,
                           ConflictPolicy conflictPolicy, int folderSyncThreshold, DownloadMode downloadMode,
                           long downloadThresholdBytes, boolean applyThresholdToExisting, boolean wholeDocuments,
                           int mailsOfLastDays, Duration delayBetweenItems, boolean revertReadOnlyChanges,
                           ReadReceiptMode readReceipts, boolean syncSignature, int autoFetchAttachmentsMb, LogLevel logLevel,
                           int deleteLogsAfterDays, Duration hideNewMailAfter, FolderSelection defaultSelection,
                           Map<FolderPath, FolderSelection> folderSelections) {

    /** One MB ("Mo") as the guide's threshold counts it: 1,048,576 bytes. */
    static final long MB = 1024L * 1024;

    static final Duration DEFAULT_STRUCTURE_INTERVAL = Duration.ofMinutes(60);
    static final Duration ADVISED_MIN_STRUCTURE_INTERVAL = Duration.ofMinutes(60);
    static final Duration MIN_STRUCTURE_INTERVAL = Duration.ofMinutes(1);
    static final Duration DEFAULT_PRIORITY_INTERVAL = Duration.ofMinutes(1);
    static final Duration MIN_PRIORITY_INTERVAL = Duration.ofMinutes(1);
    static final Duration DEFAULT_STANDARD_INTERVAL = Duration.ofMinutes(10);
    static final Duration MIN_STANDARD_INTERVAL = Duration.ofMinutes(10);
    static final Duration DEFAULT_GAL_INTERVAL = Duration.ofMinutes(60);
    static final Duration MIN_GAL_INTERVAL = Duration.ofMinutes(60);
    static final Duration DEFAULT_ACCESS_LIST_INTERVAL = Duration.ofMinutes(15);
    static final Duration MAX_INTERVAL = Duration.ofDays(7);
    static final int DEFAULT_FOLDER_SYNC_THRESHOLD = 1024;
    static final int ADVISED_MAX_FOLDER_SYNC_THRESHOLD = 1024;
    static final int MIN_FOLDER_SYNC_THRESHOLD = 1;
    static final int MAX_FOLDER_SYNC_THRESHOLD = 1_000_000;
    static final long DEFAULT_DOWNLOAD_THRESHOLD_MB = 5;
    static final long MIN_DOWNLOAD_THRESHOLD_MB = 1;
    static final long MAX_DOWNLOAD_THRESHOLD_MB = 2048;
    static final int MAX_MAILS_OF_LAST_DAYS = 36_500;
    static final int MAX_AUTO_FETCH_ATTACHMENTS_MB = 2048;
    static final Duration DEFAULT_DELAY_BETWEEN_ITEMS = Duration.ofMillis(1);
    static final Duration MIN_DELAY_BETWEEN_ITEMS = Duration.ofMillis(1);
    static final Duration MAX_DELAY_BETWEEN_ITEMS = Duration.ofSeconds(60);
    static final int MAX_DELETE_LOGS_AFTER_DAYS = 36_500;
    static final Duration DEFAULT_HIDE_NEW_MAIL_AFTER = Duration.ofSeconds(5);
    static final Duration MAX_HIDE_NEW_MAIL_AFTER = Duration.ofHours(1);

    private static final SyncSettings DEFAULTS = new Builder().build();

    /**
     * Checks every bound; see the class comment for each one.
     *
     * @param structureInterval folder structure period, whole minutes, 1 minute to 7 days
     * @param priorityInterval priority folders period, whole minutes, 1 minute to 7 days
     * @param standardInterval standard selected folders period, whole minutes, 10 minutes to 7 days
     * @param galInterval GAL period, whole minutes, 60 minutes to 7 days
     * @param galSync whether the GAL is synchronised automatically
     * @param accessListInterval period of the access-list refresh, whole minutes, 0 (every listing) to 7 days
     * @param syncAfterLocalChange whether a folder syncs right after a local change
     * @param pushChanges whether server changes are pushed between intervals where the server allows it
     * @param conflictPolicy which side wins a conflict; not null
     * @param folderSyncThreshold folder sync threshold in items, 1 to 1,000,000
     * @param downloadMode how much of a message is downloaded; not null
     * @param downloadThresholdBytes CUSTOM mode threshold in bytes, a whole number of MB from 1 to 2048 MB
     * @param applyThresholdToExisting whether messages truncated earlier are fetched again
     * @param wholeDocuments whether documents ignore the threshold
     * @param mailsOfLastDays only mail of the last N days, 0 (all) to 36,500
     * @param delayBetweenItems pause between two items, whole milliseconds, 1 ms to 60 s
     * @param revertReadOnlyChanges whether local changes in read-only folders are reverted
     * @param readReceipts read receipt mode; not null
     * @param syncSignature whether the signature is kept the same as WebClient's
     * @param autoFetchAttachmentsMb attachment links below this many MB are fetched, 0 (none) to 2048
     * @param logLevel what the application's log files hold; not null
     * @param deleteLogsAfterDays age in days after which log files are deleted, 0 (never) to 36,500
     * @param hideNewMailAfter how long the new-mail notification shows, whole seconds, 0 to 3600 s
     * @param defaultSelection selection of folders with no choice of their own; not null, never INHERIT
     * @param folderSelections explicit choices per folder, copied; not null, no root, no null key or value
     * @throws InvalidSettingException if a value is null where required or out of bounds
     */
    public SyncSettings {
        checkMinutes("structureInterval", structureInterval, MIN_STRUCTURE_INTERVAL);
        checkMinutes("priorityInterval", priorityInterval, MIN_PRIORITY_INTERVAL);
        checkMinutes("standardInterval", standardInterval, MIN_STANDARD_INTERVAL);
        checkMinutes("galInterval", galInterval, MIN_GAL_INTERVAL);
        checkMinutes("accessListInterval", accessListInterval, Duration.ZERO);
        required("conflictPolicy", conflictPolicy);
        required("readReceipts", readReceipts);
        required("logLevel", logLevel);
        checkRange("deleteLogsAfterDays", deleteLogsAfterDays, 0, MAX_DELETE_LOGS_AFTER_DAYS, "days");
        checkSeconds("hideNewMailAfter", hideNewMailAfter);
        checkRange("folderSyncThreshold", folderSyncThreshold, MIN_FOLDER_SYNC_THRESHOLD, MAX_FOLDER_SYNC_THRESHOLD,
                "items");
        required("downloadMode", downloadMode);
        checkDownloadThresholdBytes("downloadThresholdBytes", downloadThresholdBytes);
        checkRange("mailsOfLastDays", mailsOfLastDays, 0, MAX_MAILS_OF_LAST_DAYS, "days");
        checkRange("autoFetchAttachmentsMb", autoFetchAttachmentsMb, 0, MAX_AUTO_FETCH_ATTACHMENTS_MB, "MB");
        checkDelay("delayBetweenItems", delayBetweenItems);
        checkDefaultSelection(defaultSelection);
        required("folderSelections", folderSelections);
        folderSelections.forEach(SyncSettings::checkSelection);
        folderSelections = Map.copyOf(folderSelections);
    }

    /**
     * The guide's defaults (see the class comment).
     *
     * @return the shared instance holding every default
     */
    public static SyncSettings defaults() {
        return DEFAULTS;
    }

    /**
     * A builder holding the guide's defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these values.
     *
     * @return a new builder, independent of this instance
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The download threshold in MB, as the guide's dialog and the JSON form show it.
     *
     * @return {@link #downloadThresholdBytes()} divided by 1,048,576
     */
    public long downloadThresholdMb() {
        return downloadThresholdBytes / MB;
    }

    /**
     * The effective selection of a folder (F4.2), always UNSELECTED, SELECTED or PRIORITY, never
     * INHERIT:
     * <ol>
     *   <li>the folder's own choice, if it has one; its own INHERIT means SELECTED (the folder marked
     *       [hérite] is itself selected);</li>
     *   <li>else SELECTED if any ancestor is marked INHERIT ("tous les sous dossiers seront automatiquement
     *       sélectionnés ... les anciens et ceux qui seront créés plus tard"), at any depth, even across an
     *       intermediate folder that has its own choice: that choice is the intermediate folder's alone;</li>
     *   <li>else {@link #defaultSelection()}.</li>
     * </ol>
     * PRIORITY is never inherited ("La priorité n'est pas héritée automatiquement"): a sub-folder of a
     * priority folder follows rules 2 and 3. The root is not a folder and gets the default.
     *
     * @param path the folder; not null
     * @return the effective selection, never INHERIT
     * @throws NullPointerException if {@code path} is null
     */
    public FolderSelection selectionOf(FolderPath path) {
        Objects.requireNonNull(path, "path");
        FolderSelection own = folderSelections.get(path);
        if (own != null) {
            return own == FolderSelection.INHERIT ? FolderSelection.SELECTED : own;
        }
        for (FolderPath p = path; p.depth() > 1; ) {
            p = p.parent();
            if (folderSelections.get(p) == FolderSelection.INHERIT) {
                return FolderSelection.SELECTED;
            }
        }
        return defaultSelection;
    }

    /**
     * Values that are allowed but that the guide advises against, one sentence each naming the
     * setting (empty when there are none). Meant for a UI or a log, never thrown.
     *
     * @return an immutable list of warnings, empty when there are none
     */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (structureInterval.compareTo(ADVISED_MIN_STRUCTURE_INTERVAL) < 0) {
            w.add("structureInterval: " + describeMinutes(structureInterval) + " is below the advised "
                    + describeMinutes(ADVISED_MIN_STRUCTURE_INTERVAL) + "; structure sync is costly for the server");
        }
        if (folderSyncThreshold > ADVISED_MAX_FOLDER_SYNC_THRESHOLD) {
            w.add("folderSyncThreshold: " + folderSyncThreshold + " items is above the advised maximum of "
                    + ADVISED_MAX_FOLDER_SYNC_THRESHOLD + " items; comparing large folders in full is costly in CPU");
        }
        if (priorityInterval.compareTo(standardInterval) > 0) {
            w.add("priorityInterval: " + describeMinutes(priorityInterval) + " is longer than standardInterval ("
                    + describeMinutes(standardInterval) + "); priority folders would sync less often than standard ones");
        }
        return List.copyOf(w);
    }

    // ---- bounds, shared by the constructor, the builder and SettingsJson -------------------------

    static <T> T required(String name, T value) {
        if (value == null) {
            throw new InvalidSettingException(name, "a value is required");
        }
        return value;
    }

    static Duration checkMinutes(String name, Duration d, Duration min) {
        required(name, d);
        if (d.compareTo(min) < 0) {
            throw new InvalidSettingException(name, describeMinutes(d) + " is below the minimum of "
                    + describeMinutes(min));
        }
        if (d.compareTo(MAX_INTERVAL) > 0) {
            throw new InvalidSettingException(name, describeMinutes(d) + " is above the maximum of "
                    + describeMinutes(MAX_INTERVAL) + " (7 days)");
        }
        if (d.getNano() != 0 || d.getSeconds() % 60 != 0) {
            throw new InvalidSettingException(name, describeMinutes(d) + " is not a whole number of minutes");
        }
        return d;
    }

    static Duration checkDelay(String name, Duration d) {
        required(name, d);
        if (d.compareTo(MIN_DELAY_BETWEEN_ITEMS) < 0) {
            throw new InvalidSettingException(name, describeMillis(d) + " is below the minimum of "
                    + describeMillis(MIN_DELAY_BETWEEN_ITEMS) + " (the guide: \"Ne pas mettre à 0\")");
        }
        if (d.compareTo(MAX_DELAY_BETWEEN_ITEMS) > 0) {
            throw new InvalidSettingException(name, describeMillis(d) + " is above the maximum of "
                    + describeMillis(MAX_DELAY_BETWEEN_ITEMS));
        }
        if (d.getNano() % 1_000_000 != 0) {
            throw new InvalidSettingException(name, d + " is not a whole number of milliseconds");
        }
        return d;
    }

    static Duration checkSeconds(String name, Duration d) {
        required(name, d);
        if (d.isNegative()) {
            throw new InvalidSettingException(name, d.getSeconds() + " seconds is below the minimum of 0 seconds");
        }
        if (d.compareTo(MAX_HIDE_NEW_MAIL_AFTER) > 0) {
            throw new InvalidSettingException(name, d.getSeconds() + " seconds is above the maximum of "
                    + MAX_HIDE_NEW_MAIL_AFTER.getSeconds() + " seconds");
        }
        if (d.getNano() != 0) {
            throw new InvalidSettingException(name, d + " is not a whole number of seconds");
        }
        return d;
    }

    static long checkRange(String name, long v, long min, long max, String unit) {
        if (v < min) {
            throw new InvalidSettingException(name, v + " " + unit + " is below the minimum of " + min + " " + unit);
        }
        if (v > max) {
            throw new InvalidSettingException(name, v + " " + unit + " is above the maximum of " + max + " " + unit);
        }
        return v;
    }

    static long checkDownloadThresholdMb(String name, long mb) {
        return checkRange(name, mb, MIN_DOWNLOAD_THRESHOLD_MB, MAX_DOWNLOAD_THRESHOLD_MB, "MB");
    }

    static long checkDownloadThresholdBytes(String name, long bytes) {
        if (bytes % MB != 0) {
            throw new InvalidSettingException(name, bytes + " bytes is not a whole number of MB (" + MB + " bytes)");
        }
        checkDownloadThresholdMb(name, bytes / MB);
        return bytes;
    }

    static FolderSelection checkDefaultSelection(FolderSelection s) {
        required("defaultSelection", s);
        if (s == FolderSelection.INHERIT) {
            throw new InvalidSettingException("defaultSelection",
                    "INHERIT is not allowed: it is a choice for one folder and its sub-folders, not a default");
        }
        return s;
    }

    static void checkSelection(FolderPath folder, FolderSelection s) {
        if (folder == null) {
            throw new InvalidSettingException("folderSelections", "a folder path is required");
        }
        if (folder.isRoot()) {
            throw new InvalidSettingException("folderSelections", "the root \"\" is not a folder; use defaultSelection");
        }
        if (s == null) {
            throw new InvalidSettingException("folderSelections", "\"" + folder + "\": a selection is required");
        }
    }

    static String describeMinutes(Duration d) {
        if (d.getNano() == 0 && d.getSeconds() % 60 == 0) {
            long m = d.getSeconds() / 60;
            return m + (Math.abs(m) == 1 ? " minute" : " minutes");
        }
        if (d.getNano() == 0) {
            return d.getSeconds() + " seconds";
        }
        return d.toString();
    }

    static String describeMillis(Duration d) {
        if (d.getNano() % 1_000_000 == 0) {
            return d.toMillis() + " ms";
        }
        return d.toString();
    }

    /**
     * Builds {@link SyncSettings}; starts from the guide's defaults (or from the values it was made
     * from). Each setter rejects an out-of-bounds value at once with an {@link InvalidSettingException}.
     */
    public static final class Builder {
        private Duration structureInterval = DEFAULT_STRUCTURE_INTERVAL;
        private Duration priorityInterval = DEFAULT_PRIORITY_INTERVAL;
        private Duration standardInterval = DEFAULT_STANDARD_INTERVAL;
        private Duration galInterval = DEFAULT_GAL_INTERVAL;
        private boolean galSync;
        private Duration accessListInterval = DEFAULT_ACCESS_LIST_INTERVAL;
        private boolean syncAfterLocalChange;
        private boolean pushChanges = true;
        private ConflictPolicy conflictPolicy = ConflictPolicy.SERVER_WINS;
        private int folderSyncThreshold = DEFAULT_FOLDER_SYNC_THRESHOLD;
        private DownloadMode downloadMode = DownloadMode.FULL;
        private long downloadThresholdBytes = DEFAULT_DOWNLOAD_THRESHOLD_MB * MB;
        private boolean applyThresholdToExisting;
        private boolean wholeDocuments;
        private int mailsOfLastDays;
        private int autoFetchAttachmentsMb;
        private Duration delayBetweenItems = DEFAULT_DELAY_BETWEEN_ITEMS;
        private boolean revertReadOnlyChanges;
        private ReadReceiptMode readReceipts = ReadReceiptMode.ASK;
        private boolean syncSignature;
        private LogLevel logLevel = LogLevel.STARTUP_AND_ERRORS;
        private int deleteLogsAfterDays;
        private Duration hideNewMailAfter = DEFAULT_HIDE_NEW_MAIL_AFTER;
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
            accessListInterval = s.accessListInterval;
            syncAfterLocalChange = s.syncAfterLocalChange;
            pushChanges = s.pushChanges;
            conflictPolicy = s.conflictPolicy;
            folderSyncThreshold = s.folderSyncThreshold;
            downloadMode = s.downloadMode;
            downloadThresholdBytes = s.downloadThresholdBytes;
            applyThresholdToExisting = s.applyThresholdToExisting;
            wholeDocuments = s.wholeDocuments;
            mailsOfLastDays = s.mailsOfLastDays;
            autoFetchAttachmentsMb = s.autoFetchAttachmentsMb;
            delayBetweenItems = s.delayBetweenItems;
            revertReadOnlyChanges = s.revertReadOnlyChanges;
            readReceipts = s.readReceipts;
            syncSignature = s.syncSignature;
            logLevel = s.logLevel;
            deleteLogsAfterDays = s.deleteLogsAfterDays;
            hideNewMailAfter = s.hideNewMailAfter;
            defaultSelection = s.defaultSelection;
            folderSelections.putAll(s.folderSelections);
        }

        /**
         * Folder structure period: default 60 minutes, 1 minute to 7 days; under 60 is warned.
         *
         * @param d the period, whole minutes
         * @return this builder
         * @throws InvalidSettingException if {@code d} is null or out of bounds
         */
        public Builder structureInterval(Duration d) {
            structureInterval = checkMinutes("structureInterval", d, MIN_STRUCTURE_INTERVAL);
            return this;
        }

        /**
         * Priority folders period: default 1 minute, 1 minute to 7 days.
         *
         * @param d the period, whole minutes
         * @return this builder
         * @throws InvalidSettingException if {@code d} is null or out of bounds
         */
        public Builder priorityInterval(Duration d) {
            priorityInterval = checkMinutes("priorityInterval", d, MIN_PRIORITY_INTERVAL);
            return this;
        }

        /**
         * Standard selected folders period: default 10 minutes, 10 minutes to 7 days.
         *
         * @param d the period, whole minutes
         * @return this builder
         * @throws InvalidSettingException if {@code d} is null or out of bounds
         */
        public Builder standardInterval(Duration d) {
            standardInterval = checkMinutes("standardInterval", d, MIN_STANDARD_INTERVAL);
            return this;
        }

        /**
         * GAL period: default 60 minutes, 60 minutes to 7 days.
         *
         * @param d the period, whole minutes
         * @return this builder
         * @throws InvalidSettingException if {@code d} is null or out of bounds
         */
        public Builder galInterval(Duration d) {
            galInterval = checkMinutes("galInterval", d, MIN_GAL_INTERVAL);
            return this;
        }

        /**
         * Access-list refresh period (F8): default 15 minutes, whole minutes, 0 (at every folder listing) to 7 days.
         *
         * @param d the period, whole minutes; zero reads the access lists at every listing
         * @return this builder
         * @throws InvalidSettingException if {@code d} is null or out of bounds
         */
        public Builder accessListInterval(Duration d) {
            accessListInterval = checkMinutes("accessListInterval", d, Duration.ZERO);
            return this;
        }

        /**
         * Synchronise the GAL automatically: default false.
         *
         * @param b true to synchronise the GAL
         * @return this builder
         */
        public Builder galSync(boolean b) {
            galSync = b;
            return this;
        }

        /**
         * Sync a folder's content right after a local change (F4.3): default false.
         *
         * @param b true to sync right after a local change
         * @return this builder
         */
        public Builder syncAfterLocalChange(boolean b) {
            syncAfterLocalChange = b;
            return this;
        }

        /**
         * Server changes pushed while scheduled (IMAP NOTIFY or IDLE); default true.
         *
         * @param b false to keep to the intervals only
         * @return this builder
         */
        public Builder pushChanges(boolean b) {
            pushChanges = b;
            return this;
        }

        /**
         * Conflict policy (F4.4): default SERVER_WINS.
         *
         * @param p the policy; not null
         * @return this builder
         * @throws InvalidSettingException if {@code p} is null
         */
        public Builder conflictPolicy(ConflictPolicy p) {
            conflictPolicy = required("conflictPolicy", p);
            return this;
        }

        /**
         * Folder sync threshold in items (F4.5): default 1024, 1 to 1,000,000; over 1024 is warned.
         *
         * @param n the threshold in items
         * @return this builder
         * @throws InvalidSettingException if {@code n} is out of bounds
         */
        public Builder folderSyncThreshold(int n) {
            folderSyncThreshold = (int) checkRange("folderSyncThreshold", n, MIN_FOLDER_SYNC_THRESHOLD,
                    MAX_FOLDER_SYNC_THRESHOLD, "items");
            return this;
        }

        /**
         * Download mode (F4.6): default FULL.
         *
         * @param m the mode; not null
         * @return this builder
         * @throws InvalidSettingException if {@code m} is null
         */
        public Builder downloadMode(DownloadMode m) {
            downloadMode = required("downloadMode", m);
            return this;
        }

        /**
         * Custom download threshold in whole MB: default 5, 1 to 2048.
         *
         * @param mb the threshold in MB
         * @return this builder
         * @throws InvalidSettingException if {@code mb} is out of bounds
         */
        public Builder downloadThresholdMb(long mb) {
            downloadThresholdBytes = checkDownloadThresholdMb("downloadThresholdMb", mb) * MB;
            return this;
        }

        /**
         * Custom download threshold in bytes, a whole number of MB (1,048,576 bytes): 1 MB to 2048 MB.
         *
         * @param bytes the threshold in bytes
         * @return this builder
         * @throws InvalidSettingException if {@code bytes} is not a whole number of MB or out of bounds
         */
        public Builder downloadThresholdBytes(long bytes) {
            downloadThresholdBytes = checkDownloadThresholdBytes("downloadThresholdBytes", bytes);
            return this;
        }

        /**
         * Re-fetch messages truncated earlier (CUSTOM and FULL modes): default false.
         *
         * @param b true to re-fetch truncated messages
         * @return this builder
         */
        public Builder applyThresholdToExisting(boolean b) {
            applyThresholdToExisting = b;
            return this;
        }

        /**
         * Documents ignore the threshold: default false.
         *
         * @param b true to download documents whole
         * @return this builder
         */
        public Builder wholeDocuments(boolean b) {
            wholeDocuments = b;
            return this;
        }

        /**
         * Only mails of the last N days: 0 = all mail (default), 0 to 36,500.
         *
         * @param days the number of days, 0 for all mail
         * @return this builder
         * @throws InvalidSettingException if {@code days} is out of bounds
         */
        public Builder mailsOfLastDays(int days) {
            mailsOfLastDays = (int) checkRange("mailsOfLastDays", days, 0, MAX_MAILS_OF_LAST_DAYS, "days");
            return this;
        }

        /**
         * Attachment links below this many MB are fetched at the end of each cycle: 0 (default, none) to 2048.
         *
         * @param mb the size limit in MB, 0 for none
         * @return this builder
         * @throws InvalidSettingException if {@code mb} is out of bounds
         */
        public Builder autoFetchAttachmentsMb(int mb) {
            autoFetchAttachmentsMb = (int) checkRange("autoFetchAttachmentsMb", mb, 0, MAX_AUTO_FETCH_ATTACHMENTS_MB, "MB");
            return this;
        }

        /**
         * Pause between two items: default 1 ms, whole ms, 1 ms to 60 s, never 0.
         *
         * @param d the pause, whole milliseconds
         * @return this builder
         * @throws InvalidSettingException if {@code d} is null or out of bounds
         */
        public Builder delayBetweenItems(Duration d) {
            delayBetweenItems = checkDelay("delayBetweenItems", d);
            return this;
        }

        /**
         * Silently revert local changes in read-only folders (F4.9): default false.
         *
         * @param b true to revert such changes
         * @return this builder
         */
        public Builder revertReadOnlyChanges(boolean b) {
            revertReadOnlyChanges = b;
            return this;
        }

        /**
         * Read receipts (F6.5): default ASK.
         *
         * @param m the mode; not null
         * @return this builder
         * @throws InvalidSettingException if {@code m} is null
         */
        public Builder readReceipts(ReadReceiptMode m) {
            readReceipts = required("readReceipts", m);
            return this;
        }

        /**
         * Keep the signature the same here and in WebClient (F10.6): default false.
         *
         * @param b true to keep the signatures the same
         * @return this builder
         */
        public Builder syncSignature(boolean b) {
            syncSignature = b;
            return this;
        }

        /**
         * What the application's daily log files hold (F11.4): default STARTUP_AND_ERRORS.
         *
         * @param l the level; not null
         * @return this builder
         * @throws InvalidSettingException if {@code l} is null
         */
        public Builder logLevel(LogLevel l) {
            logLevel = required("logLevel", l);
            return this;
        }

        /**
         * Delete daily log files older than N days when the application starts: 0 = never (default), 0 to 36,500.
         *
         * @param days the age in days, 0 to keep all logs
         * @return this builder
         * @throws InvalidSettingException if {@code days} is out of bounds
         */
        public Builder deleteLogsAfterDays(int days) {
            deleteLogsAfterDays = (int) checkRange("deleteLogsAfterDays", days, 0, MAX_DELETE_LOGS_AFTER_DAYS, "days");
            return this;
        }

        /**
         * How long the new-mail notification shows (F11.5): default 5 s, whole seconds, 0 (until closed) to 3600 s.
         *
         * @param d the duration, whole seconds; zero shows it until closed
         * @return this builder
         * @throws InvalidSettingException if {@code d} is null or out of bounds
         */
        public Builder hideNewMailAfter(Duration d) {
            hideNewMailAfter = checkSeconds("hideNewMailAfter", d);
            return this;
        }

        /**
         * Selection of folders with no choice of their own: default SELECTED; INHERIT is rejected.
         *
         * @param s the default; not null, not INHERIT
         * @return this builder
         * @throws InvalidSettingException if {@code s} is null or INHERIT
         */
        public Builder defaultSelection(FolderSelection s) {
            defaultSelection = checkDefaultSelection(s);
            return this;
        }

        /**
         * Sets one folder's choice; null removes it (the folder then follows its ancestors and the default).
         *
         * @param folder the folder; not null, not the root
         * @param s its choice, or null to remove it
         * @return this builder
         * @throws InvalidSettingException if {@code folder} is null or the root
         */
        public Builder select(FolderPath folder, FolderSelection s) {
            if (s == null) {
                checkSelection(folder, FolderSelection.UNSELECTED);
                folderSelections.remove(folder);
            } else {
                checkSelection(folder, s);
                folderSelections.put(folder, s);
            }
            return this;
        }

        /**
         * "Choisir tous": marks {@code folder} [hérite], so it and all its sub-folders are selected.
         *
         * @param folder the folder; not null, not the root
         * @return this builder
         * @throws InvalidSettingException if {@code folder} is null or the root
         */
        public Builder selectAll(FolderPath folder) {
            return select(folder, FolderSelection.INHERIT);
        }

        /**
         * Replaces every explicit choice.
         *
         * @param m folder to choice, copied; not null, no null key or value, no root
         * @return this builder
         * @throws InvalidSettingException if {@code m} or one of its entries is invalid
         */
        public Builder folderSelections(Map<FolderPath, FolderSelection> m) {
            required("folderSelections", m);
            m.forEach(SyncSettings::checkSelection);
            folderSelections.clear();
            folderSelections.putAll(m);
            return this;
        }

        /**
         * Creates the settings from the values set so far.
         *
         * @return the immutable settings; every value was already checked by its setter
         */
        public SyncSettings build() {
            return new SyncSettings(structureInterval, priorityInterval, standardInterval, galInterval, galSync,
                    accessListInterval, syncAfterLocalChange, pushChanges, conflictPolicy, folderSyncThreshold, downloadMode, downloadThresholdBytes,
                    applyThresholdToExisting, wholeDocuments, mailsOfLastDays, delayBetweenItems,
                    revertReadOnlyChanges, readReceipts, syncSignature, autoFetchAttachmentsMb, logLevel, deleteLogsAfterDays,
                    hideNewMailAfter, defaultSelection, folderSelections);
        }
    }
}
