package io.icesync.core.spi;

import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;

/**
 * A folder in the local store. {@code id} is stable across renames and moves made by any program
 * (so that a rename is seen as a rename, not as delete + create).
 *
 * @param path the folder's path
 * @param id   the store's stable id of the folder
 * @param kind what the folder holds
 */

public record LocalFolder(FolderPath path, String id, FolderKind kind) {
}
