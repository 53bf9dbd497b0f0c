package io.icesync.core;

import java.util.Objects;

/**
 * A server address and how to secure the connection to it.
 *
 * @param host     the server's host name or address (an IPv6 address without brackets)
 * @param port     the TCP port, 1 to 65535
 * @param security how the connection is protected
 */
public record Endpoint(String host, int port, Security security) {
    /**
     * Checks the endpoint.
     *
     * @param host     the host; not blank
     * @param port     the port, 1 to 65535
     * @param security the protection; not null
     * @throws IllegalArgumentException when the host is blank or the port out of range
     * @throws NullPointerException     when the host or the security is null
     */
    public Endpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        if (host.isBlank()) {
            throw new IllegalArgumentException("empty host name");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1..65535");
        }
    }

    /**
     * Parses {@code HOST:PORT} (IPv6 as {@code [::1]:993}).
     *
     * @param hostPort the text
     * @param security how the connection is protected
     * @return the endpoint
     * @throws IllegalArgumentException when the text is not {@code HOST:PORT} with a valid port
     */

    public static Endpoint parse(String hostPort, Security security) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("expected HOST:PORT, got '" + hostPort + "'");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port is not a number in '" + hostPort + "'");
        }
        return new Endpoint(host, port, security);
    }

    @Override
    public String toString() {
        return host + ":" + port + " (" + security.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
