package io.icesync.smartdiscover;

import java.util.List;
import java.util.Optional;

/** The settings found, if any, and the trail of every candidate tried (F1.3: the manual fallback shows it). */
public record DiscoveryResult(String email, DiscoveredSettings settings, List<DiscoveryAttempt> trail) {
    public DiscoveryResult {
        trail = List.copyOf(trail);
    }

    public boolean found() {
        return settings != null;
    }

    public Optional<DiscoveredSettings> settingsIfFound() {
        return Optional.ofNullable(settings);
    }
}
