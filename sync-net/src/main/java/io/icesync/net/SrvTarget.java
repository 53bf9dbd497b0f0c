package io.icesync.net;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * One SRV record's target (RFC 2782): {@code host} without the final dot, or {@code "."} where the
 * record says the service is not offered there.
 */
public record SrvTarget(String host, int port, int priority, int weight) {
    /** {@return whether this target serves: a real host and a port} */
    public boolean offered() {
        return !".".equals(host) && port > 0;
    }

    /**
     * The order in which to try targets (RFC 2782): lowest priority first; within a priority, a
     * weighted random draw, so that servers share the load in proportion to their weight. A weight of
     * 0 is drawn only rarely while heavier targets remain.
     *
     * @param targets the records as the server sent them ("." targets are kept: filter with {@link #offered()})
     * @param random  draws within a priority; a seeded one gives a repeatable order
     * @return a new list of the same targets in the order to try
     */
    public static List<SrvTarget> rfc2782Order(List<SrvTarget> targets, RandomGenerator random) {
        TreeMap<Integer, List<SrvTarget>> byPriority = new TreeMap<>();
        for (SrvTarget t : targets) {
            byPriority.computeIfAbsent(t.priority(), p -> new ArrayList<>()).add(t);
        }
        List<SrvTarget> out = new ArrayList<>(targets.size());
        for (List<SrvTarget> same : byPriority.values()) {
            // RFC 2782: weight-0 records go first in the list to draw from, so a draw of 0 picks them.
            List<SrvTarget> left = new ArrayList<>(same);
            left.sort(Comparator.comparingInt(t -> t.weight() == 0 ? 0 : 1));
            while (!left.isEmpty()) {
                long total = 0;
                for (SrvTarget t : left) {
                    total += t.weight();
                }
                long draw = random.nextLong(total + 1);
                long running = 0;
                int pick = left.size() - 1;
                for (int i = 0; i < left.size(); i++) {
                    running += left.get(i).weight();
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
