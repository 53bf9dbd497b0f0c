package io.icesync.fleet.internal;

import io.icesync.fleet.FleetAccount;
import io.icesync.fleet.FleetAccounts;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Quartz's jobs equal to the fleet's accounts: one job per account, its trigger repeating at
 * the account's priority interval (or the node's override). Any node may do it at any time: a job
 * another node scheduled first is left as it is.
 */
public final class JobSync implements Runnable {
    /** The job and trigger group of the accounts' cycles. */
    public static final String GROUP = "accounts";
    private static final Logger LOG = LoggerFactory.getLogger(JobSync.class);

    private final Scheduler scheduler;
    private final FleetAccounts accounts;
    private final Duration override;

    public JobSync(Scheduler scheduler, FleetAccounts accounts, Duration override) {
        this.scheduler = scheduler;
        this.accounts = accounts;
        this.override = override;
    }

    @Override
    public void run() {
        try {
            Set<JobKey> jobs = new HashSet<>(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP)));
            List<FleetAccount> all = accounts.list();
            for (FleetAccount a : all) {
                JobKey key = JobKey.jobKey(a.email(), GROUP);
                long every = interval(a).toMillis();
                if (!jobs.remove(key)) {
                    schedule(key, every);
                } else {
                    Trigger t = scheduler.getTrigger(TriggerKey.triggerKey(a.email(), GROUP));
                    if (!(t instanceof SimpleTrigger st) || st.getRepeatInterval() != every) {
                        scheduler.rescheduleJob(TriggerKey.triggerKey(a.email(), GROUP), trigger(key, every));
                    }
                }
            }
            for (JobKey gone : jobs) {
                if (scheduler.deleteJob(gone)) {
                    LOG.info("{}: removed from the fleet, its schedule is deleted", gone.getName());
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read or write the schedules: " + e.getMessage(), e);
        }
    }

    private Duration interval(FleetAccount a) {
        return override != null ? override : a.profile().settings().priorityInterval();
    }

    private void schedule(JobKey key, long every) throws SchedulerException {
        JobDetail job = JobBuilder.newJob(AccountCycleJob.class).withIdentity(key)
                .usingJobData(AccountCycleJob.EMAIL, key.getName())
                // A node that dies mid-cycle: another node runs the cycle again at once.
                .requestRecovery(true).storeDurably(true).build();
        try {
            scheduler.scheduleJob(job, trigger(key, every));
            LOG.info("{}: scheduled every {} ms", key.getName(), every);
        } catch (ObjectAlreadyExistsException e) {
            LOG.debug("{}: scheduled by another node meanwhile", key.getName());
        }
    }

    private static Trigger trigger(JobKey key, long every) {
        return TriggerBuilder.newTrigger().withIdentity(key.getName(), GROUP).forJob(key).startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(every).repeatForever()
                        // A turn missed while every thread was busy runs once as soon as one is free, not a burst.
                        .withMisfireHandlingInstructionNowWithExistingCount())
                .build();
    }
}
