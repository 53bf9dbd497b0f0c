package io.icesync.core.engine;

import io.icesync.core.FolderPath;
import java.time.Duration;
import java.util.Objects;

/**
 * New mail arrived (F11.5): what the application's notification says and how long it shows it.
 * Told once per folder and cycle, for the unread messages that cycle brought down.
 *
 * @param folder    where the mail arrived
 * @param count     how many new unread messages, at least 1
 * @param hideAfter the profile's "Masquer notification après (secondes)" at that cycle: hide the
 *                  notification after this long; {@link Duration#ZERO} means show it until the user closes it
 */
public record NewMail(FolderPath folder, int count, Duration hideAfter) {
    /**
     * Checks the values.
     *
     * @param folder    where the mail arrived; not null
     * @param count     how many new unread messages, at least 1
     * @param hideAfter how long to show the notification, zero or more; not null
     * @throws NullPointerException     when {@code folder} or {@code hideAfter} is null
     * @throws IllegalArgumentException when {@code count} is below 1 or {@code hideAfter} negative
     */
    public NewMail {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(hideAfter, "hideAfter");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        if (hideAfter.isNegative()) {
            throw new IllegalArgumentException("hideAfter must not be negative, got " + hideAfter);
        }
    }

    /**
     * Whether the notification stays until the user closes it.
     *
     * @return true when {@code hideAfter} is zero
     */

    public boolean staysUntilClosed() {
        return hideAfter.isZero();
    }
}
