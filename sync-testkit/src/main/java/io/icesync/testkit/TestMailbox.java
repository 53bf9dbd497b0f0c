package io.icesync.testkit;

import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One folder of a {@link TestAccount}: messages with UIDs and MODSEQs, METADATA entries and ACL. Every
 * method is safe to call while clients are connected: connected sessions see the change as a server
 * would report it (EXISTS, EXPUNGE or VANISHED, FETCH FLAGS).
 */
public final class TestMailbox {
    /** The Kolab folder-type entry IceWarp reads and writes. */
    public static final String KOLAB_TYPE = "/shared/vendor/kolab/folder-type";

    private final TestAccount owner;
    private final MailServerModel model;
    private String name;
    private long uidValidity;
    private long uidNext = 1;
    private long highestModSeq = 1;
    private final TreeMap<Long, TestMessage> messages = new TreeMap<>();
    private final TreeMap<Long, Long> vanished = new TreeMap<>();
    private final Map<String, String> metadata = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String> acl = new LinkedHashMap<>();
    private String specialUse;
    private boolean subscribed = true;

    TestMailbox(TestAccount owner, String name, long uidValidity) {
        this.owner = owner;
        this.model = owner.model();
        this.name = name;
        this.uidValidity = uidValidity;
    }

    /**
     * {@return the full name with {@code /} between levels, as the owner sees it ({@code INBOX},
     * {@code Projets/Été})}
     */
    public String name() {
        synchronized (model.lock) {
            return name;
        }
    }

    /** {@return the full name as a path of levels, split at {@code /}} */
    public FolderPath path() {
        return FolderPath.parse(name(), '/');
    }

    /** {@return the account the folder belongs to} */
    public TestAccount owner() {
        return owner;
    }

    /** {@return the UIDVALIDITY: it changes only with {@link #resetUidValidity()}} */
    public long uidValidity() {
        synchronized (model.lock) {
            return uidValidity;
        }
    }

    /** {@return the UID the next appended or copied message gets (UIDNEXT)} */
    public long uidNext() {
        synchronized (model.lock) {
            return uidNext;
        }
    }

    /** {@return the HIGHESTMODSEQ: it grows with every append, flag change and expunge} */
    public long highestModSeq() {
        synchronized (model.lock) {
            return highestModSeq;
        }
    }

    /** {@return a copy of the messages, by ascending UID} */
    public List<TestMessage> messages() {
        synchronized (model.lock) {
            return new ArrayList<>(messages.values());
        }
    }

    /** {@return how many messages the folder holds (EXISTS)} */
    public int size() {
        synchronized (model.lock) {
            return messages.size();
        }
    }

    /**
     * Finds a message by UID.
     *
     * @param uid the message's UID in this folder
     * @return the message, or empty when there is no such UID (any more)
     */
    public Optional<TestMessage> message(long uid) {
        synchronized (model.lock) {
            return Optional.ofNullable(messages.get(uid));
        }
    }

    /**
     * Finds messages by their Message-ID header.
     *
     * @param messageId the header's value, with or without angle brackets
     * @return the matching messages by ascending UID; empty when none
     */
    public List<TestMessage> byMessageId(String messageId) {
        String want = messageId.startsWith("<") ? messageId : "<" + messageId + ">";
        return messages().stream().filter(m -> want.equals(m.messageId())).toList();
    }

    /**
     * Appends a groupware object (iCalendar or vCard text) the way clients store one: see {@link Messages#groupware}.
     *
     * @param objectText the iCalendar or vCard text, with its BEGIN line
     * @return the new message's UID
     */
    public long appendObject(String objectText) {
        return append(Messages.groupware(objectText));
    }

    /**
     * Adds a message as another client would (APPEND), dated now; connected clients see it arrive.
     *
     * @param content the raw RFC 5322 message; copied
     * @param flags   system flags such as {@code \Seen} and keywords
     * @return the new message's UID
     * @throws IllegalArgumentException when a flag is not an IMAP system flag or a valid keyword
     */
    public long append(byte[] content, String... flags) {
        return append(content, Arrays.asList(flags), Instant.now());
    }

