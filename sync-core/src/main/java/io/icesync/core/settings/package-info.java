/**
 * The sync settings of the guide's dialog (F4, F10): {@link io.icesync.core.settings.SyncSettings} with
 * each default and bound next to its field, read and written by {@link io.icesync.core.settings.SettingsJson};
 * {@link io.icesync.core.settings.SettingsPolicy} locks values at global, domain or user level, and
 * {@link io.icesync.core.settings.EffectiveSettings} is what the engine applies.
 */
package io.icesync.core.settings;
