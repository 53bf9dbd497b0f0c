package io.icesync.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.fleet.FleetAccount;
import io.icesync.fleet.FleetDatabase;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code icesync fleet list}: the fleet's accounts. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the fleet's accounts.")
final class FleetListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FleetDbOptions db = new FleetDbOptions();

    @Option(names = "--json", description = "Print the accounts as JSON (see docs/cli-json.md).")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return FleetCommand.guarded(spec.commandLine().getErr(), () -> {
            List<FleetAccount> all;
            try (FleetDatabase fleet = db.open(2)) {
                all = fleet.accounts().list();
            }
            if (json) {
                ArrayNode list = CliJson.MAPPER.createArrayNode();
                for (FleetAccount a : all) {
                    ObjectNode o = list.addObject();
                    o.put("email", a.email());
                    o.put("imap", a.profile().account().imap().toString());
                    o.put("login", a.profile().account().login());
                    o.put("added", a.added().toString());
                    o.put("failuresInARow", a.failures());
                    o.put("retryAfter", a.retryAfter() == null ? null : a.retryAfter().toString());
                }
                CliJson.print(out, CliJson.document("accounts", list));
            } else {
                all.forEach(a -> out.println(FleetCommand.line(a)));
                out.println(all.size() + (all.size() == 1 ? " account" : " accounts"));
            }
            return ExitCodes.OK;
        });
    }
}
