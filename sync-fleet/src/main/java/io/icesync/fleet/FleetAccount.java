package io.icesync.fleet;

import io.icesync.client.Profile;
import java.time.Instant;
import java.util.Objects;

/**
 * One account of a fleet: its profile (server, login, settings; never a password) and how its last
 * cycles went.
 *
 * @param email      the account's key: its e-mail address, also the name of its folder under the root
 * @param profile    the account's profile, as a profile folder's {@code profile.json} holds it
 * @param added      when it was added
 * @param failures   the cycles failed in a row since the last good one (0 when the last one went well)
 * @param retryAfter after a failure, no cycle before this time (exponential backoff); null otherwise
 * @param lastError  the last failed cycle's error, or null
 */
public record FleetAccount(String email, Profile profile, Instant added, int failures, Instant retryAfter,
                           String lastError) {
    /**
     * Checks the values.
     *
     * @param email      the account's e-mail address, not null
     * @param profile    the account's profile, not null
     * @param added      when it was added, not null
     * @param failures   the cycles failed in a row since the last good one
     * @param retryAfter no cycle before this time, or null
     * @param lastError  the last failed cycle's error, or null
     * @throws NullPointerException when {@code email}, {@code profile} or {@code added} is null
     */
    public FleetAccount {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(added, "added");
    }
}
