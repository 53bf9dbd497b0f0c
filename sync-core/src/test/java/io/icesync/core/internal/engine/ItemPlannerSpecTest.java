package io.icesync.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.internal.engine.ItemPlanner.Rights;
import io.icesync.core.settings.ConflictPolicy;
import io.icesync.core.spi.ItemState;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.RemoteChanges;
import io.icesync.core.spi.RemoteCursor;
import io.icesync.core.spi.RemoteItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decision table of the three-way merge, one item per line: what is recorded (state row), what the
 * server and the local store hold now, the conflict policy, the folder's rights and whether refused
 * changes are reverted, and what {@link ItemPlanner} decides. No store and no server: the planner alone.
 *
 * <p>State row: {@code -} none, {@code row} a synced mail (flags after the colon), {@code keyed} a synced
 * object with a key and version v1, {@code no-id} a synced mail without Message-ID. Server now: {@code -}
 * gone, {@code same}, {@code flags:X}, {@code new} (a new item, {@code :old} before the cut-off,
 * {@code :ignored} on the ignored list, {@code :X} its flags), {@code edited} (an object's new version: the
 * old UID gone, a new one listed), {@code renumbered} (UIDVALIDITY changed, the item listed under a new
 * UID), {@code renumbered-gone} (UIDVALIDITY changed, the item not listed). Local now: {@code -} deleted,
 * {@code same}, {@code flags:X}, {@code edited} (version v2), {@code new}, {@code copy} (an unpaired copy
 * of the new server item: same Message-ID and size), {@code hint} (an unpaired copy naming its UID),
 * {@code hint-object} (an object naming its UID, same content), {@code hint-edited} (an object naming its
 * UID, holding other content), {@code deferred} (moved this cycle). Flags: {@code S} seen, {@code F}
 * flagged, {@code -} none. Rights: {@code all}, {@code read} (none), {@code noflag}, {@code noinsert};
 * {@code upload} and {@code upload-read} are {@code all} and {@code read} at the folder's first sync after
 * the user chose to upload the local data.
 */
class ItemPlannerSpecTest {
    static final long UID = 1;
    static final long NEW_UID = 2;
    static final long RENUMBERED = 101;
    static final long SIZE = 100;
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final Instant CUTOFF = NOW.minus(Duration.ofDays(30));