    /**
     * Adds a message as another client would (APPEND); connected clients see it arrive.
     *
     * @param content      the raw RFC 5322 message; copied
     * @param flags        system flags such as {@code \Seen} and keywords
     * @param internalDate the INTERNALDATE the server reports
     * @return the new message's UID
     * @throws IllegalArgumentException when a flag is not an IMAP system flag or a valid keyword
     */
    public long append(byte[] content, Collection<String> flags, Instant internalDate) {
        flags.forEach(f -> ImapFlags.check(f, true)); // what an IceWarp server may hold
        synchronized (model.lock) {
            long uid = uidNext++;
            messages.put(uid, new TestMessage(uid, content.clone(), ImapFlags.copy(flags), internalDate, ++highestModSeq));
            changed();
            return uid;
        }
    }

    /**
     * Replaces the flags of a message, as another client's STORE would; a real change gives the message
     * a new MODSEQ and connected clients are told.
     *
     * @param uid   the message's UID
     * @param flags the new flags, all of them
     * @return false when there is no such UID
     * @throws IllegalArgumentException when a flag is not an IMAP system flag or a valid keyword
     */
    public boolean setFlags(long uid, Collection<String> flags) {
        flags.forEach(f -> ImapFlags.check(f, true)); // what an IceWarp server may hold
        synchronized (model.lock) {
            TestMessage m = messages.get(uid);
            if (m == null) {
                return false;
            }
            Set<String> now = ImapFlags.copy(flags);
            if (!now.equals(m.flags())) {
                messages.put(uid, m.with(now, ++highestModSeq));
                changed();
            }
            return true;
        }
    }

    /**
     * As {@link #setFlags(long, Collection)}.
     *
     * @param uid   the message's UID
     * @param flags the new flags, all of them
     * @return false when there is no such UID
     * @throws IllegalArgumentException when a flag is not an IMAP system flag or a valid keyword
     */
    public boolean setFlags(long uid, String... flags) {
        return setFlags(uid, Arrays.asList(flags));
    }

    /**
     * Removes messages at once, as another client's EXPUNGE would: connected clients are told.
     *
     * @param uids the messages' UIDs; missing ones are ignored
     * @return the UIDs actually removed
     */
    public List<Long> expunge(Collection<Long> uids) {
        return remove(uids, true);
    }

    /**
     * As {@link #expunge(Collection)}.
     *
     * @param uids the messages' UIDs; missing ones are ignored
     * @return the UIDs actually removed
     */
    public List<Long> expunge(long... uids) {
        return expunge(Arrays.stream(uids).boxed().toList());
    }

    /**
     * Removes messages as a server with CONDSTORE but without QRESYNC may: HIGHESTMODSEQ stays where it
     * was and no VANISHED is kept (RFC 7162 asks an expunge to move it only of servers with QRESYNC).
     * Only the message count and a full UID listing tell a client. Connected clients are told.
     *
     * @param uids the messages' UIDs; missing ones are ignored
     * @return the UIDs actually removed
     */
    public List<Long> expungeKeepingModSeq(long... uids) {
        return remove(Arrays.stream(uids).boxed().toList(), false);
    }

    /** Removes messages, telling connected clients; with {@code moveModSeq} as a QRESYNC server does. */
    private List<Long> remove(Collection<Long> uids, boolean moveModSeq) {
        synchronized (model.lock) {
            List<Long> gone = new ArrayList<>();
            for (long uid : uids) {
                if (messages.remove(uid) != null) {
                    gone.add(uid);
                }
            }
            if (!gone.isEmpty()) {
                if (moveModSeq) {
                    long modSeq = ++highestModSeq;
                    gone.forEach(u -> vanished.put(u, modSeq));
                }
                changed();
            }
            return gone;
        }
    }

    /**
     * Removes the messages flagged {@code \Deleted}, as EXPUNGE does: connected clients are told.
     *
     * @return the UIDs removed
     */
    public List<Long> expungeDeleted() {
        synchronized (model.lock) {
            return expunge(messages.values().stream().filter(m -> m.hasFlag("\\Deleted")).map(TestMessage::uid).toList());
        }
    }

    /**
     * Gives the folder a new UIDVALIDITY and new UIDs for every message, as a server does after
     * rebuilding its index. Clients must re-match what they have: nothing is lost on the server.
     */
    public void resetUidValidity() {
        synchronized (model.lock) {
            uidValidity = model.nextUidValidity();
            List<TestMessage> all = new ArrayList<>(messages.values());
            messages.clear();
            vanished.clear();
            uidNext = 1;
            for (TestMessage m : all) {
                long uid = uidNext++;
                messages.put(uid, m.renumbered(uid, ++highestModSeq));
            }
            changed();
        }
    }

