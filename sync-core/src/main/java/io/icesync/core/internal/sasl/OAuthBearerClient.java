package io.icesync.core.internal.sasl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslException;

/**
 * The client side of SASL OAUTHBEARER (RFC 7628): one message with the login and the bearer token
 * (the mail library's password callback holds the token); when the server answers with its JSON
 * error instead of success, the single byte 0x01 that ends the exchange, after which the server
 * sends its refusal.
 */
final class OAuthBearerClient implements SaslClient {
    private final CallbackHandler cbh;
    private boolean sent;
    private boolean complete;

    OAuthBearerClient(CallbackHandler cbh) {
        this.cbh = cbh;
    }

    @Override
    public String getMechanismName() {
        return "OAUTHBEARER";
    }

    @Override
    public boolean hasInitialResponse() {
        return true;
    }

    @Override
    public byte[] evaluateChallenge(byte[] challenge) throws SaslException {
        if (!sent) {
            sent = true;
            complete = true;
            return message();
        }
        // The server's error challenge ({"status":"invalid_token",...}): answer it so that it ends with NO.
        return new byte[] {1};
    }

    private byte[] message() throws SaslException {
        NameCallback name = new NameCallback("user");
        PasswordCallback token = new PasswordCallback("token", false);
        try {
            cbh.handle(new Callback[] {name, token});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new SaslException("OAUTHBEARER: the mail library gave no login and token", e);
        }
        char[] t = token.getPassword();
        if (t == null || name.getName() == null) {
            throw new SaslException("OAUTHBEARER: no login or token");
        }
        String user = name.getName().replace("=", "=3D").replace(",", "=2C");
        String msg = "n,a=" + user + ",\u0001auth=Bearer " + new String(t) + "\u0001\u0001";
        token.clearPassword();
        return msg.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean isComplete() {
        return complete;
    }

    @Override
    public byte[] unwrap(byte[] incoming, int offset, int len) throws SaslException {
        throw new IllegalStateException("OAUTHBEARER has no security layer");
    }

    @Override
    public byte[] wrap(byte[] outgoing, int offset, int len) throws SaslException {
        throw new IllegalStateException("OAUTHBEARER has no security layer");
    }

    @Override
    public Object getNegotiatedProperty(String propName) {
        if (!complete) {
            throw new IllegalStateException("OAUTHBEARER exchange not complete");
        }
        return null;
    }

    @Override
    public void dispose() {
        // nothing held
    }
}
