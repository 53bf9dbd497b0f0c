package io.icesync.testkit;

import java.util.Locale;
import java.util.Map;

/**
 * A request the {@link TestWebDav} server received, for tests that check what a client sent.
 *
 * @param method  the HTTP method, upper case
 * @param path    the path relative to the account's root, decoded ("" for the root)
 * @param user    the login the request authenticated as, or null
 * @param headers the first value of each header, names in lower case; never the Authorization header
 */
public record WebDavRequest(String method, String path, String user, Map<String, String> headers) {
    /**
     * Keeps an unmodifiable copy of the headers.
     *
     * @param method  the HTTP method, upper case
     * @param path    the path relative to the account's root, decoded ("" for the root)
     * @param user    the login the request authenticated as, or null
     * @param headers the first value of each header, names in lower case; not null
     */
    public WebDavRequest {
        headers = Map.copyOf(headers);
    }

    /**
     * A header's first value.
     *
     * @param name the header's name, in any case
     * @return the value, or null when the request had no such header
     */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