    @ParameterizedTest(name = "{0} | {1} | {2} | {3} | {4} | revert {5} -> {6}")
    @CsvSource(delimiter = '|', textBlock = """
            # state row | server now      | local now   | policy      | rights   | revert | plan
            # unchanged on both sides
              row       | same            | same        | SERVER_WINS | all      | false  | nothing
              row       | same            | same        | CLIENT_WINS | all      | false  | nothing
            # new on one side: copied to the other
              -         | new             | -           | SERVER_WINS | all      | false  | download
              -         | new             | -           | CLIENT_WINS | all      | false  | download
              -         | -               | new         | SERVER_WINS | all      | false  | upload
              -         | -               | new         | CLIENT_WINS | all      | false  | upload
            # new on the server with a copy here already: adopted, the favoured side's flags win
              -         | new             | copy        | SERVER_WINS | all      | false  | adopt -
              -         | new:S           | copy:F      | SERVER_WINS | all      | false  | flags here S, adopt S
              -         | new:S           | copy:F      | CLIENT_WINS | all      | false  | flags on server F, adopt F
              -         | new             | hint        | SERVER_WINS | all      | false  | adopt -
              -         | new             | hint-object | SERVER_WINS | all      | false  | adopt -
              -         | new             | hint-edited | SERVER_WINS | all      | false  | adopt -
            # the first sync after choosing to upload local data (a lost state): an object whose copy here
            # holds other content (edited while no pair was recorded) is sent as an edit
              -         | new             | hint-edited | SERVER_WINS | upload   | false  | adopt - unsure, send edit -
              -         | new             | hint-edited | CLIENT_WINS | upload   | false  | adopt - unsure, send edit -
              -         | new             | hint-object | CLIENT_WINS | upload   | false  | adopt -
              -         | new             | hint-edited | SERVER_WINS | upload-read | false | adopt - unsure
            # gone on one side, unchanged on the other: deleted there
              row       | -               | same        | SERVER_WINS | all      | false  | delete here
              row       | -               | same        | CLIENT_WINS | all      | false  | delete here
              row       | same            | -           | SERVER_WINS | all      | false  | delete on server
              row       | same            | -           | CLIENT_WINS | all      | false  | delete on server
            # gone on both sides: forgotten; an object under client wins is settled with its other versions
              row       | -               | -           | SERVER_WINS | all      | false  | forget
              row       | -               | -           | CLIENT_WINS | all      | false  | forget
              keyed     | -               | -           | SERVER_WINS | all      | false  | forget
              keyed     | -               | -           | CLIENT_WINS | all      | false  | settle by key
            # gone on one side, changed on the other: the policy decides
              row       | -               | flags:F     | SERVER_WINS | all      | false  | delete here
              row       | -               | flags:F     | CLIENT_WINS | all      | false  | forget, upload
              keyed     | -               | edited      | SERVER_WINS | all      | false  | delete here
              keyed     | -               | edited      | CLIENT_WINS | all      | false  | settle by key
              row       | flags:F         | -           | SERVER_WINS | all      | false  | forget, download
              row       | flags:F         | -           | CLIENT_WINS | all      | false  | delete on server
            # changed on one side: applied on the other
              row       | flags:F         | same        | SERVER_WINS | all      | false  | flags here F, record F
              row       | flags:F         | same        | CLIENT_WINS | all      | false  | flags here F, record F
              row       | same            | flags:F     | SERVER_WINS | all      | false  | flags on server F, record F
              row       | same            | flags:F     | CLIENT_WINS | all      | false  | flags on server F, record F
              keyed     | same            | edited      | SERVER_WINS | all      | false  | send edit -
              keyed     | same            | edited      | CLIENT_WINS | all      | false  | send edit -
            # a flag written into an object changes its version: read again, not taken for an edit
              keyed     | flags:F         | same        | SERVER_WINS | all      | false  | flags here F, record F reread
            # changed on both sides: flags merge per flag, under either policy
              row:S     | flags:FS        | flags:-     | SERVER_WINS | all      | false  | flags on server F, flags here F, record F
              row:S     | flags:FS        | flags:-     | CLIENT_WINS | all      | false  | flags on server F, flags here F, record F
              keyed     | flags:F         | edited      | SERVER_WINS | all      | false  | send edit F
            # local edit against server edit of one object
              keyed     | edited          | edited      | SERVER_WINS | all      | false  | delete here, download
              keyed     | edited          | edited      | CLIENT_WINS | all      | false  | download, settle by key
              keyed     | edited          | same        | CLIENT_WINS | all      | false  | delete here, download
            # read-only folders: refused changes are reported, or reverted to the server's state
              -         | -               | new         | SERVER_WINS | read     | false  | report upload
              -         | -               | new         | SERVER_WINS | read     | true   | revert new
              -         | -               | new         | SERVER_WINS | noflag   | false  | upload
              row       | same            | -           | SERVER_WINS | read     | false  | report deletion
              row       | same            | -           | SERVER_WINS | read     | true   | forget, download
              row       | same            | flags:F     | SERVER_WINS | read     | false  | report flag change
              row       | same            | flags:F     | SERVER_WINS | read     | true   | flags here -
              row       | same            | flags:F     | CLIENT_WINS | noflag   | false  | report flag change
              keyed     | same            | edited      | SERVER_WINS | read     | false  | report upload
              keyed     | same            | edited      | SERVER_WINS | read     | true   | delete here, revert, download, clear failure
              row       | -               | flags:F     | CLIENT_WINS | noinsert | false  | delete here
            # cut-off (mailsOfLastDays), ignored list, items moved between folders this cycle
              -         | new:old         | -           | SERVER_WINS | all      | false  | nothing
              -         | new:ignored     | -           | SERVER_WINS | all      | false  | nothing
              -         | -               | new:ignored | SERVER_WINS | all      | false  | nothing
              row       | -               | deferred    | SERVER_WINS | all      | false  | nothing
            # UIDVALIDITY changed: pairs found again by Message-ID and size, then decided as above
              row       | renumbered      | same        | SERVER_WINS | all      | false  | rematched
              row       | renumbered      | flags:F     | SERVER_WINS | all      | false  | rematched, flags on server F, record F
              row       | renumbered      | -           | SERVER_WINS | all      | false  | download
              row       | renumbered-gone | same        | SERVER_WINS | all      | false  | vanished
              row       | renumbered-gone | same        | CLIENT_WINS | all      | false  | vanished
              row       | renumbered-gone | flags:F     | SERVER_WINS | all      | false  | vanished
              row       | renumbered-gone | flags:F     | CLIENT_WINS | all      | false  | upload
              keyed     | renumbered      | edited      | SERVER_WINS | all      | false  | rematched, send edit -
              keyed     | renumbered      | edited      | CLIENT_WINS | all      | false  | rematched, send edit -
              keyed     | renumbered-gone | edited      | SERVER_WINS | all      | false  | vanished
              keyed     | renumbered-gone | edited      | CLIENT_WINS | all      | false  | upload
            # without Message-ID: found again by size (and order among items of one size)
              no-id     | renumbered      | flags:F     | SERVER_WINS | all      | false  | rematched, flags on server F, record F
              no-id     | renumbered      | flags:F     | CLIENT_WINS | all      | false  | rematched, flags on server F, record F
            """)
    void decides(String row, String server, String local, ConflictPolicy policy, String rights, boolean revert,
                 String expected) {
        assertThat(describe(plan(row, server, local, policy, rights, revert))).isEqualTo(expected);
    }

