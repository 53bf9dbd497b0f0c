package io.icesync.client.internal;

import io.icesync.client.OutboxMessage;
import io.icesync.core.IceSyncException;
import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.SyncStateStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What waits in the Outbox and why, from its files and the mail scope of the state (null: none yet). */
public final class OutboxListing {
    private OutboxListing() {
    }

    public static List<OutboxMessage> read(OutboxFolder box, SyncStateStore state, String account) {
        String blocked = state == null ? "" : state.value(OutboxSender.BLOCKED_KEY).orElse("");
        List<IgnoredItem> failures = state == null ? List.of() : state.failures();
        List<OutboxMessage> out = new ArrayList<>();
        for (Path f : box.messages()) {
            byte[] bytes = box.read(f);
            if (bytes == null) {
                continue;
            }
            String key = OutboxFolder.key(f);
            IgnoredItem failed = failures.stream().filter(i -> i.folder().equals(OutboxSender.FOLDER)
                    && i.key().equals(key)).findFirst().orElse(null);
            String id = null;
            String subject = null;
            List<String> to = List.of();
            String unreadable = null;
            try {
                OutgoingMessage m = OutgoingMessage.parse(bytes, account);
                id = m.messageId();
                subject = m.subject();
                to = m.recipients();
            } catch (IceSyncException e) {
                unreadable = e.getMessage();
            }
            String why = failed != null ? failed.lastError() : unreadable != null ? unreadable
                    : blocked.isEmpty() ? null : blocked;
            out.add(new OutboxMessage(f.getFileName().toString(), id, subject, to, failed == null ? 0 : failed.failures(),
                    why, failed != null && failed.ignored()));
        }
        return out;
    }
}
