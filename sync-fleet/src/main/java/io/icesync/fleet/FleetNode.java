package io.icesync.fleet;

import io.icesync.client.IceSync;
import io.icesync.core.StoreException;
import io.icesync.core.spi.Clock;
import io.icesync.fleet.internal.AccountCycle;
import io.icesync.fleet.internal.AccountCycleJob;
import io.icesync.fleet.internal.CycleRecords;
import io.icesync.fleet.internal.HostLimits;
import io.icesync.fleet.internal.JobSync;
import io.icesync.fleet.internal.QuartzSetup;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node of a fleet: runs the cycles of the fleet's accounts on a bounded pool of threads, taking
 * its turns from a Quartz scheduler clustered on the fleet database. Start as many nodes as wanted,
 * on any machines that reach the database and the accounts' local stores: each account runs on one
 * node at a time, and when a node dies, another runs its accounts.
 *
 * <pre>{@code
 * try (FleetDatabase db = FleetDatabase.open(url, "icesync", password, 12);
 *      FleetNode node = FleetNode.builder(db).root(Path.of("/srv/mail")).threads(4).build()) {
 *     node.start();
 *     ...
 * }
 * }</pre>
 */
public final class FleetNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FleetNode.class);

    private final FleetDatabase db;
    private final String nodeId;
    private final Builder options;
    private final HostLimits hosts;
    private final AccountCycle.Parts parts;
    private final Map<String, IceSync> running = new ConcurrentHashMap<>();
    private final AtomicLong cycles = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    /** End times of the cycles of the last minute, for cycles per minute. */
    private final ConcurrentLinkedDeque<Instant> recent = new ConcurrentLinkedDeque<>();
    private Scheduler scheduler;
    private ScheduledExecutorService housekeeping;
    private volatile boolean stopped;

    private FleetNode(Builder b) {
        this.db = b.db;
        this.options = b;
        this.nodeId = b.nodeId != null ? b.nodeId : defaultNodeId();
        this.hosts = new HostLimits(b.perHost > 0 ? b.perHost : b.threads);
        LocalStoreFactory locals = b.locals != null ? b.locals : LocalStoreFactory.profileLayout(b.root);
        SecretStoreFactory secrets = b.secrets != null ? b.secrets : SecretStoreFactory.files(b.root);
        this.parts = new AccountCycle.Parts(email -> db.stateStore(email, "", b.clock), locals::open,
                secrets::forAccount, new CycleRecords(db.dataSource()), b.clock, b.backoffBase, b.backoffMax,
                b.cycleEvery != null);
    }

    /**
     * A node on {@code db}.
     *
     * @param db the fleet's database, open while the node runs
     * @return a builder with the defaults below
     */
    public static Builder builder(FleetDatabase db) {
        return new Builder(db);
    }

    private static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }

    /**
     * This node's name in the cluster and in the cycles it records.
     *
     * @return the id given to the builder, or the host name and process id
     */
    public String nodeId() {
        return nodeId;
    }

    /**
     * Joins the cluster and starts taking turns: schedules the accounts that have no job yet, and
     * looks at the accounts again every few seconds (added, removed, intervals changed).
     *
     * @throws StoreException if the scheduler cannot use the database
     */
    public synchronized void start() {
        if (scheduler != null) {
            throw new IllegalStateException("node " + nodeId + " is started already");
        }
        try {
            scheduler = QuartzSetup.create(db.dataSource(), nodeId, options.threads, options.checkin.toMillis());
            scheduler.getContext().put(AccountCycleJob.RUNNER, (AccountCycleJob.Runner) this::runCycle);
            JobSync jobs = new JobSync(scheduler, db.accounts(), options.cycleEvery);
            jobs.run();
            scheduler.start();
            housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "icesync-fleet-accounts");
                t.setDaemon(true);
                return t;
            });
            long every = options.accountsEvery.toMillis();
            housekeeping.scheduleWithFixedDelay(() -> {
                try {
                    jobs.run();
                } catch (RuntimeException e) {
                    LOG.warn("node {}: cannot bring the schedules up to date with the accounts ({})", nodeId,
                            e.getMessage());
                }
            }, every, every, TimeUnit.MILLISECONDS);
            LOG.info("fleet node {} started: {} threads, {} per server host, database {}", nodeId, options.threads,
                    options.perHost > 0 ? options.perHost : options.threads, db.url());
        } catch (SchedulerException e) {
            throw new StoreException("fleet node " + nodeId + ": cannot start the scheduler on " + db.url() + " ("
                    + e.getMessage() + ")", e);
        }
    }

    private void runCycle(String email, boolean recovering) {
        if (stopped) {
            return;
        }
        FleetAccount account = db.accounts().find(email).orElse(null);
        if (account == null) {
            return;
        }
        String host = account.profile().account().imap().host();
        if (!hosts.tryAcquire(host)) {
            // Every connection to that server is in use on this node: the account waits for its next turn.
            skipped.incrementAndGet();
            return;
        }
        try {
            if (recovering) {
                LOG.info("{}: recovering a cycle a stopped node left unfinished", email);
            }
            AccountCycle.Outcome o = AccountCycle.run(account, nodeId, parts, sync -> {
                if (sync == null) {
                    running.remove(email);
                } else {
                    running.put(email, sync);
                }
            });
            if (o != AccountCycle.Outcome.SKIPPED) {
                cycles.incrementAndGet();
                recent.addLast(Instant.now());
                if (o == AccountCycle.Outcome.FAILED) {
                    failures.incrementAndGet();
                }
            } else {
                skipped.incrementAndGet();
            }
        } finally {
            hosts.release(host);
        }
    }

    /**
     * What this node did since it started.
     *
     * @return its cycles, failures, skipped turns, running cycles and cycles of the last minute
     */
    public NodeMetrics metrics() {
        Instant minuteAgo = Instant.now().minus(Duration.ofMinutes(1));
        while (!recent.isEmpty() && recent.peekFirst().isBefore(minuteAgo)) {
            recent.pollFirst();
        }
        return new NodeMetrics(nodeId, running.size(), cycles.get(), failures.get(), skipped.get(), recent.size());
    }

    /**
     * Leaves the cluster: no new cycle starts, the running ones are cancelled (their intents settle at
     * the account's next cycle, on any node) and waited for.
     */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (housekeeping != null) {
            housekeeping.shutdownNow();
        }
        if (scheduler != null) {
            try {
                scheduler.standby();
                running.values().forEach(IceSync::cancel);
                scheduler.shutdown(true);
            } catch (SchedulerException e) {
                LOG.warn("fleet node {}: scheduler shutdown failed ({})", nodeId, e.getMessage());
            }
        }
        LOG.info("fleet node {} stopped after {} cycles", nodeId, cycles.get());
    }

    @Override
    public String toString() {
        return "FleetNode[" + nodeId + "]";
    }

    /** A node's choices. */
    public static final class Builder {
        private final FleetDatabase db;
        private Path root;
        private LocalStoreFactory locals;
        private SecretStoreFactory secrets;
        private int threads = 4;
        private int perHost;
        private String nodeId;
        private Duration cycleEvery;
        private Duration backoffBase = Duration.ofSeconds(30);
        private Duration backoffMax = Duration.ofHours(1);
        private Duration checkin = Duration.ofMillis(7_500);
        private Duration accountsEvery = Duration.ofSeconds(10);
        private Clock clock = Clock.SYSTEM;

        private Builder(FleetDatabase db) {
            this.db = Objects.requireNonNull(db, "db");
        }

        /**
         * The folder shared by the nodes where each account has {@code ROOT/<e-mail address>/}: its
         * local store and its secrets by default.
         *
         * @param dir the shared folder, not null
         * @return this builder
         */
        public Builder root(Path dir) {
            this.root = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * The application's local store per account (default: {@link LocalStoreFactory#profileLayout}).
         *
         * @param f the factory, not null
         * @return this builder
         */
        public Builder localStores(LocalStoreFactory f) {
            this.locals = Objects.requireNonNull(f, "f");
            return this;
        }

        /**
         * The application's secret store per account (default: {@link SecretStoreFactory#files}).
         *
         * @param f the factory, not null
         * @return this builder
         */
        public Builder secrets(SecretStoreFactory f) {
            this.secrets = Objects.requireNonNull(f, "f");
            return this;
        }

        /**
         * Cycles this node runs at once (default 4).
         *
         * @param n 1 to 1000
         * @return this builder
         * @throws IllegalArgumentException for a number out of range
         */
        public Builder threads(int n) {
            if (n < 1 || n > 1000) {
                throw new IllegalArgumentException("threads must be 1 to 1000, got " + n);
            }
            this.threads = n;
            return this;
        }

        /**
         * Cycles of this node talking to one server host at once (default: as many as threads).
         *
         * @param n at least 1
         * @return this builder
         * @throws IllegalArgumentException for a number below 1
         */
        public Builder perHost(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("connections per server host must be at least 1, got " + n);
            }
            this.perHost = n;
            return this;
        }

        /**
         * This node's name in the cluster (default: host name and process id); unique among running nodes.
         *
         * @param id 1 to 100 of {@code A-Z a-z 0-9 . _ -}
         * @return this builder
         * @throws IllegalArgumentException for another id
         */
        public Builder nodeId(String id) {
            if (id == null || !id.matches("[A-Za-z0-9._-]{1,100}")) {
                throw new IllegalArgumentException("a node id is 1 to 100 of A-Z a-z 0-9 . _ -, got '" + id + "'");
            }
            this.nodeId = id;
            return this;
        }

        /**
         * Every account's cycle, a full one, this often, instead of the intervals of its settings
         * (priority interval for the turns, standard interval for full cycles). For a first sync of
         * many accounts, and for tests.
         *
         * @param d at least 100 ms
         * @return this builder
         * @throws IllegalArgumentException for a null or shorter duration
         */
        public Builder cycleEvery(Duration d) {
            if (d == null || d.toMillis() < 100) {
                throw new IllegalArgumentException("cycleEvery must be at least 100 ms, got " + d);
            }
            this.cycleEvery = d;
            return this;
        }

        /**
         * After failed cycles an account waits {@code base}, doubled at each failure up to {@code max}.
         *
         * @param base the wait after the first failure, above zero
         * @param max  the longest wait, at least {@code base}
         * @return this builder
         * @throws IllegalArgumentException unless 0 &lt; base &lt;= max
         */
        public Builder backoff(Duration base, Duration max) {
            if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
                throw new IllegalArgumentException("backoff needs 0 < base <= max, got " + base + " and " + max);
            }
            this.backoffBase = base;
            this.backoffMax = max;
            return this;
        }

        /**
         * How often the node tells the cluster it is alive (default 7.5 s): a node silent for longer is
         * taken for dead and its cycles are run again elsewhere. Every node should use the same value.
         *
         * @param d at least 500 ms
         * @return this builder
         * @throws IllegalArgumentException for a shorter duration
         */
        public Builder clusterCheckin(Duration d) {
            if (d.toMillis() < 500) {
                throw new IllegalArgumentException("cluster check-in must be at least 500 ms, got " + d);
            }
            this.checkin = d;
            return this;
        }

        /**
         * How often the node looks for accounts added, removed or changed (default 10 s).
         *
         * @param d at least 100 ms
         * @return this builder
         * @throws IllegalArgumentException for a shorter duration
         */
        public Builder accountsEvery(Duration d) {
            if (d.toMillis() < 100) {
                throw new IllegalArgumentException("accountsEvery must be at least 100 ms, got " + d);
            }
            this.accountsEvery = d;
            return this;
        }

        /**
         * The clock of the accounts' cycles and states (default: the system's); for tests.
         *
         * @param c the clock, not null
         * @return this builder
         */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * The node, not started.
         *
         * @return the node, to {@link FleetNode#start() start} and close
         * @throws IllegalStateException without a root and without both factories
         */
        public FleetNode build() {
            if (root == null && (locals == null || secrets == null)) {
                throw new IllegalStateException("a fleet node needs a root folder, or a local store factory and a"
                        + " secret store factory");
            }
            return new FleetNode(this);
        }
    }
}
