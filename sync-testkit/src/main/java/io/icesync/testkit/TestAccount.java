package io.icesync.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

/** One account of the {@link MailServerModel}: its login and its folder tree, {@code /} between levels. */
public final class TestAccount {
    private final MailServerModel model;
    private final String email;
    private volatile String password;
    private final Map<String, TestMailbox> mailboxes = new TreeMap<>();

    TestAccount(MailServerModel model, String email, String password) {
        this.model = model;
        this.email = email.toLowerCase(Locale.ROOT);
        this.password = password;
    }

    public String email() {
        return email;
    }

    public String domain() {
        return email.substring(email.indexOf('@') + 1);
    }

    public String password() {
        return password;
    }

    public void password(String newPassword) {
        this.password = newPassword;
    }

    MailServerModel model() {
        return model;
    }

    /** All folders, by name. */
    public List<TestMailbox> mailboxes() {
        synchronized (model.lock) {
            return new ArrayList<>(mailboxes.values());
        }
    }

    public Optional<TestMailbox> find(String name) {
        synchronized (model.lock) {
            return Optional.ofNullable(mailboxes.get(canonical(name)));
        }
    }

    /** The folder of that name ({@code INBOX} in any case); throws when there is none. */
    public TestMailbox mailbox(String name) {
        return find(name).orElseThrow(() -> new NoSuchElementException(
                "no folder '" + name + "' in " + email + " (there are " + names() + ")"));
    }

    public List<String> names() {
        synchronized (model.lock) {
            return new ArrayList<>(mailboxes.keySet());
        }
    }

    /** Creates a folder and any missing parent; returns the existing one when it is there already. */
    public TestMailbox create(String name) {
        String n = canonical(checkName(name));
        synchronized (model.lock) {
            TestMailbox m = mailboxes.get(n);
            if (m != null) {
                return m;
            }
            int slash = n.lastIndexOf('/');
            if (slash > 0) {
                create(n.substring(0, slash));
            }
            m = new TestMailbox(this, n, model.nextUidValidity());
            mailboxes.put(n, m);
            model.changed(m);
            return m;
        }
    }

    /**
     * Creates a folder under a name {@link #create} refuses (empty, a control character, an empty
     * level) as some servers still hold them, left as it is: to test clients against such names.
     */
    public TestMailbox createUnchecked(String name) {
        synchronized (model.lock) {
            TestMailbox m = mailboxes.get(name);
            if (m == null) {
                m = new TestMailbox(this, name, model.nextUidValidity());
                mailboxes.put(name, m);
                model.changed(m);
            }
            return m;
        }
    }

    /** Deletes a folder that has no sub-folders (as Dovecot and IceWarp refuse otherwise). */
    public void delete(String name) {
        String n = canonical(name);
        synchronized (model.lock) {
            if (n.equals("INBOX")) {
                throw new IllegalStateException("INBOX cannot be deleted");
            }
            TestMailbox m = mailboxes.get(n);
            if (m == null) {
                throw new NoSuchElementException("no folder '" + name + "' in " + email);
            }
            if (hasChildren(n)) {
                throw new IllegalStateException("folder '" + name + "' has sub-folders: delete them first");
            }
            mailboxes.remove(n);
            model.changed(m);
        }
    }

    /** Renames a folder and its sub-folders; renaming INBOX moves its messages into a new folder. */
    public TestMailbox rename(String from, String to) {
        String a = canonical(from);
        String b = canonical(checkName(to));
        synchronized (model.lock) {
            TestMailbox m = mailboxes.get(a);
            if (m == null) {
                throw new NoSuchElementException("no folder '" + from + "' in " + email);
            }
            if (mailboxes.containsKey(b)) {
                throw new IllegalStateException("folder '" + to + "' exists already");
            }
            if (b.startsWith(a + "/")) {
                throw new IllegalStateException("folder '" + from + "' cannot move below itself");
            }
            if (a.equals("INBOX")) {
                TestMailbox target = create(b);
                m.moveTo(m.messages().stream().map(TestMessage::uid).toList(), target);
                return target;
            }
            int slash = b.lastIndexOf('/');
            if (slash > 0) {
                create(b.substring(0, slash));
            }
            List<String> moving = new ArrayList<>();
            for (String n : mailboxes.keySet()) {
                if (n.equals(a) || n.startsWith(a + "/")) {
                    moving.add(n);
                }
            }
            for (String n : moving) {
                TestMailbox x = mailboxes.remove(n);
                String renamed = b + n.substring(a.length());
                x.rename(renamed);
                mailboxes.put(renamed, x);
                model.changed(x);
            }
            return m;
        }
    }

    boolean hasChildren(String name) {
        String prefix = canonical(name) + "/";
        return mailboxes.keySet().stream().anyMatch(n -> n.startsWith(prefix));
    }

    static String canonical(String name) {
        if (name.equalsIgnoreCase("INBOX")) {
            return "INBOX";
        }
        if (name.regionMatches(true, 0, "INBOX/", 0, 6)) {
            return "INBOX" + name.substring(5);
        }
        return name;
    }

    private static String checkName(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.endsWith("/") || name.contains("//")) {
            throw new IllegalArgumentException("'" + name + "' is not a folder name: empty level");
        }
        if (name.startsWith("~")) {
            throw new IllegalArgumentException("'" + name + "' starts with ~, the shared-folders prefix");
        }
        for (char c : name.toCharArray()) {
            if (c < ' ' || c == 0x7f || c == '*' || c == '%') {
                throw new IllegalArgumentException("'" + name + "' has a character not allowed in folder names");
            }
        }
        return name;
    }

    @Override
    public String toString() {
        return email;
    }
}
