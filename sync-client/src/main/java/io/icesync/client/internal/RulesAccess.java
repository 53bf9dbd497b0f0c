package io.icesync.client.internal;

import io.icesync.core.Endpoint;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.rules.IceWarpRulesProvider;
import io.icesync.rules.RulesProvider;
import io.icesync.rules.SieveRulesProvider;
import java.net.URI;

/**
 * Opens the rule stores of sync-rules. The facade calls it only after {@link OptionalModules#requireRules},
 * so that without sync-rules it never links a class of that module (the JVM would, to check that a
 * provider is a {@link RulesProvider}).
 */
public final class RulesAccess {
    private RulesAccess() {
    }

    /** The rules through IceWarp's XML API at {@code api}. */
    public static RulesProvider icewarp(URI api, io.icesync.core.ServiceAccess access,
                                        io.icesync.net.HttpClientFactory http) {
        return IceWarpRulesProvider.connect(api, access, http);
    }

    /** The rules as a Sieve script over ManageSieve at {@code sieve}. */
    public static RulesProvider sieve(Endpoint sieve, String login, char[] password, CertificateTrust trust) {
        return SieveRulesProvider.connect(sieve, login, password, trust);
    }
}