    /**
     * The UIDs expunged after the given MODSEQ (QRESYNC's VANISHED (EARLIER)); a UIDVALIDITY reset forgets them.
     *
     * @param modSeq a MODSEQ the client knew, such as its last HIGHESTMODSEQ
     * @return the UIDs, ascending
     */
    public List<Long> vanishedSince(long modSeq) {
        synchronized (model.lock) {
            List<Long> out = new ArrayList<>();
            vanished.forEach((uid, m) -> {
                if (m > modSeq) {
                    out.add(uid);
                }
            });
            return out;
        }
    }

    /**
     * The messages added or whose flags changed after the given MODSEQ (CONDSTORE's CHANGEDSINCE).
     *
     * @param modSeq a MODSEQ the client knew, such as its last HIGHESTMODSEQ
     * @return the messages by ascending UID
     */
    public List<TestMessage> changedSince(long modSeq) {
        synchronized (model.lock) {
            return messages.values().stream().filter(m -> m.modSeq() > modSeq).toList();
        }
    }

    /**
     * {@return what the folder holds, from its Kolab folder-type entry; {@code MAIL} without one or for an
     * unknown type}
     */
    public FolderKind kind() {
        String type = metadata(KOLAB_TYPE);
        return type == null ? FolderKind.MAIL : orMail(FolderKind.ofKolabType(type));
    }

    /**
     * Sets the Kolab folder type IceWarp uses for groupware folders (event, contact, task, note, journal, file).
     *
     * @param kind the kind; {@code MAIL} removes the entry
     * @return this folder
     */
    public TestMailbox kind(FolderKind kind) {
        setMetadata(KOLAB_TYPE, kind == FolderKind.MAIL ? null : kind.kolabType());
        return this;
    }

    private static FolderKind orMail(FolderKind k) {
        return k == null ? FolderKind.MAIL : k;
    }

    /** {@return the SPECIAL-USE attribute, for example {@code \Sent}, or null} */
    public String specialUse() {
        synchronized (model.lock) {
            return specialUse;
        }
    }

    /**
     * Sets the SPECIAL-USE attribute LIST reports.
     *
     * @param attribute for example {@code \Sent}, or null for none
     * @return this folder
     */
    public TestMailbox specialUse(String attribute) {
        synchronized (model.lock) {
            specialUse = attribute;
            return this;
        }
    }

    /**
     * Reads one METADATA entry.
     *
     * @param entry the entry's name, such as {@code /shared/comment}, in any case
     * @return its value, or null when it is not set
     */
    public String metadata(String entry) {
        synchronized (model.lock) {
            return metadata.get(entry);
        }
    }

    /** {@return a copy of every METADATA entry, entry name to value, sorted by name} */
    public Map<String, String> metadata() {
        synchronized (model.lock) {
            return new TreeMap<>(metadata);
        }
    }

    /**
     * Sets (or with null, removes) a METADATA entry such as {@code /shared/comment}.
     *
     * @param entry the entry's name, in any case
     * @param value the new value, or null to remove the entry
     * @return this folder
     */
    public TestMailbox setMetadata(String entry, String value) {
        synchronized (model.lock) {
            if (value == null) {
                metadata.remove(entry);
            } else {
                metadata.put(entry, value);
            }
            return this;
        }
    }

    /**
     * {@return a copy of the folder's own ACL: identifier (an e-mail address, or {@code anyone}) to RFC 4314
     * rights letters}
     */
    public Map<String, String> acl() {
        synchronized (model.lock) {
            return new LinkedHashMap<>(acl);
        }
    }

    /**
     * Gives rights to another user, a group ({@code $name}) or {@code anyone} ({@code lrswipkxtea}
     * letters; {@code c} and {@code d} as RFC 4314 maps them); empty rights remove the entry.
     * With share notices on, an account that can newly list the folder gets a notice in its INBOX.
     *
     * @param identifier an e-mail address, {@code $group} or {@code anyone}, in any case
     * @param rights     the rights letters, replacing the identifier's entry
     * @return this folder
     */
    public TestMailbox grant(String identifier, String rights) {
        synchronized (model.lock) {
            String r = AclRights.normalize(rights);
            String id = ImapFlags.lower(identifier);
            List<String> told = noticeTargets(id);
            java.util.Map<String, String> before = new java.util.HashMap<>();
            told.forEach(u -> before.put(u, rightsOf(u)));
            if (r.isEmpty()) {
                acl.remove(id);
            } else {
                acl.put(id, r);
            }
            changed();
            for (String u : told) {
                String now = rightsOf(u);
                if (before.get(u).indexOf('l') < 0 && now.indexOf('l') >= 0) {
                    ShareNotice.deliver(owner, this, u, now);
                }
            }
            return this;
        }
    }

