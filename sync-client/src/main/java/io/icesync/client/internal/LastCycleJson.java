package io.icesync.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.client.FolderKinds;
import io.icesync.client.LastCycle;
import io.icesync.core.engine.FolderReport;
import io.icesync.core.engine.SyncCounters;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.engine.UnsyncedFolder;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The last cycle as a state-store value (JSON), written by the facade, read by {@code status}. */
public final class LastCycleJson {
    /** The state-store key. */
    public static final String KEY = "lastReport";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LastCycleJson() {
    }

    public static LastCycle of(String kind, SyncReport r, SyncCounters c, Instant finished) {
        List<String> errors = new ArrayList<>();
        for (FolderReport f : r.folders()) {
            if (f.error() != null) {
                errors.add(f.folder() + ": " + f.error());
            }
        }
        return new LastCycle(finished, kind, r.ok() && r.failed() == 0, r.summary(), null, c, r.failed(), errors,
                r.notSynced());
    }

    public static LastCycle failed(String kind, RuntimeException e, SyncCounters c, Instant finished) {
        String msg = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return new LastCycle(finished, kind, false, null, msg, c, 0, List.of());
    }

    public static String write(LastCycle l) {
        ObjectNode n = JSON.createObjectNode();
        n.put("finished", l.finished().toString());
        n.put("kind", l.kind());
        n.put("ok", l.ok());
        n.put("summary", l.summary());
        n.put("error", l.error());
        SyncCounters c = l.counters();
        n.putObject("counters").put("downloaded", c.downloaded()).put("toDownload", c.toDownload())
                .put("uploaded", c.uploaded()).put("toUpload", c.toUpload())
                .put("internal", c.internal()).put("toInternal", c.toInternal());
        n.put("failed", l.failed());
        ArrayNode a = n.putArray("folderErrors");
        l.folderErrors().forEach(a::add);
        ArrayNode u = n.putArray("notSynced");
        for (UnsyncedFolder f : l.notSynced()) {
            u.addObject().put("folder", FolderKinds.pathText(f.folder())).put("kind", f.kind().name())
                    .put("reason", f.reason()).put("remedy", f.remedy());
        }
        return n.toString();
    }

    /** Reads a saved value; a value this version cannot read gives a cycle whose error says so. */
    public static LastCycle read(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            JsonNode c = n.path("counters");
            SyncCounters counters = c.isObject()
                    ? new SyncCounters(c.path("downloaded").asLong(), c.path("toDownload").asLong(),
                            c.path("uploaded").asLong(), c.path("toUpload").asLong(),
                            c.path("internal").asLong(), c.path("toInternal").asLong())
                    : SyncCounters.ZERO;
            List<String> errors = new ArrayList<>();
            n.path("folderErrors").forEach(e -> errors.add(e.asText()));
            List<UnsyncedFolder> notSynced = new ArrayList<>();
            for (JsonNode u : n.path("notSynced")) {
                notSynced.add(new UnsyncedFolder(FolderKinds.parsePath(u.path("folder").asText()),
                        FolderKinds.parseKind(u.path("kind").asText()), u.path("reason").asText(),
                        u.path("remedy").asText()));
            }
            return new LastCycle(Instant.parse(n.path("finished").asText()), n.path("kind").asText("full"),
                    n.path("ok").asBoolean(false), textOrNull(n, "summary"), textOrNull(n, "error"), counters,
                    n.path("failed").asInt(), errors, notSynced);
        } catch (IOException | RuntimeException e) {
            return new LastCycle(Instant.EPOCH, "unknown", false, null,
                    "the saved report of the last cycle cannot be read (" + e.getMessage() + ")", SyncCounters.ZERO,
                    0, List.of());
        }
    }

    private static String textOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
