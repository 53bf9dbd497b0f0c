package io.icesync.core.internal.sasl;

import java.util.Arrays;
import java.util.Map;
import javax.security.auth.callback.CallbackHandler;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslClientFactory;

/** Makes {@link OAuthBearerClient}s; public with a public constructor for the provider to load it. */
public final class OAuthBearerFactory implements SaslClientFactory {
    private static final String[] NAMES = {"OAUTHBEARER"};

    /** Called by the security framework. */
    public OAuthBearerFactory() {
    }

    @Override
    public SaslClient createSaslClient(String[] mechanisms, String authorizationId, String protocol, String serverName,
                                       Map<String, ?> props, CallbackHandler cbh) {
        return Arrays.asList(mechanisms).contains(NAMES[0]) ? new OAuthBearerClient(cbh) : null;
    }

    @Override
    public String[] getMechanismNames(Map<String, ?> props) {
        return NAMES.clone();
    }
}
