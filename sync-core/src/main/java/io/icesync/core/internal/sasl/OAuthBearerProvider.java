package io.icesync.core.internal.sasl;

import java.security.Provider;
import java.security.Security;

/**
 * Makes {@code javax.security.sasl.Sasl} find IceSync's OAUTHBEARER client: a security provider with
 * that one SASL client factory, added once, last, so that a provider the application installed wins.
 */
public final class OAuthBearerProvider extends Provider {
    private static final long serialVersionUID = 1L;
    static final String NAME = "IceSync-OAUTHBEARER";

    private OAuthBearerProvider() {
        super(NAME, "1.0", "SASL OAUTHBEARER client (RFC 7628)");
        put("SaslClientFactory.OAUTHBEARER", OAuthBearerFactory.class.getName());
    }

    /** Adds the provider unless it is there. */
    public static synchronized void install() {
        if (Security.getProvider(NAME) == null) {
            Security.addProvider(new OAuthBearerProvider());
        }
    }
}
