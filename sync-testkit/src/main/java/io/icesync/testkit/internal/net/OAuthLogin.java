package io.icesync.testkit.internal.net;

import io.icesync.testkit.MailServerModel;
import io.icesync.testkit.TestAccount;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The server side of SASL XOAUTH2 and OAUTHBEARER (RFC 7628) shared by the IMAP and SMTP servers: reads
 * the client's base64 message, checks its token against the model, and makes the JSON error challenge a
 * refused token gets (after which the client sends one line, and the server refuses the login).
 */
public final class OAuthLogin {
    private OAuthLogin() {
    }

    /** Whether the mechanism is one of the two token mechanisms. */
    public static boolean handles(String mechanism) {
        String m = mechanism.toUpperCase(Locale.ROOT);
        return m.equals("XOAUTH2") || m.equals("OAUTHBEARER");
    }

    /** The account the message opens, or empty when it is malformed or its token is refused. */
    public static Optional<TestAccount> check(MailServerModel model, String mechanism, String base64) {
        String msg;
        try {
            msg = new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String user = null;
        String token = null;
        String[] parts = msg.split("\u0001", -1);
        int from = 0;
        if (mechanism.equalsIgnoreCase("OAUTHBEARER")) {
            // gs2 header: "n,a=user," then key=value pairs
            String[] gs2 = parts[0].split(",", -1);
            if (gs2.length < 2 || !gs2[0].equals("n")) {
                return Optional.empty();
            }
            if (gs2[1].startsWith("a=")) {
                user = gs2[1].substring(2).replace("=2C", ",").replace("=3D", "=");
            }
            from = 1;
        }
        for (int i = from; i < parts.length; i++) {
            String p = parts[i];
            if (p.startsWith("user=")) {
                user = p.substring(5);
            } else if (p.regionMatches(true, 0, "auth=Bearer ", 0, 12)) {
                token = p.substring(12);
            }
        }
        if (token == null || (mechanism.equalsIgnoreCase("XOAUTH2") && user == null)) {
            return Optional.empty();
        }
        return model.authenticateToken(user, token);
    }

    /** The base64 JSON error a server sends for a refused token, as RFC 7628 section 3.2.2 writes it. */
    public static String errorChallenge() {
        String json = "{\"status\":\"invalid_token\",\"scope\":\"mail\"}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
