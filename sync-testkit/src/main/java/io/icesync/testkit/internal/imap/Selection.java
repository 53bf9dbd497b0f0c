package io.icesync.testkit.internal.imap;

import io.icesync.testkit.TestMailbox;
import io.icesync.testkit.TestMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The selected folder as this session's client knows it: message numbers (the UIDs in order) and
 * the MODSEQ of each message it was last told about. Updates are the difference to the model.
 */
final class Selection {
    final TestMailbox mailbox;
    final boolean readOnly;
    final String name;
    private final long uidValidity;
    /** UIDs by message number - 1. */
    final List<Long> uids = new ArrayList<>();
    private final Map<Long, Long> told = new HashMap<>();
    private long seenModSeq;
    private final Object lock;

    Selection(Object modelLock, TestMailbox mailbox, String name, boolean readOnly, List<TestMessage> now) {
        this.lock = modelLock;
        this.mailbox = mailbox;
        this.name = name;
        this.readOnly = readOnly;
        this.uidValidity = mailbox.uidValidity();
        for (TestMessage m : now) {
            uids.add(m.uid());
            told.put(m.uid(), m.modSeq());
        }
        this.seenModSeq = mailbox.highestModSeq();
    }

    int size() {
        return uids.size();
    }

    /** The message number of a UID, or 0 when this client does not have it. */
    int seqOf(long uid) {
        int i = Collections.binarySearch(uids, uid);
        return i < 0 ? 0 : i + 1;
    }

    long lastUid() {
        return uids.isEmpty() ? 0 : uids.get(uids.size() - 1);
    }

    /** A message with its number in this session. */
    record Numbered(int seq, TestMessage message) {
    }

    /** The messages a set names (by number or by UID) that the model still has, in order. */
    List<Numbered> named(SequenceSet set, boolean byUid) {
        List<Numbered> out = new ArrayList<>();
        for (int i = 0; i < uids.size(); i++) {
            long uid = uids.get(i);
            int seq = i + 1;
            if (set.contains(byUid ? uid : seq)) {
                mailbox.message(uid).ifPresent(m -> out.add(new Numbered(seq, m)));
            }
        }
        return out;
    }

    /** Notes that the client was told of this message's state (a FETCH FLAGS it asked for). */
    void told(TestMessage m) {
        told.put(m.uid(), m.modSeq());
    }

    /**
     * The untagged lines that bring the client up to date, in RFC order: expunges first (when
     * allowed), then EXISTS, then flag changes. Null when the folder is gone or was rebuilt.
     */
    List<String> updates(boolean expunges, boolean vanished, boolean modseq) {
        List<String> out = new ArrayList<>();
        List<TestMessage> now;
        synchronized (lock) {
            if (mailbox.uidValidity() != uidValidity || !mailbox.owner().find(mailbox.name()).map(m -> m == mailbox)
                    .orElse(false)) {
                return null;
            }
            if (mailbox.highestModSeq() == seenModSeq) {
                return out;
            }
            seenModSeq = mailbox.highestModSeq();
            now = mailbox.messages();
        }
        Map<Long, TestMessage> byUid = new HashMap<>();
        for (TestMessage m : now) {
            byUid.put(m.uid(), m);
        }
        if (expunges) {
            List<Long> gone = new ArrayList<>();
            for (int i = uids.size() - 1; i >= 0; i--) {
                long uid = uids.get(i);
                if (!byUid.containsKey(uid)) {
                    if (!vanished) {
                        out.add("* " + (i + 1) + " EXPUNGE");
                    }
                    gone.add(0, uid);
                    uids.remove(i);
                    told.remove(uid);
                }
            }
            if (vanished && !gone.isEmpty()) {
                out.add("* VANISHED " + SequenceSet.render(gone));
            }
        } else {
            seenModSeq = -1; // come back for the expunges later
        }
        long last = lastUid();
        int before = uids.size();
        for (TestMessage m : now) {
            if (m.uid() > last) {
                uids.add(m.uid());
                told.put(m.uid(), m.modSeq());
            }
        }
        if (uids.size() != before) {
            out.add("* " + uids.size() + " EXISTS");
        }
        for (int i = 0; i < uids.size(); i++) {
            TestMessage m = byUid.get(uids.get(i));
            if (m != null && told.getOrDefault(m.uid(), 0L) < m.modSeq()) {
                told.put(m.uid(), m.modSeq());
                out.add("* " + (i + 1) + " FETCH (UID " + m.uid() + " FLAGS (" + String.join(" ", m.flags()) + ")"
                        + (modseq ? " MODSEQ (" + m.modSeq() + ")" : "") + ")");
            }
        }
        return out;
    }
}
