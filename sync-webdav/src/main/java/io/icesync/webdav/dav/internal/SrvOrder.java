package io.icesync.webdav.dav.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.xbill.DNS.SRVRecord;

/**
 * The order in which to try SRV targets (RFC 2782): lowest priority first; within a priority, a
 * weighted random draw, so that servers share the load in proportion to their weight. A weight of
 * 0 is drawn only rarely while heavier targets remain.
 */
public final class SrvOrder {
    private SrvOrder() {
    }

    public static List<SRVRecord> order(List<SRVRecord> records, RandomGenerator random) {
        TreeMap<Integer, List<SRVRecord>> byPriority = new TreeMap<>();
        for (SRVRecord r : records) {
            byPriority.computeIfAbsent(r.getPriority(), p -> new ArrayList<>()).add(r);
        }
        List<SRVRecord> out = new ArrayList<>(records.size());
        for (List<SRVRecord> same : byPriority.values()) {
            // RFC 2782: weight-0 records go first in the list to draw from, so a draw of 0 picks them.
            List<SRVRecord> left = new ArrayList<>(same);
            left.sort(Comparator.comparingInt(r -> r.getWeight() == 0 ? 0 : 1));
            while (!left.isEmpty()) {
                long total = 0;
                for (SRVRecord r : left) {
                    total += r.getWeight();
                }
                long draw = random.nextLong(total + 1);
                long running = 0;
                int pick = left.size() - 1;
                for (int i = 0; i < left.size(); i++) {
                    running += left.get(i).getWeight();
                    if (running >= draw) {
                        pick = i;
                        break;
                    }
                }
                out.add(left.remove(pick));
            }
        }
        return out;
    }
}
