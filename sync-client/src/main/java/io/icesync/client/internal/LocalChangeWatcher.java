package io.icesync.client.internal;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the local store's directories (every level below the roots) for changes a user or another
 * program makes (F4.3), and hands the changed paths on once a burst of writes has settled: a quiet
 * moment of {@link #QUIET}, or {@link #MAX_WAIT} after the first change when writes keep coming.
 * IceSync's own files (names starting with '.', Maildir's {@code tmp/} and {@code dovecot-*}) are not
 * changes, and nothing is taken while {@code ownWrites} says a cycle is writing. An event of a
 * cycle's own writes that this thread takes only after the cycle ended (a busy machine) costs one
 * more cycle that finds nothing; that cycle writes nothing, so it never starts a chain. A change the
 * watcher misses (made during a cycle, or lost to an overflow) waits for the folder's scheduled run.
 */
public final class LocalChangeWatcher implements AutoCloseable {
    static final Duration QUIET = Duration.ofMillis(700);
    static final Duration MAX_WAIT = Duration.ofSeconds(3);

    private static final Logger LOG = LoggerFactory.getLogger(LocalChangeWatcher.class);
    private final WatchService watch;
    private final BooleanSupplier ownWrites;
    private final Consumer<Set<Path>> changed;
    private final Thread thread;
    private final Set<Path> pending = new LinkedHashSet<>();
    private long firstNanos;
    private long lastNanos;

    private LocalChangeWatcher(WatchService watch, BooleanSupplier ownWrites, Consumer<Set<Path>> changed) {
        this.watch = watch;
        this.ownWrites = ownWrites;
        this.changed = changed;
        this.thread = new Thread(this::loop, "icesync-local-changes");
        thread.setDaemon(true);
    }

    /**
     * Starts watching the directories under {@code roots} (those that exist). {@code changed} receives
     * each settled burst's paths on the watcher's thread; it should hand them on, not sync there.
     */
    public static LocalChangeWatcher start(List<Path> roots, BooleanSupplier ownWrites, Consumer<Set<Path>> changed)
            throws IOException {
        LocalChangeWatcher w = new LocalChangeWatcher(FileSystems.getDefault().newWatchService(), ownWrites, changed);
        try {
            for (Path root : roots) {
                if (Files.isDirectory(root)) {
                    w.registerTree(root);
                }
            }
        } catch (IOException | RuntimeException e) {
            w.watch.close();
            throw e;
        }
        w.thread.start();
        return w;
    }

    private void registerTree(Path top) throws IOException {
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(top) && !interesting(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // gone meanwhile, or unreadable: nothing to watch there
            }
        });
    }

    /** Whether a change to this path can be the user's: not IceSync's bookkeeping, not a Maildir's tmp/. */
    static boolean interesting(Path p) {
        String name = p.getFileName().toString();
        return !name.startsWith(".") && !name.equals("tmp") && !name.startsWith("dovecot-");
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = pending.isEmpty() ? watch.poll(1, TimeUnit.SECONDS)
                        : watch.poll(Math.max(1, dueNanos() - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (key != null) {
                    take(key);
                }
                if (!pending.isEmpty() && System.nanoTime() >= dueNanos()) {
                    Set<Path> burst = Set.copyOf(pending);
                    pending.clear();
                    hand(burst);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the schedule stopped
        }
    }

    private long dueNanos() {
        return Math.min(lastNanos + QUIET.toNanos(), firstNanos + MAX_WAIT.toNanos());
    }

    private void take(WatchKey key) {
        Path dir = (Path) key.watchable();
        boolean own = ownWrites.getAsBoolean();
        for (WatchEvent<?> e : key.pollEvents()) {
            if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                LOG.info("too many local changes at once in {}; they wait for the scheduled sync", dir);
                continue;
            }
            Path p = dir.resolve((Path) e.context());
            if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE && interesting(p) && Files.isDirectory(p)) {
                try {
                    registerTree(p);
                } catch (IOException x) {
                    LOG.info("cannot watch {}: {}", p, x.toString());
                }
            }
            if (own || !interesting(p) || !interesting(dir)) {
                continue;
            }
            long now = System.nanoTime();
            if (pending.isEmpty()) {
                firstNanos = now;
            }
            lastNanos = now;
            pending.add(p);
        }
        key.reset();
    }

    private void hand(Set<Path> burst) {
        try {
            changed.accept(burst);
        } catch (RuntimeException e) {
            LOG.warn("a local change could not be handed on: {}", e.toString());
        }
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service: {}", e.toString());
        }
        thread.interrupt();
    }
}
