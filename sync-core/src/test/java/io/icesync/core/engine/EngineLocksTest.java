package io.icesync.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.ConnectionException;
import io.icesync.core.Flags;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.RemoteStore;
import io.icesync.core.spi.SessionEvent;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's queries answer during a cycle; cancel and close cut a cycle hung on the server. */
class EngineLocksTest {
    static final FolderPath INBOX = EngineFixture.INBOX;

    @TempDir
    Path dir;

    /** Wraps the fixture's server: changes() hangs until abort(), like a read on a silent socket, then fails. */
    static final class Hanging {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch aborted = new CountDownLatch(1);
        volatile boolean hang = true;

        RemoteStore wrap(RemoteStore inner) {
            return (RemoteStore) Proxy.newProxyInstance(RemoteStore.class.getClassLoader(),
                    new Class<?>[] {RemoteStore.class}, (p, m, args) -> {
                        if (m.getName().equals("abort")) {
                            aborted.countDown();
                            return null;
                        }
                        if (m.getName().equals("changes") && hang) {
                            entered.countDown();
                            if (!aborted.await(60, TimeUnit.SECONDS)) {
                                throw new AssertionError("never aborted");
                            }
                            throw new ConnectionException("connection closed (aborted)", null);
                        }
                        try {
                            return m.invoke(inner, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    private SyncEngine engine(EngineFixture fx, RemoteStore remote, SyncListener... listeners) {
        SyncEngine.Builder b = SyncEngine.builder().remote(remote).local(fx.local).state(fx.state)
                .settings(() -> fx.settings);
        for (SyncListener l : listeners) {
            b.listener(l);
        }
        return b.build();
    }

    @Test
    void queriesAnswerWhileACycleHangsAndCancelEndsIt() throws Exception {
        EngineFixture fx = new EngineFixture(dir);
        fx.remote.serverAdd(INBOX, "<a@x>", Flags.NONE);
        Hanging h = new Hanging();
        h.hang = false;
        SyncEngine engine = engine(fx, h.wrap(fx.remote));
        engine.syncOnce();
        h.hang = true;

        CompletableFuture<SyncReport> cycle = CompletableFuture.supplyAsync(engine::syncOnce);
        assertThat(h.entered.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<List<SessionEvent>> events = CompletableFuture.supplyAsync(() -> engine.events(10));
        assertThat(events.get(20, TimeUnit.SECONDS)).isNotEmpty();
        assertThat(CompletableFuture.supplyAsync(engine::failures).get(20, TimeUnit.SECONDS)).isEmpty();
        assertThat(CompletableFuture.supplyAsync(engine::counters).get(20, TimeUnit.SECONDS)).isNotNull();
        assertThat(cycle).isNotDone();

        engine.cancel();
        assertThatThrownBy(() -> cycle.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(SyncCancelledException.class)
                .satisfies(e -> assertThat(((SyncCancelledException) e).closed()).isFalse())
                .hasCauseInstanceOf(ConnectionException.class);

        // Cancelling is not closing: the next cycle runs, and finds what the cut one left.
        h.hang = false;
        fx.remote.serverAdd(INBOX, "<b@x>", Flags.NONE);
        engine.syncOnce();
        assertThat(Sides.local(fx.local).get(INBOX)).containsExactlyInAnyOrder("<a@x> ()", "<b@x> ()");
        fx.state.close();
    }

    @Test
    void closeCutsAHungCycleAndLaterCyclesAreRefused() throws Exception {
        EngineFixture fx = new EngineFixture();
        fx.remote.serverAdd(INBOX, "<a@x>", Flags.NONE);
        Hanging h = new Hanging();
        SyncEngine engine = engine(fx, h.wrap(fx.remote));
        CompletableFuture<SyncReport> cycle = CompletableFuture.supplyAsync(engine::syncOnce);
        assertThat(h.entered.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture.runAsync(engine::close).get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> cycle.get(30, TimeUnit.SECONDS)).cause().isInstanceOf(SyncCancelledException.class)
                .satisfies(e -> assertThat(((SyncCancelledException) e).closed()).isTrue());
        assertThatThrownBy(engine::syncOnce).isInstanceOf(SyncCancelledException.class);
    }
}
