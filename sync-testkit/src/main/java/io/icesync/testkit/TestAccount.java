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

    /** {@return the address, in lower case: the login of every protocol} */
    public String email() {
        return email;
    }

    /** {@return the part of the address after {@code @}} */
    public String domain() {
        return email.substring(email.indexOf('@') + 1);
    }

    /** {@return the current password} */
    public String password() {
        return password;
    }

    /**
     * Changes the password, as an administrator would; sessions already logged in stay so.
     *
     * @param newPassword the password later logins must give
     */
    public void password(String newPassword) {
        this.password = newPassword;
    }

    MailServerModel model() {
        return model;
    }

    /** {@return a copy of all folders, sorted by name} */
    public List<TestMailbox> mailboxes() {
        synchronized (model.lock) {
            return new ArrayList<>(mailboxes.values());
        }
    }

    /**
     * Finds a folder.
     *
     * @param name the full name with {@code /} between levels ({@code INBOX} in any case)
     * @return the folder, or empty when there is none
     */
    public Optional<TestMailbox> find(String name) {
        synchronized (model.lock) {
            return Optional.ofNullable(mailboxes.get(canonical(name)));
        }
    }

    /**
     * Gets a folder that must exist.
     *
     * @param name the full name with {@code /} between levels ({@code INBOX} in any case)
     * @return the folder
     * @throws NoSuchElementException when there is none; the message lists the folders there are
     */
    public TestMailbox mailbox(String name) {
        return find(name).orElseThrow(() -> new NoSuchElementException(
                "no folder '" + name + "' in " + email + " (there are " + names() + ")"));
    }

    /** {@return the full names of all folders, sorted} */
    public List<String> names() {
        synchronized (model.lock) {
            return new ArrayList<>(mailboxes.keySet());
        }
    }

    /**
     * Creates a folder and any missing parent, each with a new UIDVALIDITY; connected clients are told.
     *
     * @param name the full name with {@code /} between levels
     * @return the new folder, or the existing one when it is there already
     * @throws IllegalArgumentException when the name has an empty level, starts with {@code ~} or holds a
     *                                  control character, {@code *} or {@code %}
     */
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
     * No parent is created.
     *
     * @param name the name, used exactly as given
     * @return the new folder, or the existing one when it is there already
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

    /**
     * Deletes a folder that has no sub-folders (as Dovecot and IceWarp refuse otherwise), messages included.
     *
     * @param name the folder's full name
     * @throws NoSuchElementException when there is no such folder
     * @throws IllegalStateException  when it is INBOX or has sub-folders
     */
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

    /**
     * Renames a folder and its sub-folders, creating missing parents of the new name; renaming INBOX
     * moves its messages into a new folder and leaves INBOX empty.
     *
     * @param from the folder's full name
     * @param to   its new full name
     * @return the renamed folder (for INBOX, the new one)
     * @throws NoSuchElementException   when there is no folder {@code from}
     * @throws IllegalStateException    when {@code to} exists or lies below {@code from}
     * @throws IllegalArgumentException when {@code to} is not a valid name (see {@link #create})
     */
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
