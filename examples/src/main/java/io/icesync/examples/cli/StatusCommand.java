package io.icesync.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.client.FolderKinds;
import io.icesync.client.IceSync;
import io.icesync.client.LastCycle;
import io.icesync.client.OutboxMessage;
import io.icesync.client.Profile;
import io.icesync.client.ProfileStatus;
import io.icesync.client.ServiceStatus;
import io.icesync.core.IceSyncException;
import io.icesync.core.engine.SyncCounters;
import io.icesync.core.engine.UnsyncedFolder;
import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.SessionEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code icesync status}: the last cycle, the session log, the ignored list and the Outbox, without connecting. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the last sync cycle (counters and summary, folders left unsynced and why), failed and "
                + "ignored items, the messages waiting in the Outbox and why, and the last session-log events of a "
                + "profile folder. Reads the folder only: no network, no password, and it works while icesync sync runs."})
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
    Path dir;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--events", paramLabel = "N", description = "How many session-log events (default ${DEFAULT-VALUE}).")
    int events = 20;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ProfileStatus s;
        try {
            s = IceSync.status(dir, events);
        } catch (IceSyncException e) {
            return ExitCodes.report(e, spec.commandLine().getErr());
        }
        String account = account();
        io.icesync.client.SharingStatus sharing;
        try {
            sharing = IceSync.sharingStatus(dir);
        } catch (IceSyncException e) {
            return ExitCodes.report(e, spec.commandLine().getErr());
        }
        if (json) {
            ObjectNode doc = (ObjectNode) CliJson.MAPPER.readTree(json(s, account));
            doc.set("sharing", StatusSharing.json(sharing));
            out.println(CliJson.write(doc));
        } else {
            text(s, account, out);
            StatusSharing.text(sharing, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** "jean@example.com on mail.example.com:143 (starttls)", or what is wrong with profile.json. */
    private String account() {
        try {
            Profile p = Profile.fromJson(Files.readString(dir.resolve(IceSync.PROFILE_FILE)));
            return p.account().email() + " on " + p.account().imap();
        } catch (IOException | IceSyncException e) {
            return "(" + IceSync.PROFILE_FILE + " cannot be used: " + ExitCodes.oneLine(e) + ")";
        }
    }

    private void text(ProfileStatus s, String account, PrintWriter out) {
        out.println("profile:     " + dir + "  " + account);
        LastCycle c = s.lastCycle();
        if (c == null) {
            out.println("last sync:   never");
        } else {
            out.println("last sync:   " + c.finished() + " (" + c.kind() + ", " + (c.ok() ? "ok" : "with errors") + ")");
            out.println("             " + TerminalText.escape(c.summary() != null ? c.summary() : "stopped: " + c.error()));
            out.println("counters:    " + c.counters());
            c.folderErrors().forEach(e -> out.println("  failed folder " + TerminalText.escape(e)));
            c.notSynced().forEach(u -> out.println("  not synced  " + TerminalText.escape(u.describe())));
        }
        out.println("synced:      " + s.folders() + " folders, " + s.items() + " items");
        for (ServiceStatus v : s.services()) {
            out.println(String.format(java.util.Locale.ROOT, "  %-10s %s from %s into %s: %d folders, %d items%s",
                    v.name(), v.syncs(), TerminalText.escape(v.server()), v.local(), v.folders(), v.items(),
                    v.failures() == 0 ? "" : ", " + v.failures() + " with failures"));
        }
        out.println("ignored:     " + s.ignored() + " items (" + s.failures().size() + " with failures)");
        for (IgnoredItem i : s.failures()) {
            out.println("  " + (i.ignored() ? "IGNORED " : "failed  ") + TerminalText.escape(i.folder() + " " + i.key()
                    + " (" + i.description() + ") x" + i.failures() + ": " + i.lastError()));
        }
        out.println("outbox:      " + s.outbox().size() + " messages waiting");
        for (OutboxMessage m : s.outbox()) {
            out.println("  " + TerminalText.escape(m.file() + "  " + (m.messageId() == null ? "(no Message-ID yet)" : m.messageId())
                    + "  \"" + (m.subject() == null ? "" : m.subject()) + "\" to " + String.join(", ", m.recipients())
                    + ": " + m.reason()));
        }
        out.println("session log (last " + s.events().size() + "):");
        for (SessionEvent e : s.events()) {
            out.println("  " + e.time() + " " + e.level() + " "
                    + TerminalText.escape(e.message() + (e.details() == null ? "" : ": " + e.details())));
        }
    }

    private String json(ProfileStatus s, String account) throws IOException {
        ObjectNode o = CliJson.document();
        o.put("profile", dir.toString());
        o.put("account", account);
        LastCycle c = s.lastCycle();
        if (c == null) {
            o.putNull("lastCycle");
        } else {
            ObjectNode l = o.putObject("lastCycle");
            l.put("finished", c.finished().toString());
            l.put("kind", c.kind());
            l.put("ok", c.ok());
            l.put("summary", c.summary());
            l.put("error", c.error());
            SyncCounters k = c.counters();
            l.putObject("counters").put("downloaded", k.downloaded()).put("toDownload", k.toDownload())
                    .put("uploaded", k.uploaded()).put("toUpload", k.toUpload())
                    .put("internal", k.internal()).put("toInternal", k.toInternal())
                    .put("text", k.toString());
            l.put("failed", c.failed());
            ArrayNode fe = l.putArray("folderErrors");
            c.folderErrors().forEach(fe::add);
            ArrayNode ns = l.putArray("notSynced");
            for (UnsyncedFolder u : c.notSynced()) {
                ns.addObject().put("folder", FolderKinds.pathText(u.folder())).put("kind", FolderKinds.kindText(u.kind()))
                        .put("state", "not synced").put("reason", u.reason()).put("remedy", u.remedy());
            }
        }
        o.put("folders", s.folders());
        o.put("items", s.items());
        ArrayNode sv = o.putArray("services");
        for (ServiceStatus v : s.services()) {
            sv.addObject().put("name", v.name()).put("syncs", v.syncs()).put("server", v.server())
                    .put("local", v.local()).put("folders", v.folders()).put("items", v.items())
                    .put("failures", v.failures());
        }
        o.put("ignored", s.ignored());
        ArrayNode fl = o.putArray("failures");
        for (IgnoredItem i : s.failures()) {
            fl.addObject().put("folder", i.folder().toString()).put("item", i.key())
                    .put("description", i.description()).put("failures", i.failures())
                    .put("ignored", i.ignored()).put("lastError", i.lastError())
                    .put("lastFailure", i.lastFailure() == null ? null : i.lastFailure().toString());
        }
        ArrayNode ob = o.putArray("outbox");
        for (OutboxMessage w : s.outbox()) {
            ObjectNode x = ob.addObject().put("file", w.file()).put("messageId", w.messageId()).put("subject", w.subject());
            ArrayNode to = x.putArray("recipients");
            w.recipients().forEach(to::add);
            x.put("failures", w.failures()).put("ignored", w.ignored()).put("lastError", w.lastError())
                    .put("reason", w.reason());
        }
        ArrayNode ev = o.putArray("events");
        for (SessionEvent e : s.events()) {
            ev.addObject().put("time", e.time().toString()).put("level", e.level().name())
                    .put("message", e.message()).put("details", e.details());
        }
        return CliJson.write(o);
    }
}
