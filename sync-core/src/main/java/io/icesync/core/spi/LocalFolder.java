package io.icesync.core.spi;

import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;

/**
 * A folder in the local store. {@code id} is stable across renames and moves made by any program
 * (so that a rename is seen as a rename, not as delete + create).
 */
public record LocalFolder(FolderPath path, String id, FolderKind kind) {
}
