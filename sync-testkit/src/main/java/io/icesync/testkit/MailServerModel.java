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
     *
     * @param email    the account's address, also its login; addresses differing only in case are one account
     * @param password its password for every protocol
     * @return the new account
     * @throws IllegalArgumentException when {@code email} is not an e-mail address
     * @throws IllegalStateException    when the account exists already
     */
    public TestAccount addAccount(String email, String password) {
        TestAccount a = addEmptyAccount(email, password);
        a.create("Drafts").specialUse("\\Drafts");
        a.create("Sent").specialUse("\\Sent");
        a.create("Trash").specialUse("\\Trash");
        a.create("Spam").specialUse("\\Junk");
        return a;
    }

    /**
     * Adds an account with INBOX only.
     *
     * @param email    the account's address, also its login; addresses differing only in case are one account
     * @param password its password for every protocol
     * @return the new account
     * @throws IllegalArgumentException when {@code email} is not an e-mail address
     * @throws IllegalStateException    when the account exists already
     */
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

    /**
     * Finds an account.
     *
     * @param email the account's address, in any case
     * @return the account, or empty when there is none
     */
    public Optional<TestAccount> find(String email) {
        synchronized (lock) {
            return Optional.ofNullable(accounts.get(email.toLowerCase(Locale.ROOT)));
        }
    }

    /**
     * Gets an account that must exist.
     *
     * @param email the account's address, in any case
     * @return the account
     * @throws NoSuchElementException when there is no such account
     */
    public TestAccount account(String email) {
        return find(email).orElseThrow(() -> new NoSuchElementException("no account " + email + " on the test server"));
    }

    /** {@return a copy of the accounts, sorted by lower-case address} */
    public List<TestAccount> accounts() {
        synchronized (lock) {
            return new ArrayList<>(accounts.values());
        }
    }

    /**
     * Issues an access token for the account, good for XOAUTH2 and OAUTHBEARER logins over IMAP and
     * SMTP until {@link #expireToken} (as an OAuth server would issue one); a password keeps working too.
     *
     * @param email the account's address, in any case
     * @return a new token, unique to this call
     * @throws NoSuchElementException when there is no such account
     */
    public String issueToken(String email) {
        TestAccount a = account(email);
        String token = "tk-" + java.util.UUID.randomUUID();
        tokens.put(token, a.email().toLowerCase(Locale.ROOT));
        return token;
    }

    /**
     * Makes a token issued before refused from now on; connections logged in with it stay so, as on a real server.
     *
     * @param token a token from {@link #issueToken}; an unknown one is ignored
     */
    public void expireToken(String token) {
        tokens.remove(token);
    }

    /** {@return how many logins with a token were refused (expired, unknown, or not the account's)} */
    public int refusedTokens() {
        return refusedTokens.get();
    }

    /**
     * The account this access token opens, or empty. {@code user} may be null (OAUTHBEARER without an
     * authorization identity); otherwise it must be the token's account. A refusal is counted in
     * {@link #refusedTokens()}.
     *
     * @param user  the login the client gave, or null
     * @param token the access token, or null (refused)
     * @return the token's account, or empty when the token is refused
     */
    public Optional<TestAccount> authenticateToken(String user, String token) {
        String owner = token == null ? null : tokens.get(token);
        if (owner == null || (user != null && !owner.equalsIgnoreCase(user))) {
            refusedTokens.incrementAndGet();
            return Optional.empty();
        }
        return find(owner);
    }

    /**
     * Checks a login with a password.
     *
     * @param user     the account's address, in any case
     * @param password the password, compared exactly
     * @return the account these credentials open, or empty
     */
    public Optional<TestAccount> authenticate(String user, String password) {
        return find(user).filter(a -> a.password().equals(password));
    }

    /**
     * Calls the watcher after every change of a folder (its messages, flags, name, rights). It runs
     * under the model lock: it must only hand the news on, never block.
     *
     * @param watcher called with the folder that changed
     * @return closing it stops the calls
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
     *
     * @param name    the group's name, without {@code $}, in any case
     * @param members the members' addresses, in any case
     * @return this model
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

    /**
     * The groups an account belongs to.
     *
     * @param email the account's address, in any case
     * @return the groups as access-list identifiers ({@code $name}, lower case), sorted; empty when none
     */
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

    /**
     * The members of a group.
     *
     * @param group the group's identifier ({@code $name}) or name, in any case
     * @return the members' addresses in lower case, sorted; empty for an unknown group
     */
    public List<String> membersOf(String group) {
        synchronized (lock) {
            String g = group.startsWith("$") ? group.substring(1) : group;
            return new ArrayList<>(groups.getOrDefault(g.toLowerCase(Locale.ROOT), java.util.Set.of()));
        }
    }

    /**
     * IceWarp's inheritance: a folder whose access list is empty takes its parent's (the nearest
     * ancestor with one). Off by default: each folder then has only its own list.
     *
     * @param on true to turn inheritance on
     * @return this model
     */
    public MailServerModel aclInheritance(boolean on) {
        aclInheritance = on;
        return this;
    }

    /** {@return whether access lists are inherited: see {@link #aclInheritance(boolean)}} */
    public boolean aclInheritance() {
        return aclInheritance;
    }

    /**
     * IceWarp's "share offered" message: when a user (or a group's members) gets rights on a folder where
     * they had none, a notification message arrives in their INBOX. Off by default.
     *
     * @param on true to send the notices
     * @return this model
     */
    public MailServerModel shareNotices(boolean on) {
        shareNotices = on;
        return this;
    }

    /** {@return whether share notices are sent: see {@link #shareNotices(boolean)}} */
    public boolean shareNotices() {
        return shareNotices;
    }

    /** {@return the model's lock, for a server that must read several values as one} */
    public Object lock() {
        return lock;
    }
}
