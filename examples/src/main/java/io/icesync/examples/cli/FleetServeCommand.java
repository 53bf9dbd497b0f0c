package io.icesync.examples.cli;

import io.icesync.fleet.FleetDatabase;
import io.icesync.fleet.FleetNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code icesync fleet serve}: runs one node of the fleet until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a node of the fleet until stopped (Ctrl-C or SIGTERM end the cycles under way cleanly)."
                + " Start one per machine, or several: each account runs on one node at a time, and the accounts of a"
                + " node that dies are taken over by the others."})
final class FleetServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FleetDbOptions db = new FleetDbOptions();

    @Option(names = "--root", required = true, paramLabel = "DIR",
            description = "The folder every node shares: each account in DIR/<e-mail address>/ (mail/, groupware/, secrets.json).")
    Path root;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "4", description = "Cycles this node runs at once (default 4).")
    int threads;

    @Option(names = "--per-host", paramLabel = "N",
            description = "Cycles of this node talking to one server host at once (default: as many as --threads).")
    Integer perHost;

    @Option(names = "--node-id", paramLabel = "ID", description = "This node's name in the cluster (default: host name and process id).")
    String nodeId;

    @Option(names = "--interval-seconds", paramLabel = "S",
            description = "A full cycle of every account every S seconds instead of each account's priority and standard"
                    + " intervals (a first sync of many accounts, tests).")
    Double intervalSeconds;

    @Option(names = "--cluster-checkin-seconds", paramLabel = "S", defaultValue = "7.5",
            description = "How often this node tells the others it is alive; one silent for longer is taken for dead and"
                    + " its cycles run elsewhere. The same on every node (default 7.5).")
    double checkinSeconds;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        return FleetCommand.guarded(err, () -> {
            CountDownLatch stop = cliStop();
            try (FleetDatabase database = db.open(threads * 2 + 4)) {
                FleetNode.Builder b = FleetNode.builder(database).root(root).threads(threads)
                        .clusterCheckin(Duration.ofMillis((long) (checkinSeconds * 1000)));
                if (perHost != null) {
                    b.perHost(perHost);
                }
                if (nodeId != null) {
                    b.nodeId(nodeId);
                }
                if (intervalSeconds != null) {
                    b.cycleEvery(Duration.ofMillis((long) (intervalSeconds * 1000)));
                }
                try (StopOnSignal signal = new StopOnSignal(stop, "icesync-fleet-shutdown");
                     FleetNode node = b.build()) {
                    node.start();
                    err.println("icesync: fleet node " + node.nodeId() + " serving " + database.url() + " with "
                            + threads + " threads; Ctrl-C stops");
                    stop.await();
                    err.println("icesync: stopping node " + node.nodeId() + " after the cycles under way...");
                }
                return ExitCodes.OK;
            }
        });
    }

    private CountDownLatch cliStop() {
        Object root = spec.root().userObject();
        return root instanceof IceSyncCli cli ? cli.stopRequested() : new CountDownLatch(1);
    }
}
