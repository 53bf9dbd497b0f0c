package io.icesync.core.mail;

import io.icesync.core.AuthenticationException;
import io.icesync.core.IceSyncException;
import io.icesync.core.TokenSource;
import java.util.Objects;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs in with access tokens: the token the source gave last (asked once), and when the server refuses
 * it, one fresh token asked of the source and one more try; a second refusal is the caller's to report.
 * One per client, shared by its connections; thread-safe. Tokens are never logged nor put in messages.
 */
public final class TokenLogin {
    private static final Logger LOG = LoggerFactory.getLogger(TokenLogin.class);

    /** One login with a token, failing with the protocol's exception when the server refuses it. */
    @FunctionalInterface
    public interface Attempt<E extends Exception> {
        /**
         * Logs in with {@code token}.
         *
         * @param token the access token
         * @throws E when the login fails
         */
        void login(String token) throws E;
    }

    private final TokenSource source;
    private final String user;
    private String current;

    /**
     * @param source where tokens come from
     * @param user   the login, for messages
     */
    public TokenLogin(TokenSource source, String user) {
        this.source = Objects.requireNonNull(source, "source");
        this.user = user;
    }

    /**
     * Logs in with the current token; if {@code refused} says the server refused it, asks the source for a
     * fresh one and logs in once more. The second refusal, or any other failure, is thrown as is.
     *
     * @param <E> the protocol's exception type
     * @param attempt one login with a given token
     * @param refused tells from a failure of {@code attempt} that the server refused the token
     * @throws E when the second attempt fails, or the first fails otherwise than by a refusal
     * @throws AuthenticationException when the source gives no token (it failed or answered blank)
     */
    public <E extends Exception> void login(Attempt<E> attempt, Predicate<Exception> refused) throws E {
        String token = token(false);
        try {
            attempt.login(token);
            return;
        } catch (Exception e) {
            if (!refused.test(e)) {
                throw e;
            }
            LOG.info("the server refused the access token of {}; asking the token source for a fresh one", user);
        }
        attempt.login(token(true));
    }

    private String token(boolean refresh) {
        synchronized (this) {
            if (!refresh && current != null) {
                return current;
            }
        }
        String t;
        try {
            t = source.token(refresh);
        } catch (IceSyncException e) {
            throw e;
        } catch (Exception e) {
            throw new AuthenticationException("the token source gave no access token for '" + user + "' ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        if (t == null || t.isBlank()) {
            throw new AuthenticationException("the token source gave an empty access token for '" + user + "'", null);
        }
        synchronized (this) {
            current = t.strip();
            return current;
        }
    }
}
