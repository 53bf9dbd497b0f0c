package io.icesync.fleet.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/**
 * The Quartz job of one account: one cycle. Never run twice at once in the whole cluster
 * ({@code DisallowConcurrentExecution} and the job store's lock); its job detail asks for recovery,
 * so when a node dies mid-cycle another node runs it again, and the intents settle what was cut.
 */
@DisallowConcurrentExecution
public final class AccountCycleJob implements Job {
    /** The job data key of the account's e-mail address. */
    public static final String EMAIL = "email";
    /** The scheduler context key of the node that runs the cycles. */
    public static final String RUNNER = "icesync.fleet.runner";

    /** What a node does when one of its threads gets an account's turn. */
    public interface Runner {
        void runCycle(String email, boolean recovering);
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String email = context.getMergedJobDataMap().getString(EMAIL);
        Runner runner;
        try {
            runner = (Runner) context.getScheduler().getContext().get(RUNNER);
        } catch (SchedulerException e) {
            throw new JobExecutionException("no fleet node in the scheduler's context", e);
        }
        if (runner == null || email == null) {
            throw new JobExecutionException("fleet job without " + (runner == null ? "a node" : "an account"));
        }
        runner.runCycle(email, context.isRecovering());
    }
}
