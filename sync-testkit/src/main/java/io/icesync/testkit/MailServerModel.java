package io.icesync.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The accounts the server holds, in memory. Tests seed it before or while clients are connected and
 * read it afterwards to see what the client stored. Thread-safe: one lock for the whole model.
 */
public final class MailServerModel {
    final Object lock = new Object();
    private final Map<String, TestAccount> accounts = new TreeMap<>();
    private final List<Consumer<TestMailbox>> watchers = new CopyOnWriteArrayList<>();
    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger refusedTokens = new java.util.concurrent.atomic.AtomicInteger();
    private final Map<String, java.util.Set<String>> groups = new TreeMap<>();
    private volatile boolean aclInheritance;
    private volatile boolean shareNotices;
    private long lastUidValidity = System.currentTimeMillis() / 1000 & 0x7fffffffL;

    /**
     * Adds an account with IceWarp's default folders: INBOX, Drafts, Sent, Trash and Spam (with their
     * SPECIAL-USE attributes). Fails if the address exists.
     */
    public TestAccount addAccount(String email, String password) {
        TestAccount a = addEmptyAccount(email, password);
        a.create("Drafts").specialUse("\\Drafts");
        a.create("Sent").specialUse("\\Sent");
        a.create("Trash").specialUse("\\Trash");
        a.create("Spam").specialUse("\\Junk");
        return a;
    }

    /** Adds an account with INBOX only. */
    public TestAccount addEmptyAccount(String email, String password) {
        if (!email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("'" + email + "' is not an e-mail address");
        }
        synchronized (lock) {
            String key = email.toLowerCase(Locale.ROOT);
            if (accounts.containsKey(key)) {
                throw new IllegalStateException("account " + email + " exists already");
            }
            TestAccount a = new TestAccount(this, email, password);
            accounts.put(key, a);
            a.create("INBOX");
            return a;
        }
    }

    public Optional<TestAccount> find(String email) {
        synchronized (lock) {
            return Optional.ofNullable(accounts.get(email.toLowerCase(Locale.ROOT)));
        }
    }

    public TestAccount account(String email) {
        return find(email).orElseThrow(() -> new NoSuchElementException("no account " + email + " on the test server"));
    }

    public List<TestAccount> accounts() {
        synchronized (lock) {
            return new ArrayList<>(accounts.values());
        }
    }

    /**
     * Issues an access token for the account, good for XOAUTH2 and OAUTHBEARER logins over IMAP and
     * SMTP until {@link #expireToken} (as an OAuth server would issue one); a password keeps working too.
     */
    public String issueToken(String email) {
        TestAccount a = account(email);
        String token = "tk-" + java.util.UUID.randomUUID();
        tokens.put(token, a.email().toLowerCase(Locale.ROOT));
        return token;
    }

    /** Makes a token issued before refused from now on; connections logged in with it stay so, as on a real server. */
    public void expireToken(String token) {
        tokens.remove(token);
    }

    /** How many logins with a token were refused (expired, unknown, or not the account's). */
    public int refusedTokens() {
        return refusedTokens.get();
    }

    /**
     * The account this access token opens, or empty. {@code user} may be null (OAUTHBEARER without an
     * authorization identity); otherwise it must be the token's account.
     */
    public Optional<TestAccount> authenticateToken(String user, String token) {
        String owner = token == null ? null : tokens.get(token);
        if (owner == null || (user != null && !owner.equalsIgnoreCase(user))) {
            refusedTokens.incrementAndGet();
            return Optional.empty();
        }
        return find(owner);
    }

    /** The account these credentials open, or empty. */
    public Optional<TestAccount> authenticate(String user, String password) {
        return find(user).filter(a -> a.password().equals(password));
    }

    /**
     * Calls the watcher after every change of a folder (its messages, flags, name, rights). It runs
     * under the model lock: it must only hand the news on, never block.
     */
    public AutoCloseable watch(Consumer<TestMailbox> watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    long nextUidValidity() {
        synchronized (lock) {
            return ++lastUidValidity;
        }
    }

    void changed(TestMailbox m) {
        for (Consumer<TestMailbox> w : watchers) {
            w.accept(m);
        }
    }

    /**
     * Defines (or replaces) a group of accounts; a folder's access list names it {@code $name}. A member
     * without an entry of their own has the rights of their groups together.
     */
    public MailServerModel group(String name, String... members) {
        synchronized (lock) {
            java.util.Set<String> m = new java.util.TreeSet<>();
            for (String x : members) {
                m.add(x.toLowerCase(Locale.ROOT));
            }
            groups.put(name.toLowerCase(Locale.ROOT), m);
            return this;
        }
    }

    /** The groups an account belongs to, as access-list identifiers ({@code $name}). */
    public List<String> groupsOf(String email) {
        synchronized (lock) {
            List<String> out = new ArrayList<>();
            groups.forEach((g, members) -> {
                if (members.contains(email.toLowerCase(Locale.ROOT))) {
                    out.add("$" + g);
                }
            });
            return out;
        }
    }

    /** The members of a group, by its identifier ({@code $name}) or name; empty for an unknown group. */
    public List<String> membersOf(String group) {
        synchronized (lock) {
            String g = group.startsWith("$") ? group.substring(1) : group;
            return new ArrayList<>(groups.getOrDefault(g.toLowerCase(Locale.ROOT), java.util.Set.of()));
        }
    }

    /**
     * IceWarp's inheritance: a folder whose access list is empty takes its parent's (the nearest
     * ancestor with one). Off by default: each folder then has only its own list.
     */
    public MailServerModel aclInheritance(boolean on) {
        aclInheritance = on;
        return this;
    }

    public boolean aclInheritance() {
        return aclInheritance;
    }

    /**
     * IceWarp's "share offered" message: when a user (or a group's members) gets rights on a folder where
     * they had none, a notification message arrives in their INBOX. Off by default.
     */
    public MailServerModel shareNotices(boolean on) {
        shareNotices = on;
        return this;
    }

    public boolean shareNotices() {
        return shareNotices;
    }

    /** The model's lock, for a server that must read several values as one. */
    public Object lock() {
        return lock;
    }
}
