package io.icesync.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A started {@link IceWarpServer} for JUnit 5 tests. Either annotate the class with
 * {@link IceWarpTest}, or register it:
 *
 * <pre>{@code
 * @RegisterExtension
 * static IceWarpServerExtension iw = IceWarpServerExtension.builder()
 *         .account("jean@iwdemo.test", "secret").fixture("mailbox.json").build();
 *
 * @Test
 * void test(IceWarpServer server) { ... }      // or iw.server()
 * }</pre>
 *
 * Every test method gets a new server with freshly seeded accounts unless {@link Builder#perClass()}
 * is asked for. Servers bind free loopback ports, so test classes may run in parallel; within one
 * class run concurrently, take the server as a parameter rather than from {@link #server()}.
 */
public final class IceWarpServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(IceWarpServerExtension.class);
    private static final String KEY = "server";

    private final List<String[]> accounts;
    private final List<String> fixtures;
    private final List<String> without;
    private final List<Consumer<IceWarpServer>> seeders;
    private final boolean perClass;
    private final boolean fromAnnotation;
    private volatile IceWarpServer current;

    /** Used by {@link IceWarpTest}: the settings come from the annotation. */
    public IceWarpServerExtension() {
        this(new Builder(), true);
    }

    private IceWarpServerExtension(Builder b, boolean fromAnnotation) {
        this.accounts = List.copyOf(b.accounts);
        this.fixtures = List.copyOf(b.fixtures);
        this.without = List.copyOf(b.without);
        this.seeders = List.copyOf(b.seeders);
        this.perClass = b.perClass;
        this.fromAnnotation = fromAnnotation;
    }

    /** {@return a builder for an extension with one new server per test method, no account and no fixture} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return the server of the running test (or class, with {@code perClass()})}
     *
     * @throws IllegalStateException when no server is running, such as outside a test
     */
    public IceWarpServer server() {
        IceWarpServer s = current;
        if (s == null) {
            throw new IllegalStateException("no IceWarp test server is running: ask for it inside a test");
        }
        return s;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (perClass) {
            context.getStore(NS).put(KEY, new Running(start(context)));
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            context.getStore(NS).put(KEY, new Running(start(context)));
        } else {
            current = find(context);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            // The store closes it (Running is AutoCloseable); forget it here for server().
            current = null;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        current = null;
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext context) {
        return p.getParameter().getType() == IceWarpServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext context) {
        IceWarpServer s = find(context);
        if (s == null) {
            throw new ParameterResolutionException("no IceWarp test server for " + context.getDisplayName()
                    + " (a per-class server is not given to @BeforeAll methods before it starts)");
        }
        return s;
    }

    private static IceWarpServer find(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            Running r = c.getStore(NS).get(KEY, Running.class);
            if (r != null) {
                return r.server;
            }
        }
        return null;
    }

    private IceWarpServer start(ExtensionContext context) {
        IceWarpServer.Builder b = IceWarpServer.builder();
        List<String[]> accts = new ArrayList<>(accounts);
        List<String> fix = new ArrayList<>(fixtures);
        List<String> off = new ArrayList<>(without);
        if (fromAnnotation) {
            IceWarpTest a = context.getRequiredTestClass().getAnnotation(IceWarpTest.class);
            if (a != null) {
                for (String s : a.accounts()) {
                    int colon = s.indexOf(':');
                    if (colon <= 0) {
                        throw new IllegalArgumentException("@IceWarpTest accounts are address:password, got '" + s + "'");
                    }
                    accts.add(new String[] {s.substring(0, colon), s.substring(colon + 1)});
                }
                if (!a.fixture().isEmpty()) {
                    fix.add(a.fixture());
                }
                off.addAll(List.of(a.without()));
            }
        }
        accts.forEach(x -> b.account(x[0], x[1]));
        off.forEach(b::without);
        IceWarpServer server = b.start();
        try {
            ClassLoader loader = context.getRequiredTestClass().getClassLoader();
            for (String f : fix) {
                Fixtures.seedFromClasspath(server.model(), resolve(context.getRequiredTestClass(), f), loader);
            }
            seeders.forEach(s -> s.accept(server));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        current = server;
        return server;
    }

    /** A fixture name without a leading slash is looked up beside the test class, then at the root. */
    private static String resolve(Class<?> test, String name) {
        if (name.startsWith("/")) {
            return name.substring(1);
        }
        String beside = test.getPackageName().replace('.', '/') + "/" + name;
        return test.getClassLoader().getResource(beside) != null ? beside : name;
    }

    /** Closes the server when JUnit drops the context it was stored in. */
    private record Running(IceWarpServer server) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
        }
    }

    /** How the extension's servers are set up. */
    public static final class Builder {
        private final List<String[]> accounts = new ArrayList<>();
        private final List<String> fixtures = new ArrayList<>();
        private final List<String> without = new ArrayList<>();
        private final List<Consumer<IceWarpServer>> seeders = new ArrayList<>();
        private boolean perClass;

        private Builder() {
        }

        /**
         * Adds an account with IceWarp's default folders to each server.
         *
         * @param email    the account's address
         * @param password its password for every protocol
         * @return this builder
         */
        public Builder account(String email, String password) {
            accounts.add(new String[] {email, password});
            return this;
        }

        /**
         * Seeds each server from a JSON or YAML fixture on the class path, after the accounts (see {@link Fixtures}).
         *
         * @param resource the fixture's name, beside the test class, or absolute with a leading /
         * @return this builder
         */
        public Builder fixture(String resource) {
            fixtures.add(resource);
            return this;
        }

        /**
         * Seeds each new server from code, after the accounts and fixtures.
         *
         * @param seeder called with the started server, in the order added
         * @return this builder
         */
        public Builder seed(Consumer<IceWarpServer> seeder) {
            seeders.add(seeder);
            return this;
        }

        /**
         * Makes the servers stop offering an optional capability (see {@link IceWarpServer.Builder#without}).
         *
         * @param capability one of {@link IceWarpServer#OPTIONAL_CAPABILITIES}; checked when a server starts
         * @return this builder
         */
        public Builder without(String capability) {
            without.add(capability);
            return this;
        }

        /**
         * Uses one server for the whole class (register the extension on a static field).
         *
         * @return this builder
         */
        public Builder perClass() {
            perClass = true;
            return this;
        }

        /** {@return the extension, to register with {@code @RegisterExtension}} */
        public IceWarpServerExtension build() {
            return new IceWarpServerExtension(this, false);
        }
    }
}
