package io.icesync.client;

import java.util.List;

/**
 * What the state mirrors of rights and shares (F8), read without connecting: the rights of the
 * user's folders and the folders other users share with the user.
 *
 * @param folders the user's folders with their rights as last seen
 * @param shared  the folders shared with the user, offered, subscribed or refused
 */
public record SharingStatus(List<FolderRights> folders, List<SharedFolder> shared) {
    /**
     * Copies the lists.
     *
     * @param folders the user's folders with their rights, not null
     * @param shared  the folders shared with the user, not null
     */
    public SharingStatus {
        folders = List.copyOf(folders);
        shared = List.copyOf(shared);
    }

    /**
     * The folders worth showing: where the user's rights are not the owner's, or others have rights.
     *
     * @return those of {@link #folders()}, including the ones that inherit their parent's list
     */
    public List<FolderRights> notable() {
        return folders.stream().filter(f -> !f.grants().isEmpty() || f.inherits()
                || f.mine().preset().filter(p -> p == io.icesync.core.AccessPreset.FULL).isEmpty()).toList();
    }
}
