package io.icesync.core;

import java.util.Objects;

/** A server address and how to secure the connection to it. */
public record Endpoint(String host, int port, Security security) {
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

    /** Parses {@code HOST:PORT} (IPv6 as {@code [::1]:993}). */
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
