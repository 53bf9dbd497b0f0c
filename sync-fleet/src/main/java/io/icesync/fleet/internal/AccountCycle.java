package io.icesync.fleet.internal;

import io.icesync.client.IceSync;
import io.icesync.core.engine.FirstSyncChoice;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.FolderSelection;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.Clock;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.spi.SecretStore;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.fleet.FleetAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cycle of one account on this node: the facade built over the account's profile, its state in
 * the fleet database, its local store and its secret store; a full cycle once the standard interval
 * has passed since the last one, else the priority folders; the outcome recorded, with the backoff.
 */
public final class AccountCycle {
    private static final Logger LOG = LoggerFactory.getLogger(AccountCycle.class);

    /** What a cycle needs from its node. */
    public record Parts(Function<String, SyncStateStore> states, Function<FleetAccount, LocalStore> locals,
                        Function<String, SecretStore> secrets, CycleRecords records, Clock clock,
                        Duration backoffBase, Duration backoffMax, boolean alwaysFull) {
    }

    /** How a cycle ended. */
    public enum Outcome { SKIPPED, OK, FAILED }

    private AccountCycle() {
    }

    /**
     * Runs one cycle of {@code account}. {@code onOpen} receives the facade while it runs (so a stopping
     * node can cancel it) and null after.
     */
    public static Outcome run(FleetAccount account, String node, Parts parts, java.util.function.Consumer<IceSync> onOpen) {
        String email = account.email();
        Instant now = parts.clock().now();
        CycleRecords.Due due = parts.records().due(email).orElse(null);
        if (due == null) {
            return Outcome.SKIPPED; // removed meanwhile
        }
        if (due.retryAfter() != null && now.isBefore(due.retryAfter())) {
            LOG.debug("{}: held back after errors until {}", email, due.retryAfter());
            return Outcome.SKIPPED;
        }
        SyncSettings settings = account.profile().settings();
        boolean full = parts.alwaysFull() || due.lastFull() == null
                || !now.isBefore(due.lastFull().plus(settings.standardInterval()));
        long id = parts.records().start(email, node, now);
        try (IceSync sync = open(account, parts)) {
            onOpen.accept(sync);
            SyncReport report = full ? sync.syncOnce() : sync.engine().syncFolders(FolderSelection.PRIORITY);
            parts.records().succeeded(id, email, parts.clock().now(), full, report.downloaded(), report.uploaded(),
                    report.changedAnything() ? 1 : 0);
            LOG.info("{}: {} cycle done on {}: {}", email, full ? "full" : "priority", node, report.summary());
            return Outcome.OK;
        } catch (RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            Instant retry = parts.records().failed(id, email, parts.clock().now(), error, parts.backoffBase(),
                    parts.backoffMax());
            LOG.warn("{}: cycle failed on {} ({}); next try after {}", email, node, error, retry);
            return Outcome.FAILED;
        } finally {
            onOpen.accept(null);
        }
    }

    private static IceSync open(FleetAccount account, Parts parts) {
        Supplier<SyncStateStore> state = () -> parts.states().apply(account.email());
        SyncStateStore s = state.get();
        LocalStore local = null;
        try {
            local = parts.locals().apply(account);
            return IceSync.builder().profile(account.profile()).secrets(parts.secrets().apply(account.email()))
                    .state(s).local(local).clock(parts.clock())
                    // Unattended: local items of a store without state are matched to the server's, the rest uploaded.
                    .firstSync(n -> FirstSyncChoice.UPLOAD_LOCAL).build();
        } catch (RuntimeException e) {
            closeQuietly(local, e);
            closeQuietly(s, e);
            throw e;
        }
    }

    private static void closeQuietly(AutoCloseable c, RuntimeException into) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception x) {
            into.addSuppressed(x);
        }
    }
}
