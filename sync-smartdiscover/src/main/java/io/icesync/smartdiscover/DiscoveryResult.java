package io.icesync.smartdiscover;

import java.util.List;
import java.util.Optional;

/** The settings found, if any, and the trail of every candidate tried (F1.3: the manual fallback shows it). */
public record DiscoveryResult(String email, DiscoveredSettings settings, List<DiscoveryAttempt> trail) {
    /**
     * Takes a copy of the trail.
     *
     * @param email    the address discovery ran for
     * @param settings what was found, or null when no candidate answered
     * @param trail    every candidate tried, in order
     */
    public DiscoveryResult {
        trail = List.copyOf(trail);
    }

    /** {@return whether settings were found} */
    public boolean found() {
        return settings != null;
    }

    /** {@return the settings found, or empty} */
    public Optional<DiscoveredSettings> settingsIfFound() {
        return Optional.ofNullable(settings);
    }
}