    static ItemPlan plan(String rowSpec, String serverSpec, String localSpec, ConflictPolicy policy, String rightsSpec,
                         boolean revert) {
        ItemState row = row(rowSpec);
        Flags rowFlags = row == null ? Flags.NONE : row.flags();
        String rowMid = row == null ? null : row.messageId();
        List<RemoteItem> listed = new ArrayList<>();
        Set<String> ignored = new HashSet<>();
        boolean validityChanged = serverSpec.startsWith("renumbered");
        switch (serverSpec) {
            case "-", "renumbered-gone" -> { }
            case "same" -> listed.add(new RemoteItem(UID, rowFlags, SIZE, NOW, rowMid));
            case "edited" -> listed.add(new RemoteItem(NEW_UID, rowFlags, SIZE + 10, NOW, "<m1-server@x>"));
            case "renumbered" -> listed.add(new RemoteItem(RENUMBERED, rowFlags, SIZE, NOW, rowMid));
            case "new:old" -> listed.add(new RemoteItem(NEW_UID, Flags.NONE, SIZE, CUTOFF.minus(Duration.ofDays(10)), "<s2@x>"));
            case "new:ignored" -> {
                listed.add(new RemoteItem(NEW_UID, Flags.NONE, SIZE, NOW, "<s2@x>"));
                ignored.add("uid:" + NEW_UID);
            }
            default -> {
                if (serverSpec.startsWith("flags:")) {
                    listed.add(new RemoteItem(UID, flags(serverSpec.substring(6)), SIZE, NOW, rowMid));
                } else if (serverSpec.startsWith("new")) {
                    listed.add(new RemoteItem(NEW_UID, flags(after(serverSpec)), SIZE, NOW, "<s2@x>"));
                } else {
                    throw new IllegalArgumentException(serverSpec);
                }
            }
        }
        List<LocalItem> local = new ArrayList<>();
        Set<String> unpaired = new HashSet<>();
        Set<String> deferred = new HashSet<>();
        Map<String, String> mids = new HashMap<>();
        String key = row == null ? null : row.key();
        switch (localSpec) {
            case "-" -> { }
            case "same" -> local.add(new LocalItem("L1", rowFlags, SIZE, 0, key, key == null ? null : "v1"));
            case "edited" -> {
                local.add(new LocalItem("L1", rowFlags, SIZE, 0, key, "v2"));
                mids.put("L1", "<m1-v2@x>");
            }
            case "deferred" -> {
                local.add(new LocalItem("L1", Flags.of(Flag.FLAGGED), SIZE, 0));
                deferred.add("L1");
            }
            case "new", "new:ignored" -> {
                local.add(new LocalItem("N1", Flags.NONE, 50, 0));
                mids.put("N1", "<n1@x>");
                if (localSpec.endsWith("ignored")) {
                    ignored.add("local:N1");
                }
            }
            case "hint" -> local.add(new LocalItem("N1", Flags.NONE, SIZE, NEW_UID));
            case "hint-object" -> local.add(new LocalItem("N1", Flags.NONE, SIZE, NEW_UID, "k1", "v1"));
            case "hint-edited" -> {
                local.add(new LocalItem("N1", Flags.NONE, SIZE, NEW_UID, "k1", "v2"));
                mids.put("N1", "<s2-v2@x>");
            }
            default -> {
                if (localSpec.startsWith("flags:")) {
                    local.add(new LocalItem("L1", flags(localSpec.substring(6)), SIZE, 0, key, key == null ? null : "v1"));
                } else if (localSpec.startsWith("copy")) {
                    local.add(new LocalItem("N1", flags(after(localSpec)), SIZE, 0));
                    mids.put("N1", "<s2@x>");
                } else {
                    throw new IllegalArgumentException(localSpec);
                }
            }
        }
        if (local.size() == 1 && local.get(0).id().equals("N1")) {
            unpaired.add("N1");
            mids.putIfAbsent("N1", "<s2@x>");
        }
        mids.putIfAbsent("L1", rowMid);
        RemoteChanges changes = RemoteChanges.complete(new RemoteCursor(validityChanged ? 2 : 1, 0, 200), listed);
        return ItemPlanner.plan(new ItemPlanner.Input(7, row == null ? List.of() : List.of(row), changes, validityChanged,
                local, unpaired, policy, rights(rightsSpec), revert, CUTOFF, ignored, deferred,
                rightsSpec.startsWith("upload"), l -> mids.get(l.id())));
    }

