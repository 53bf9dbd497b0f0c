package io.icesync.groupware.gal;

import io.icesync.core.FolderPath;

/**
 * How the address list is shown, after the guide's "Mode d'affichage des carnets d'adresses"
 * (Présentation tab). The guide names the modes and says little more; this is how IceSync reads them:
 * <ul>
 * <li>{@link #ENUMERATED} ("Liste énumérée – reflète la structure du dossier serveur"): the books in
 * the order the server's folder tree gives them, each book's entries in their order in the folder.
 * This is also the guide's default ("listés sans ordre").
 * <li>{@link #NAME} ("Nom du dossier – ordre alphabétique"): books sorted by their own folder name,
 * then entries by name; a book is labelled by its folder name.
 * <li>{@link #PATH} ("Chemin complet du dossier – le nom des dossiers inclut le chemin complet"):
 * books sorted by full folder path and labelled with it, then entries by name.
 * <li>{@link #NATIVE} ("Natif Outlook – l'affichage est contrôlé par Outlook"): no grouping by book;
 * one list by entry name, as Outlook's own address book shows it.
 * </ul>
 * Names compare alphabetically in a case- and accent-aware way (é next to e, not after z).
 */
public enum DisplayOrder {
    /** The server's folder order, entries in folder order. */
    ENUMERATED,
    /** Books by folder name, entries by name. */
    NAME,
    /** Books by full folder path, entries by name. */
    PATH,
    /** One list by entry name, no grouping by book. */
    NATIVE;

    /**
     * How a book's folder is named in this order: its full path for ENUMERATED and PATH, its own name otherwise.
     *
     * @param folder the book's folder
     * @return the label shown for it
     */
    public String folderLabel(FolderPath folder) {
        return this == ENUMERATED || this == PATH ? folder.join('/') : folder.name();
    }
}
