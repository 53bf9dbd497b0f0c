package io.icesync.core.settings;

/**
 * How a folder takes part in periodic sync (F4.2; guide, onglet Synchronisation). The effective
 * value of a folder is {@link SyncSettings#selectionOf}, which is never {@link #INHERIT}.
 */
public enum FolderSelection {
    /**
     * "Désélectionner": synchronised only when opened or on a manual "Synchroniser" ("Les dossiers non
     * prioritaires et non sélectionnés ne sont synchronisés que lorsqu'ils sont sélectionnés").
     */
    UNSELECTED,
    /** "Choisir": synchronised every {@link SyncSettings#standardInterval()}. */
    SELECTED,
    /** "Synchronisation prioritaire" ([prioritaire], in red): every {@link SyncSettings#priorityInterval()}; never inherited. */
    PRIORITY,
    /**
     * "Choisir tous" ([hérite]): the folder is selected and so are all its sub-folders, present and
     * future, unless a sub-folder has its own choice. "La priorité n'est pas héritée automatiquement."
     * Only an explicit choice for one folder; never an effective value nor a default.
     */
    INHERIT
}
