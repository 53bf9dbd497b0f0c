package io.icesync.core;

/**
 * Where an access token for SASL XOAUTH2 or OAUTHBEARER comes from (an OAuth 2.0 bearer token the
 * embedding application obtained for the user). IceSync asks {@code token(false)} when it logs in and
 * keeps the answer for later connections; when the server refuses it (expired, revoked) IceSync asks
 * {@code token(true)} once and logs in again with the answer; a second refusal is an
 * {@link AuthenticationException}. Tokens never appear in IceSync's messages or logs.
 *
 * <pre>{@code
 * TokenSource tokens = refresh -> refresh ? oauth.refreshAccessToken() : oauth.currentAccessToken();
 * }</pre>
 *
 * Called from IceSync's threads, one login at a time per client; may block while it fetches a token.
 */
@FunctionalInterface
public interface TokenSource {
    /**
     * The access token to log in with.
     *
     * @param refresh true when the server refused the last token: a new one is needed, not the cached one
     * @return the bearer token, never null or blank
     * @throws Exception when no token can be had; the login then fails with an {@link AuthenticationException}
     */
    String token(boolean refresh) throws Exception;
}
