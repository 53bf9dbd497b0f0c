package io.icesync.fleet.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * A Quartz scheduler on the fleet's database: the clustered JDBC job store (JobStoreTX with
 * PostgreSQL's delegate), so that every node sees every job, a job marked non-concurrent runs on one
 * node at a time (the cluster's row lock), and a node that stops checking in has its jobs recovered
 * by another.
 */
public final class QuartzSetup {
    /** Every node of every fleet uses this scheduler name: one cluster per database. */
    public static final String SCHEDULER_NAME = "icesync-fleet";

    private QuartzSetup() {
    }

    /**
     * A scheduler, not started, whose job store uses {@code ds}.
     *
     * @param nodeId          this node's name in the cluster, unique among running nodes
     * @param threads         cycles this node runs at once
     * @param checkinInterval how often (ms) the node tells the cluster it is alive; a node silent for
     *                        a little more than this is taken for dead and its jobs are recovered
     */
    public static Scheduler create(DataSource ds, String nodeId, int threads, long checkinInterval)
            throws SchedulerException {
        String dsName = "icesync-fleet-" + nodeId;
        DBConnectionManager.getInstance().addConnectionProvider(dsName, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return ds.getConnection();
            }

            @Override
            public void shutdown() {
                // The pool belongs to the fleet database, closed by its owner.
            }

            @Override
            public void initialize() {
                // Nothing to set up: the pool is open.
            }
        });
        Properties p = new Properties();
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, SCHEDULER_NAME);
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, nodeId);
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "icesync-fleet-cycle");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dsName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(checkinInterval));
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        // Each node fetches as many due triggers as it has free threads, not one per round trip.
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", Integer.toString(threads));
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow", "1000");
        StdSchedulerFactory factory = new StdSchedulerFactory(p);
        return factory.getScheduler();
    }
}
