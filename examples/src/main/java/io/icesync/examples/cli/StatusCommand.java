package io.icesync.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.client.IceSync;
import io.icesync.client.ProfileStatus;
import io.icesync.core.IceSyncException;
import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.SessionEvent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code icesync status}: the last cycle, the session log and the ignored list, without connecting. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the counters of the last sync, recent session-log events and failed or ignored items.")
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, description = "The profile folder.")
    Path dir;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--events", description = "How many session-log events (default ${DEFAULT-VALUE}).")
    int events = 20;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ProfileStatus s;
        try {
            s = IceSync.status(dir, events);
        } catch (IceSyncException e) {
            spec.commandLine().getErr().println("icesync: " + e.getMessage());
            return ExitCodes.PROFILE;
        }
        if (json) {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode o = m.createObjectNode();
            o.put("lastSync", s.lastSync() == null ? null : s.lastSync().toString());
            o.put("lastSummary", s.lastSummary());
            if (s.lastOk() != null) {
                o.put("lastOk", s.lastOk());
            }
            o.put("counters", s.counters());
            o.put("folders", s.folders());
            o.put("items", s.items());
            ArrayNode ev = o.putArray("events");
            for (SessionEvent e : s.events()) {
                ev.addObject().put("time", e.time().toString()).put("level", e.level().name())
                        .put("message", e.message()).put("details", e.details());
            }
            ArrayNode fl = o.putArray("failures");
            for (IgnoredItem i : s.failures()) {
                fl.addObject().put("folder", i.folder().toString()).put("item", i.key())
                        .put("description", i.description()).put("failures", i.failures())
                        .put("ignored", i.ignored()).put("lastError", i.lastError());
            }
            out.println(m.writeValueAsString(o));
            return ExitCodes.OK;
        }
        out.println("last sync:   " + (s.lastSync() == null ? "never" : s.lastSync() + (Boolean.TRUE.equals(s.lastOk())
                ? "" : "  (with errors)")));
        if (s.lastSummary() != null) {
            out.println("             " + s.lastSummary());
            out.println("counters:    " + s.counters());
        }
        out.println("synced:      " + s.folders() + " folders, " + s.items() + " items");
        out.println("ignored:     " + s.failures().stream().filter(IgnoredItem::ignored).count()
                + " items (" + s.failures().size() + " with failures)");
        for (IgnoredItem i : s.failures()) {
            out.println("  " + (i.ignored() ? "IGNORED " : "failed  ") + i.folder() + " " + i.key() + " x" + i.failures()
                    + ": " + i.lastError());
        }
        out.println("session log:");
        for (SessionEvent e : s.events()) {
            out.println("  " + e.time() + " " + e.level() + " " + e.message() + (e.details() == null ? "" : ": " + e.details()));
        }
        return ExitCodes.OK;
    }
}
