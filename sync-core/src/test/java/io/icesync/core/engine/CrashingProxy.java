package io.icesync.core.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;

/**
 * Wraps a store so that the Nth call of a method that changes something throws {@link Crash}
 * before it runs. Every instant of a cycle is "before some call", so walking N over all calls
 * kills the cycle at every point where a kill can change the outcome.
 */
final class CrashingProxy {
    /** Shared by all wrapped stores of one run, so that N counts calls across them. */
    static final class Counter {
        int calls;
        int crashAt = -1;
    }

    private static final Set<String> READS = Set.of("connect", "folders", "changes", "status", "items", "open",
            "findByMessageId", "folder", "folderByPath", "itemByUid", "itemByLocalId", "itemCount", "pending",
            "failures", "recentEvents", "value", "inTransaction", "sharedByOthers", "close", "toString", "hashCode", "equals");

    private CrashingProxy() {
    }

    @SuppressWarnings("unchecked")
    static <T> T wrap(Class<T> type, T target, Counter counter) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (!READS.contains(m.getName())) {
                if (counter.calls++ == counter.crashAt) {
                    throw new Crash(type.getSimpleName() + "." + m.getName());
                }
            }
            try {
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
