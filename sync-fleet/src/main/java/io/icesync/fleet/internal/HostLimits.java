package io.icesync.fleet.internal;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * At most so many cycles of one node talk to one server host at a time, so a fleet of accounts on
 * one server does not open more connections than it accepts from one client.
 */
public final class HostLimits {
    private final int perHost;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();

    public HostLimits(int perHost) {
        if (perHost < 1) {
            throw new IllegalArgumentException("connections per server host must be at least 1, got " + perHost);
        }
        this.perHost = perHost;
    }

    /** Takes a turn on {@code host} if one is free now; the caller then must {@link #release} it. */
    public boolean tryAcquire(String host) {
        return semaphore(host).tryAcquire();
    }

    public void release(String host) {
        semaphore(host).release();
    }

    /** The cycles talking to {@code host} now. */
    public int inUse(String host) {
        return perHost - semaphore(host).availablePermits();
    }

    private Semaphore semaphore(String host) {
        return hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new Semaphore(perHost));
    }
}
