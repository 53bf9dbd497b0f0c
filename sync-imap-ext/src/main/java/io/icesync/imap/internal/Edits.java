package io.icesync.imap.internal;

import io.icesync.core.Flags;
import io.icesync.core.FolderNotFoundException;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Changes to items already on the server through an {@link AngusImapStore}: flags, moves, exact deletions. */
final class Edits {
    private static final Logger LOG = LoggerFactory.getLogger(AngusImapStore.class);

    private final ImapConnection conn;

    Edits(ImapConnection conn) {
        this.conn = conn;
    }

    void setFlags(FolderPath folder, Map<Long, Flags> flagsByUid) {
        if (flagsByUid.isEmpty()) {
            return;
        }
        conn.begin();
        try {
            IceImapStore.Folder f = conn.ensureSelected(folder);
            // One STORE per distinct target: items that end with the same flags go together.
            Map<String, List<Long>> byFlags = new LinkedHashMap<>();
            flagsByUid.forEach((uid, fl) -> byFlags.computeIfAbsent(FlagCodec.list(fl, conn.iceWarp()), k -> new ArrayList<>()).add(uid));
            for (Map.Entry<String, List<Long>> e : byFlags.entrySet()) {
                for (String set : Uids.sets(e.getValue(), ImapConnection.MAX_SET_CHARS)) {
                    Argument a = new Argument();
                    a.writeAtom(set);
                    a.writeAtom("FLAGS.SILENT");
                    a.writeAtom(e.getKey());
                    // CONDSTORE servers answer .SILENT stores with FETCH (MODSEQ): nothing to keep.
                    ImapConnection.run(f, "UID STORE", a, r -> r instanceof FetchResponse);
                }
            }
        } catch (IceSyncException e) {
            throw e;
        } catch (Exception e) {
            throw conn.fail("change flags in '" + folder + "'", e);
        } finally {
            conn.forget(folder);
            conn.used();
        }
    }

    Map<Long, Long> move(FolderPath from, Collection<Long> uids, FolderPath to) {
        if (uids.isEmpty()) {
            return Map.of();
        }
        conn.begin();
        try {
            IceImapStore.Folder f = conn.ensureSelected(from);
            Map<Long, Long> map = new HashMap<>();
            String target = conn.mailbox(to);
            boolean move = conn.info.has("MOVE");
            for (String set : Uids.sets(uids, ImapConnection.MAX_SET_CHARS)) {
                List<String> lines = new ArrayList<>();
                Response done = (Response) ImapConnection.onFolder(f, p -> {
                    Argument a = new Argument();
                    a.writeAtom(set);
                    ImapConnection.ice(p).writeMailbox(a, target);
                    return Wire.run(p, move ? "UID MOVE" : "UID COPY", a, r -> {
                        if (r.toString().toUpperCase(Locale.ROOT).contains("[COPYUID ")) {
                            lines.add(r.toString());
                        }
                        return false;
                    });
                });
                lines.add(done.toString());
                lines.forEach(l -> map.putAll(Uids.copyUid(l)));
                if (!move) {
                    expungeExactly(f, Uids.parse(set));
                }
            }
            return map;
        } catch (IceSyncException e) {
            throw e;
        } catch (Exception e) {
            if (ImapConnection.tryCreate(e)) {
                throw new FolderNotFoundException(to, "server " + conn.server());
            }
            throw conn.fail("move items from '" + from + "' to '" + to + "'", e);
        } finally {
            conn.forget(from);
            conn.forget(to);
            conn.used();
        }
    }

    void delete(FolderPath folder, Collection<Long> uids) {
        if (uids.isEmpty()) {
            return;
        }
        conn.begin();
        try {
            expungeExactly(conn.ensureSelected(folder), uids);
        } catch (IceSyncException e) {
            throw e;
        } catch (Exception e) {
            throw conn.fail("delete items of '" + folder + "'", e);
        } finally {
            conn.forget(folder);
            conn.used();
        }
    }

    /**
     * Removes exactly these UIDs (PITFALL 7): UID EXPUNGE with UIDPLUS; without it, other messages
     * flagged \Deleted by another client are unflagged for the EXPUNGE and flagged again after.
     */
    private void expungeExactly(IceImapStore.Folder f, Collection<Long> uids) throws MessagingException {
        for (String set : Uids.sets(uids, ImapConnection.MAX_SET_CHARS)) {
            Argument a = new Argument();
            a.writeAtom(set);
            a.writeAtom("+FLAGS.SILENT (\\Deleted)");
            ImapConnection.run(f, "UID STORE", a, r -> r instanceof FetchResponse);
        }
        if (conn.info.has("UIDPLUS")) {
            for (String set : Uids.sets(uids, ImapConnection.MAX_SET_CHARS)) {
                Argument a = new Argument();
                a.writeAtom(set);
                ImapConnection.run(f, "UID EXPUNGE", a, null);
            }
            return;
        }
        Argument q = new Argument();
        q.writeAtom("DELETED");
        Set<Long> others = new TreeSet<>(ImapConnection.search(f, q));
        others.removeAll(new HashSet<>(uids));
        for (String set : Uids.sets(others, ImapConnection.MAX_SET_CHARS)) {
            Argument a = new Argument();
            a.writeAtom(set);
            a.writeAtom("-FLAGS.SILENT (\\Deleted)");
            ImapConnection.run(f, "UID STORE", a, r -> r instanceof FetchResponse);
        }
        try {
            ImapConnection.run(f, "EXPUNGE", null, null);
        } finally {
            for (String set : Uids.sets(others, ImapConnection.MAX_SET_CHARS)) {
                Argument a = new Argument();
                a.writeAtom(set);
                a.writeAtom("+FLAGS.SILENT (\\Deleted)");
                ImapConnection.run(f, "UID STORE", a, r -> r instanceof FetchResponse);
            }
        }
    }
}
