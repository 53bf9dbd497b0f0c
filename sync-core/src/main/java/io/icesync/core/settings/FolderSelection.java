package io.icesync.core.settings;

/**
 * How a folder takes part in periodic sync (F4.2). Unselected folders sync only when opened or on
 * a manual "Synchronise"; INHERIT ("Choisir tous", marked [hérite]) selects the folder and all its
 * sub-folders, present and future; priority is never inherited.
 */
public enum FolderSelection {
    UNSELECTED, SELECTED, PRIORITY, INHERIT
}