    /** The accounts a change of this identifier's entry may newly open the folder to, when notices are on. */
    private List<String> noticeTargets(String id) {
        if (!model.shareNotices()) {
            return List.of();
        }
        if (id.startsWith("$")) {
            return model.membersOf(id);
        }
        return model.find(id).isPresent() ? List.of(id) : List.of();
    }

    /**
     * The access list in effect: this folder's own, or with inheritance on and an empty list, the
     * nearest ancestor's.
     *
     * @return a copy of the list in effect, identifier to rights letters
     */
    public Map<String, String> effectiveAcl() {
        synchronized (model.lock) {
            if (acl.isEmpty() && model.aclInheritance()) {
                TestMailbox p = parentMailbox();
                if (p != null) {
                    return p.effectiveAcl();
                }
            }
            return new LinkedHashMap<>(acl);
        }
    }

    private TestMailbox parentMailbox() {
        String n = name();
        int slash = n.lastIndexOf('/');
        return slash <= 0 ? null : owner.find(n.substring(0, slash)).orElse(null);
    }

    /**
     * The rights a user has here: all for the owner; else, from the list in effect, the user's own
     * entry, or the union of their groups' entries, or {@code anyone}'s.
     *
     * @param user the user's e-mail address, in any case
     * @return the rights letters; empty when the user has none
     */
    public String rightsOf(String user) {
        synchronized (model.lock) {
            if (owner.email().equalsIgnoreCase(user)) {
                return AclRights.ALL;
            }
            Map<String, String> list = effectiveAcl();
            String r = list.get(ImapFlags.lower(user));
            if (r != null) {
                return r;
            }
            StringBuilder groups = new StringBuilder();
            for (String g : model.groupsOf(user)) {
                // stored lists carry c and d as summaries (RFC 4314 2.1.1): not rights to expand again
                groups.append(list.getOrDefault(g, "").replace("c", "").replace("d", ""));
            }
            if (groups.length() > 0) {
                return AclRights.normalize(groups.toString());
            }
            return list.getOrDefault("anyone", "");
        }
    }

    /** {@return whether the owner is subscribed to the folder (LSUB); true for a new folder} */
    public boolean subscribed() {
        synchronized (model.lock) {
            return subscribed;
        }
    }

    /**
     * Subscribes or unsubscribes the owner, as SUBSCRIBE and UNSUBSCRIBE do.
     *
     * @param value true to subscribe
     */
    public void subscribed(boolean value) {
        synchronized (model.lock) {
            subscribed = value;
        }
    }

    /**
     * Copies messages to another folder (of this account or another) as IMAP COPY does; returns old
     * UID to new UID. Missing UIDs are left out.
     *
     * @param uids   the UIDs to copy
     * @param target the folder to copy to
     * @return old UID to new UID, by ascending old UID
     */
    public Map<Long, Long> copyTo(Collection<Long> uids, TestMailbox target) {
        synchronized (model.lock) {
            Map<Long, Long> map = new LinkedHashMap<>();
            for (long uid : new java.util.TreeSet<>(uids)) {
                TestMessage m = messages.get(uid);
                if (m != null) {
                    long copy = target.uidNext++;
                    target.messages.put(copy, new TestMessage(copy, m.raw(), m.flags(), m.internalDate(),
                            ++target.highestModSeq));
                    map.put(uid, copy);
                }
            }
            if (!map.isEmpty()) {
                target.changed();
            }
            return map;
        }
    }

    /**
     * Moves messages to another folder as IMAP MOVE does: copied there, then expunged here.
     *
     * @param uids   the UIDs to move; missing ones are left out
     * @param target the folder to move to
     * @return old UID to new UID, by ascending old UID
     */
    public Map<Long, Long> moveTo(Collection<Long> uids, TestMailbox target) {
        synchronized (model.lock) {
            Map<Long, Long> map = copyTo(uids, target);
            expunge(map.keySet());
            return map;
        }
    }

    // ---- for the model, under its lock

    void rename(String newName) {
        name = newName;
    }

    void changed() {
        model.changed(this);
    }

    @Override
    public String toString() {
        return owner.email() + ":" + name();
    }
}
