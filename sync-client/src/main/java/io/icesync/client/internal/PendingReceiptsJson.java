package io.icesync.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.client.PendingReceipt;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.groupware.mdn.AskReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The read receipts waiting for the user, as one JSON value of the state store: one SQLite write per
 * change, so a crash keeps the old list or the new one. Each entry also keeps the message's local id,
 * to read it again when the user answers.
 */
final class PendingReceiptsJson {
    static final String KEY = "readReceipts.pending";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A waiting receipt and where its message is. */
    record Entry(PendingReceipt receipt, String localId) {
    }

    private PendingReceiptsJson() {
    }

    static List<Entry> read(SyncStateStore state) {
        List<Entry> out = new ArrayList<>();
        String text = state.value(KEY).orElse(null);
        if (text == null) {
            return out;
        }
        try {
            for (JsonNode n : JSON.readTree(text)) {
                List<String> to = new ArrayList<>();
                n.get("notifyTo").forEach(t -> to.add(t.asText()));
                out.add(new Entry(new PendingReceipt(n.get("key").asText(), FolderPath.parseEscaped(n.get("folder").asText()),
                        n.get("subject").asText(), to, AskReason.valueOf(n.get("reason").asText()),
                        Instant.parse(n.get("readAt").asText())), n.get("localId").asText()));
            }
        } catch (Exception e) {
            throw new IllegalStateException("the state store's " + KEY + " value is not readable: " + e.getMessage(), e);
        }
        return out;
    }

    static void write(SyncStateStore state, List<Entry> entries) {
        ArrayNode a = JSON.createArrayNode();
        for (Entry e : entries) {
            PendingReceipt r = e.receipt();
            ObjectNode o = a.addObject();
            o.put("key", r.key());
            o.put("folder", r.folder().escaped());
            o.put("localId", e.localId());
            o.put("subject", r.subject());
            ArrayNode to = o.putArray("notifyTo");
            r.notifyTo().forEach(to::add);
            o.put("reason", r.reason().name());
            o.put("readAt", r.readAt().toString());
        }
        state.putValue(KEY, a.toString());
    }
}