    static ItemState row(String spec) {
        return switch (spec.replaceAll(":.*", "")) {
            case "-" -> null;
            case "row" -> new ItemState(7, UID, "L1", flags(after(spec)), SIZE, "<m1@x>", false);
            case "no-id" -> new ItemState(7, UID, "L1", flags(after(spec)), SIZE, null, false);
            case "keyed" -> new ItemState(7, UID, "L1", flags(after(spec)), SIZE, "<m1@x>", false, "k1", "v1");
            default -> throw new IllegalArgumentException(spec);
        };
    }

    static String after(String spec) {
        int i = spec.indexOf(':');
        return i < 0 || spec.endsWith(":old") || spec.endsWith(":ignored") ? "-" : spec.substring(i + 1);
    }

    static Flags flags(String letters) {
        Flags f = Flags.NONE;
        for (char c : letters.toCharArray()) {
            f = switch (c) {
                case 'S' -> f.with(Flag.SEEN);
                case 'F' -> f.with(Flag.FLAGGED);
                case '-' -> f;
                default -> throw new IllegalArgumentException(letters);
            };
        }
        return f;
    }

    static String letters(Flags f) {
        String s = (f.has(Flag.FLAGGED) ? "F" : "") + (f.has(Flag.SEEN) ? "S" : "");
        return s.isEmpty() ? "-" : s;
    }

    static Rights rights(String spec) {
        return switch (spec) {
            case "all", "upload" -> Rights.ALL;
            case "read", "upload-read" -> new Rights(false, false, false, false);
            case "noflag" -> new Rights(false, false, true, true);
            case "noinsert" -> new Rights(true, true, true, false);
            default -> throw new IllegalArgumentException(spec);
        };
    }

    /** The plan in the table's words, in the order the engine carries it out. */
    static String describe(ItemPlan p) {
        List<String> out = new ArrayList<>();
        if (p.rematch() != null && !p.rematch().kept().isEmpty()) {
            out.add("rematched");
        }
        if (p.rematch() != null && !p.rematch().vanished().isEmpty()) {
            out.add("vanished");
        }
        p.remoteFlags().values().forEach(f -> out.add("flags on server " + letters(f)));
        p.localFlags().values().forEach(f -> out.add("flags here " + letters(f)));
        p.rowUpdates().forEach(r -> out.add("record " + letters(r.flags())
                + (r.key() != null && r.localVersion() == null ? " reread" : "")));
        p.adoptions().forEach(r -> out.add("adopt " + letters(r.flags())
                + (PendingResolver.UNSURE_VERSION.equals(r.localVersion()) ? " unsure" : "")));
        p.rowRemovals().forEach(r -> out.add("forget"));
        p.remoteDeletes().forEach(r -> out.add("delete on server"));
        p.localDeletes().forEach(r -> out.add("delete here"));
        for (int i = 0; i < p.reverts(); i++) {
            out.add("revert");
        }
        p.revertedNew().forEach(l -> out.add("revert new"));
        p.uploads().forEach(l -> out.add("upload"));
        p.edits().forEach(e -> out.add("send edit " + letters(e.flags())));
        p.downloads().forEach(r -> out.add("download"));
        p.keyed().forEach(r -> out.add("settle by key"));
        p.failures().forEach(f -> out.add("report " + f.description().substring(0, f.description().indexOf(" of "))));
        p.clearedFailures().forEach(k -> out.add("clear failure"));
        return out.isEmpty() ? "nothing" : String.join(", ", out);
    }
}
