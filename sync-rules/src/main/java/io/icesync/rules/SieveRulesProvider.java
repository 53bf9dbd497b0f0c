package io.icesync.rules;

import io.icesync.core.Endpoint;
import io.icesync.core.spi.CertificateTrust;
import java.time.Duration;
import java.util.Objects;

/**
 * Rules as a Sieve script pushed over ManageSieve (RFC 5804) and made the active one. Pull reads back
 * the script IceSync wrote; a script written by someone else is refused rather than guessed at.
 */
public final class SieveRulesProvider implements RulesProvider {
    /** The script IceSync owns on the server. */
    public static final String SCRIPT = "icesync";

    private final ManageSieve sieve;

    private SieveRulesProvider(ManageSieve sieve) {
        this.sieve = sieve;
    }

    /**
     * Connects (STARTTLS unless the endpoint says PLAIN or SSL) and logs in, with 15 s timeouts.
     *
     * @param endpoint the ManageSieve server
     * @param login    the login name
     * @param password its password
     * @param trust    certificates accepted beyond the system's CAs
     * @return a provider logged in; close it when done
     * @throws io.icesync.core.AuthenticationException when the login is refused
     * @throws io.icesync.core.UntrustedCertificateException when the server's certificate is not trusted
     * @throws io.icesync.core.ConnectionException when the server cannot be reached
     */
    public static SieveRulesProvider connect(Endpoint endpoint, String login, char[] password, CertificateTrust trust) {
        Objects.requireNonNull(trust, "trust");
        return new SieveRulesProvider(ManageSieve.open(endpoint, login, password, trust, Duration.ofSeconds(15)));
    }

    @Override
    public RuleSet pull() {
        String script = sieve.getScript(SCRIPT);
        return script == null ? RuleSet.empty() : SieveExport.read(script);
    }

    @Override
    public PushReport push(RuleSet rules) {
        String offered = sieve.capabilities().getOrDefault("SIEVE", "");
        SieveExport.Result r = offered.isBlank() ? SieveExport.export(rules)
                : SieveExport.export(rules, new java.util.HashSet<>(java.util.Arrays.asList(
                        offered.toLowerCase(java.util.Locale.ROOT).trim().split("\\s+"))));
        sieve.putScript(SCRIPT, r.script());
        sieve.setActive(SCRIPT);
        return new PushReport(r.unsupported());
    }

    /** {@return the script as the server holds it, for display; null when there is none} */
    public String script() {
        return sieve.getScript(SCRIPT);
    }

    @Override
    public void close() {
        sieve.close();
    }
}
