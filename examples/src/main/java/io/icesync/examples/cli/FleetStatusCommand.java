package io.icesync.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.fleet.FleetDatabase;
import io.icesync.fleet.FleetStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code icesync fleet status}: per account its last cycle, errors and counters; per node its cycles per minute. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "What the fleet did: per account its last cycle, errors and counters; per node its cycles per minute.")
final class FleetStatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FleetDbOptions db = new FleetDbOptions();

    @Option(names = "--json", description = "Print the status as JSON (see docs/cli-json.md).")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return FleetCommand.guarded(spec.commandLine().getErr(), () -> {
            FleetStatus s;
            try (FleetDatabase fleet = db.open(2)) {
                s = fleet.status();
            }
            if (json) {
                CliJson.print(out, toJson(s));
                return ExitCodes.OK;
            }
            for (FleetStatus.NodeStatus n : s.nodes()) {
                out.println("node " + n.node() + ": " + n.cyclesLastMinute() + " cycles/min, " + n.cyclesLastHour()
                        + " in the last hour, last ended " + n.lastCycleEnded());
            }
            for (FleetStatus.AccountStatus a : s.accounts()) {
                out.println(a.email() + ": " + (a.lastStarted() == null ? "never synced"
                        : "last cycle " + (a.lastOk() == null ? "unfinished" : a.lastOk() ? "ok" : "failed") + " on "
                        + a.lastNode() + " at " + a.lastStarted()) + ", " + a.cycles() + " cycles, " + a.errors()
                        + " errors, " + a.downloaded() + " downloaded, " + a.uploaded() + " uploaded"
                        + (a.failuresInARow() > 0 ? "; next try after " + a.retryAfter() + " (" + TerminalText.escape(
                        String.valueOf(a.lastError())) + ")" : ""));
            }
            out.println(s.accounts().size() + " accounts, " + s.nodes().size() + " nodes active in the last hour");
            return ExitCodes.OK;
        });
    }

    static ObjectNode toJson(FleetStatus s) {
        ObjectNode doc = CliJson.document();
        ArrayNode nodes = doc.putArray("nodes");
        for (FleetStatus.NodeStatus n : s.nodes()) {
            ObjectNode o = nodes.addObject();
            o.put("node", n.node());
            o.put("cyclesLastMinute", n.cyclesLastMinute());
            o.put("cyclesLastHour", n.cyclesLastHour());
            o.put("lastCycleEnded", text(n.lastCycleEnded()));
        }
        ArrayNode accounts = doc.putArray("accounts");
        for (FleetStatus.AccountStatus a : s.accounts()) {
            ObjectNode o = accounts.addObject();
            o.put("email", a.email());
            o.put("lastNode", a.lastNode());
            o.put("lastStarted", text(a.lastStarted()));
            o.put("lastEnded", text(a.lastEnded()));
            o.put("lastOk", a.lastOk());
            o.put("lastError", a.lastError());
            o.put("cycles", a.cycles());
            o.put("errors", a.errors());
            o.put("failuresInARow", a.failuresInARow());
            o.put("retryAfter", text(a.retryAfter()));
            o.put("downloaded", a.downloaded());
            o.put("uploaded", a.uploaded());
        }
        return doc;
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
