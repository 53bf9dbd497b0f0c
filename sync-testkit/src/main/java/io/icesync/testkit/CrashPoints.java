package io.icesync.testkit;

import io.icesync.core.spi.RemoteStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Kills a sync cycle at a chosen write, to test that a store or connector resumes with nothing lost
 * and nothing duplicated. Wrap the stores a cycle uses (remote, local, state) with one instance:
 * the Nth call, across them, of a method that changes something throws {@link Crash} before it
 * runs. Every instant of a cycle is "before some write", so running a scenario once with
 * {@link #never()} to count its writes ({@link #writes()}), then once per N with {@link #at(int)} and
 * again without, checks every point where a kill can change the outcome.
 *
 * <pre>{@code
 * CrashPoints kill = CrashPoints.at(n);
 * SyncEngine e = SyncEngine.builder().remote(kill.wrap(RemoteStore.class, remote))
 *         .local(kill.wrap(LocalStore.class, local)).state(kill.wrap(SyncStateStore.class, state))...
 * try { e.syncOnce(); } catch (CrashPoints.Crash expected) { }
 * }</pre>
 */
public final class CrashPoints {
    /** The process "died" here. Not an {@code IceSyncException}, so no layer takes it for an item's failure. */
    public static final class Crash extends RuntimeException {
        /**
         * A kill at {@code where} ("before RemoteStore.append"), for wrappers of one's own.
         *
         * @param where where the process died; the message is {@code "killed " + where}
         */
        public Crash(String where) {
            super("killed " + where);
        }
    }

    /** Methods of the store SPIs that change nothing. */
    private static final Set<String> READS = Set.of("connect", "folders", "changes", "status", "items", "open",
            "findByMessageId", "folder", "folderByPath", "itemByUid", "itemByLocalId", "itemCount", "pending",
            "failures", "recentEvents", "value", "inTransaction", "close", "syncsItemsOf", "toString", "hashCode",
            "equals");

    private final int crashAt;
    private int calls;
    private String killedAt;

    private CrashPoints(int crashAt) {
        this.crashAt = crashAt;
    }

    /**
     * Kills before the write numbered {@code n} (from 0), counted across every store this instance wraps.
     *
     * @param n the number of the write to kill before; a negative one never kills
     * @return a new instance with its count at 0
     */
    public static CrashPoints at(int n) {
        return new CrashPoints(n);
    }

    /** {@return a new instance that counts writes without killing, to learn how many {@link #at} may take} */
    public static CrashPoints never() {
        return new CrashPoints(-1);
    }

    /**
     * {@code target} seen through this instance's counter: calls of methods that change nothing pass
     * through, the others are counted and the chosen one throws {@link Crash} instead of running.
     * Not thread-safe: wrap the stores of one cycle on one thread.
     *
     * @param <T>    the interface
     * @param type   the interface to wrap, such as {@code RemoteStore.class}
     * @param target the store that does the work
     * @return a proxy of {@code type}; exceptions of {@code target} pass through unchanged
     */
    @SuppressWarnings("unchecked")
    public <T> T wrap(Class<T> type, T target) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (!READS.contains(m.getName()) && calls++ == crashAt) {
                killedAt = type.getSimpleName() + "." + m.getName();
                throw new Crash("before " + killedAt);
            }
            try {
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    /**
     * {@code target}, killed just after its server write number {@code n} (from 0) reached the server
     * and before the store saved its own state: {@code stateFile} (the store's own record, such as a
     * WebDAV store's numbering) is put back as it was before that call, then {@link Crash} is thrown.
     * Past its last write the store runs to the end.
     *
     * @param target    the store that does the work
     * @param n         the number of the write (from 0) after which the kill comes
     * @param stateFile the store's own state file; absent before the write means deleted again
     * @return a proxy of {@code target} with its own count, starting at 0
     */
    public static RemoteStore afterServerWrite(RemoteStore target, int n, Path stateFile) {
        int[] calls = {0};
        return (RemoteStore) Proxy.newProxyInstance(RemoteStore.class.getClassLoader(), new Class<?>[] {RemoteStore.class},
                (p, m, args) -> {
                    boolean write = !READS.contains(m.getName());
                    byte[] before = write && Files.exists(stateFile) ? Files.readAllBytes(stateFile) : null;
                    Object result;
                    try {
                        result = m.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (write && calls[0]++ == n) {
                        if (before != null) {
                            Files.write(stateFile, before);
                        } else {
                            Files.deleteIfExists(stateFile);
                        }
                        throw new Crash("after RemoteStore." + m.getName() + ", before its state was saved");
                    }
                    return result;
                });
    }

    /** {@return the writes counted so far, the killed one included} */
    public int writes() {
        return calls;
    }

    /** {@return the call the kill came before ({@code "RemoteStore.append"}), or null while there was none} */
    public String killedAt() {
        return killedAt;
    }
}
