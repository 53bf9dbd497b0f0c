package io.icesync.core.engine;

import static io.icesync.core.engine.EngineFixture.INBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.settings.ConflictPolicy;
import io.icesync.core.spi.LocalItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random operations on both sides between syncs, in any interleaving: after a sync both sides are
 * equal, no message exists twice, and every message that neither side deleted is still there.
 */
class ConvergenceTest {
    private static final List<FolderPath> FOLDERS = List.of(INBOX, FolderPath.of("Archive"),
            FolderPath.of("Projets", "Été 2026"));
    private static final String[] KEYWORDS = {"$label1", "Projet_X", "$Completed"};

    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void randomOperationsOnBothSidesAlwaysConverge(ConflictPolicy policy) {
        for (long seed = 1; seed <= 40; seed++) {
            runSeed(seed, policy, new EngineFixture());
        }
    }

    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void theSameHoldsOnMaildirAndSqlite(ConflictPolicy policy, @TempDir Path dir) {
        for (long seed = 100; seed <= 105; seed++) {
            runSeed(seed, policy, new EngineFixture(dir.resolve("seed" + seed)));
        }
    }

    private void runSeed(long seed, ConflictPolicy policy, EngineFixture fx) {
        Random rnd = new Random(seed);
        fx.policy(policy);
        MemoryRemote r = fx.remote;
        r.qresync = rnd.nextBoolean();
        r.condstore = r.qresync || rnd.nextBoolean();
        for (FolderPath f : FOLDERS.subList(1, FOLDERS.size())) {
            r.createFolder(f, FolderKind.MAIL);
        }
        // What a user expects: each message that nobody deleted, in its last folder, with its last flags.
        Map<String, FolderPath> where = new TreeMap<>();
        Map<String, Flags> flags = new TreeMap<>();
        int next = 0;
        for (int i = 0; i < 8; i++) {
            String id = "<s" + next++ + "@x>";
            FolderPath f = pick(rnd, FOLDERS);
            Flags fl = randomFlags(rnd);
            r.serverAdd(f, id, fl);
            where.put(id, f);
            flags.put(id, fl);
        }
        fx.sync();
        for (int round = 0; round < 6; round++) {
            Set<String> touched = new HashSet<>();
            int ops = 1 + rnd.nextInt(8);
            for (int k = 0; k < ops; k++) {
                boolean server = rnd.nextBoolean();
                int op = rnd.nextInt(5);
                FolderPath f = pick(rnd, FOLDERS);
                if (op == 0) {
                    String id = "<" + (server ? "s" : "l") + next++ + "@x>";
                    Flags fl = randomFlags(rnd);
                    if (server) {
                        r.serverAdd(f, id, fl);
                    } else {
                        fx.localAdd(f, id, fl);
                    }
                    where.put(id, f);
                    flags.put(id, fl);
                    touched.add(id);
                    continue;
                }
                String victim = untouched(fx, server, f, touched, rnd);
                if (victim == null) {
                    continue;
                }
                touched.add(victim);
                if (server) {
                    long uid = r.findByMessageId(f, victim).get(0);
                    switch (op) {
                        case 1, 2 -> {
                            Flags fl = randomFlags(rnd);
                            r.serverFlags(f, uid, fl);
                            flags.put(victim, fl);
                        }
                        case 3 -> {
                            r.serverExpunge(f, uid);
                            where.remove(victim);
                        }
                        default -> {
                            FolderPath to = other(rnd, f);
                            r.move(f, List.of(uid), to);
                            where.put(victim, to);
                        }
                    }
                } else {
                    LocalItem li = fx.localItem(f, victim);
                    switch (op) {
                        case 1, 2 -> {
                            Flags fl = randomFlags(rnd);
                            fx.local.setFlags(f, li.id(), fl);
                            flags.put(victim, fl);
                        }
                        case 3 -> {
                            fx.local.delete(f, li.id());
                            where.remove(victim);
                        }
                        default -> {
                            FolderPath to = other(rnd, f);
                            fx.local.move(f, li.id(), to);
                            where.put(victim, to);
                        }
                    }
                }
            }
            SyncReport report = fx.sync();
            assertThat(report.ok()).as("seed %d round %d", seed, round).isTrue();
            Map<FolderPath, List<String>> remoteNow = Sides.remote(r);
            assertThat(Sides.local(fx.local)).as("seed %d round %d", seed, round).isEqualTo(remoteNow);
            List<String> all = new ArrayList<>();
            remoteNow.forEach((folder, l) -> l.forEach(s -> all.add(folder + " " + s)));
            List<String> expected = new ArrayList<>();
            where.forEach((id, folder) -> expected.add(folder + " " + id + " " + flags.get(id)));
            assertThat(all).as("seed %d round %d: every message once, where and as the user left it", seed, round)
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(fx.sync().changedAnything()).as("seed %d round %d: stable", seed, round).isFalse();
        }
    }

    /** A message of that side and folder that no other operation of this round touched. */
    private static String untouched(EngineFixture fx, boolean server, FolderPath f, Set<String> touched, Random rnd) {
        List<String> ids = new ArrayList<>();
        if (server) {
            ids.addAll(fx.remote.messageIds(f));
        } else {
            Map<FolderPath, List<String>> local = new TreeMap<>(Sides.local(fx.local));
            for (String s : local.getOrDefault(f, List.of())) {
                ids.add(s.substring(0, s.indexOf(' ')));
            }
        }
        ids.removeAll(touched);
        return ids.isEmpty() ? null : ids.get(rnd.nextInt(ids.size()));
    }

    private static FolderPath pick(Random rnd, List<FolderPath> l) {
        return l.get(rnd.nextInt(l.size()));
    }

    private static FolderPath other(Random rnd, FolderPath f) {
        List<FolderPath> o = new ArrayList<>(FOLDERS);
        o.remove(f);
        return pick(rnd, o);
    }

    private static Flags randomFlags(Random rnd) {
        Flags f = Flags.NONE;
        for (Flag x : new Flag[] {Flag.SEEN, Flag.FLAGGED, Flag.ANSWERED}) {
            if (rnd.nextBoolean()) {
                f = f.with(x);
            }
        }
        for (String k : KEYWORDS) {
            if (rnd.nextInt(4) == 0) {
                f = f.withKeyword(k);
            }
        }
        return f;
    }
}
