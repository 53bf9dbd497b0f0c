package io.icesync.imap.internal;

import io.icesync.core.Folder;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderNotFoundException;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.ProtocolException;
import io.icesync.core.Rights;
import io.icesync.core.SpecialUse;
import io.icesync.core.spi.RemoteCursor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.iap.ParsingException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.ListInfo;
import org.eclipse.angus.mail.imap.protocol.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The folder tree of an {@link AngusImapStore}: the listing with kinds, special uses and rights, status, create, rename, delete. */
final class FolderTree {
    private static final Logger LOG = LoggerFactory.getLogger(AngusImapStore.class);
    /** Longer (encoded) mailbox names would be sent as literals, which cannot be pipelined. */
    static final int MAX_PIPELINED_NAME = 1000;
    /** What a folder whose MYRIGHTS went unanswered is taken to allow: reading, so that nothing is written blindly. */
    private static final Rights UNANSWERED_RIGHTS = Rights.parse("lr");
    static final String SHARED_TYPE = "/shared/vendor/kolab/folder-type";
    static final String PRIVATE_TYPE = "/private/vendor/kolab/folder-type";
    /** The spelling IceWarp's own WebClient reads and writes; asked for only when the server says X-ICEWARP-SERVER. */
    static final String ICEWARP_TYPE = "/public/vendor/kolab/folder-type/value.shared";

    private final ImapConnection conn;

    FolderTree(ImapConnection conn) {
        this.conn = conn;
    }

    List<Folder> folders() {
        conn.begin();
        try {
            List<ListInfo> infos = new ArrayList<>();
            Map<String, Status> statuses = new HashMap<>();
            boolean modseq = conn.info.has("CONDSTORE") || conn.info.has("QRESYNC");
            conn.onStore("list folders", p -> {
                Argument a = new Argument();
                a.writeString("");
                a.writeString("*");
                List<String> ret = new ArrayList<>();
                if (p.hasCapability("LIST-EXTENDED")) {
                    if (p.hasCapability("SPECIAL-USE")) {
                        ret.add("SPECIAL-USE");
                    }
                    if (p.hasCapability("LIST-STATUS")) {
                        ret.add("STATUS (MESSAGES UIDVALIDITY UIDNEXT" + (modseq ? " HIGHESTMODSEQ)" : ")"));
                    }
                }
                if (!ret.isEmpty()) {
                    a.writeAtom("RETURN (" + String.join(" ", ret) + ")");
                }
                Wire.run(p, "LIST", a, r -> {
                    if (!(r instanceof IMAPResponse ir)) {
                        return false;
                    }
                    try {
                        if (ir.keyEquals("LIST")) {
                            infos.add(new ListInfo(ir));
                            return true;
                        }
                        if (ir.keyEquals("STATUS")) {
                            Status s = new Status(ir);
                            statuses.put(s.mbox, s);
                            return true;
                        }
                    } catch (ParsingException e) {
                        LOG.warn("{} sent a LIST answer IceSync cannot read: {}", conn.server(), r);
                        return true;
                    }
                    return false;
                });
                return null;
            });
            Map<String, Set<String>> attrsByName = new HashMap<>();
            Map<String, FolderPath> names = selectable(infos, attrsByName);
            boolean metadata = conn.opt.folderKinds() && conn.info.has("METADATA");
            boolean acl = conn.info.has("ACL");
            Map<String, FolderKind> kinds = new HashMap<>();
            Map<String, Rights> rights = new HashMap<>();
            if ((metadata || acl) && !names.isEmpty()) {
                conn.onStore("read folder types and rights", p -> {
                    perFolder(p, names.keySet(), metadata, acl, kinds, rights);
                    return null;
                });
            }
            List<Folder> out = new ArrayList<>();
            conn.forgetListing();
            for (Map.Entry<String, FolderPath> e : names.entrySet()) {
                String name = e.getKey();
                SpecialUse use = name.equalsIgnoreCase("INBOX") ? SpecialUse.INBOX : specialUse(attrsByName.get(name));
                FolderKind kind = conn.opt.kindOverrides().get(e.getValue());
                if (kind == null) {
                    kind = kinds.get(name);
                }
                if (kind == null) {
                    // A server that cannot type folders (no METADATA): the folder's name may say it.
                    FolderKind guessed = metadata || !conn.opt.folderKinds() ? null : byName(e.getValue());
                    kind = guessed != null ? guessed : FolderKind.MAIL;
                }
                Rights r = acl ? rights.getOrDefault(name, UNANSWERED_RIGHTS) : Rights.ALL;
                out.add(new Folder(e.getValue(), kind, use, r));
                Status st = statuses.get(name);
                if (st != null && st.uidvalidity > 0 && st.uidnext > 0 && st.total >= 0) {
                    conn.listed.put(e.getValue(), new ImapConnection.Counters(new RemoteCursor(st.uidvalidity,
                            modseq ? Math.max(0, st.highestmodseq) : 0, st.uidnext), st.total));
                }
            }
            conn.listedAt = System.currentTimeMillis();
            out.sort(Comparator.comparing(Folder::path));
            return out;
        } catch (IceSyncException e) {
            throw e;
        } catch (Exception e) {
            throw conn.fail("list folders", e);
        } finally {
            conn.used();
        }
    }

    /** The folders of a LIST answer that can be selected, by wire name; their attributes go to {@code attrsByName}. */
    private Map<String, FolderPath> selectable(List<ListInfo> infos, Map<String, Set<String>> attrsByName) {
        Map<String, FolderPath> names = new LinkedHashMap<>();
        for (ListInfo li : infos) {
            Set<String> attrs = new HashSet<>();
            for (String x : li.attrs) {
                attrs.add(x.toLowerCase(Locale.ROOT));
            }
            if (attrs.contains("\\noselect") || attrs.contains("\\nonexistent")) {
                continue;
            }
            String name = li.name;
            char s = li.separator == '\0' ? conn.sep : li.separator;
            while (name.length() > 1 && name.charAt(name.length() - 1) == s) {
                name = name.substring(0, name.length() - 1);
            }
            if (name.isEmpty()) {
                LOG.warn("left out a folder of {} with an empty name", conn.server());
                continue;
            }
            try {
                names.putIfAbsent(name, FolderPath.parse(name, s));
                attrsByName.put(name, attrs);
            } catch (IllegalArgumentException e) {
                LOG.warn("left out the folder '{}' of {}: its name has an empty level", FolderPath.printable(name), conn.server());
            }
        }
        return names;
    }

    /**
     * GETMETADATA (Kolab folder type) and MYRIGHTS for every folder, pipelined: RFC 5464 and 4314
     * take one mailbox per command, and one round trip each would make a 500-folder listing slow.
     */
    private void perFolder(IMAPProtocol p, Collection<String> names, boolean metadata, boolean acl,
                           Map<String, FolderKind> kinds, Map<String, Rights> rights)
            throws org.eclipse.angus.mail.iap.ProtocolException {
        IceImapStore.Protocol ip = ImapConnection.ice(p);
        List<Wire.Cmd<String>> pipelined = new ArrayList<>();
        List<Wire.Cmd<String>> alone = new ArrayList<>();
        for (String name : names) {
            List<Wire.Cmd<String>> to = ip.encodedLength(name) > MAX_PIPELINED_NAME ? alone : pipelined;
            if (metadata) {
                Argument a = ImapConnection.mailboxArg(p, name);
                a.writeAtom("(" + SHARED_TYPE + " " + PRIVATE_TYPE + (conn.iceWarp() ? " " + ICEWARP_TYPE : "") + ")");
                to.add(new Wire.Cmd<>(name, "GETMETADATA", a));
            }
            if (acl) {
                to.add(new Wire.Cmd<>(name, "MYRIGHTS", ImapConnection.mailboxArg(p, name)));
            }
        }
        Map<String, String[]> types = new HashMap<>();
        Predicate<Response> mine = r -> {
            if (!(r instanceof IMAPResponse ir)) {
                return false;
            }
            try {
                if (ir.keyEquals("METADATA")) {
                    readMetadata(ip, ir, types);
                    return true;
                }
                if (ir.keyEquals("MYRIGHTS")) {
                    String mbox = ir.readAtomString();
                    String letters = ir.readAtomString();
                    if (mbox != null && letters != null) {
                        rights.put(ip.decodeMailbox(mbox), Rights.parse(letters));
                    }
                    return true;
                }
            } catch (RuntimeException e) {
                LOG.debug("{} sent an answer IceSync cannot read: {}", conn.server(), r);
                return true;
            }
            return false;
        };
        Wire.pipeline(p, pipelined, mine, (name, done) -> {
            if (!done.isOK()) {
                LOG.debug("{} answered {} for folder '{}'", conn.server(), done, name);
            }
        });
        for (Wire.Cmd<String> c : alone) {
            try {
                Wire.run(p, c.command(), c.args(), mine);
            } catch (CommandFailedException | org.eclipse.angus.mail.iap.BadCommandException e) {
                LOG.debug("{} refused {} for folder '{}': {}", conn.server(), c.command(), c.key(), e.getMessage());
            }
        }
        types.forEach((name, v) -> {
            FolderKind k = FolderTypes.ofValue(v[0]);
            if (k == null) {
                k = FolderTypes.ofValue(v[1]);
            }
            if (k == null) {
                k = FolderTypes.ofValue(v[2]);
            }
            kinds.put(name, k == null ? FolderKind.MAIL : k);
        });
    }

    /** "* METADATA mbox (entry value entry value ...)": the shared and private folder types. */
    private static void readMetadata(IceImapStore.Protocol ip, IMAPResponse ir, Map<String, String[]> types) {
        String wire = ir.readAtomString();
        if (wire == null) {
            return;
        }
        String mbox = ip.decodeMailbox(wire);
        ir.skipSpaces();
        if (ir.readByte() != '(') {
            return; // an unsolicited "entries changed" notice: no values
        }
        String[] v = types.computeIfAbsent(mbox, k -> new String[3]);
        for (int guard = 0; guard < 64; guard++) {
            ir.skipSpaces();
            byte b = ir.peekByte();
            if (b == ')' || b == 0) {
                return;
            }
            String entry = ir.readAtomString();
            String value = ir.readString();
            if (entry == null) {
                return;
            }
            if (entry.equalsIgnoreCase(SHARED_TYPE)) {
                v[0] = value;
            } else if (entry.equalsIgnoreCase(PRIVATE_TYPE)) {
                v[1] = value;
            } else if (entry.equalsIgnoreCase(ICEWARP_TYPE)) {
                v[2] = value;
            }
        }
    }

    private static SpecialUse specialUse(Set<String> attrs) {
        if (attrs == null) {
            return SpecialUse.NONE;
        }
        if (attrs.contains("\\drafts")) {
            return SpecialUse.DRAFTS;
        }
        if (attrs.contains("\\sent")) {
            return SpecialUse.SENT;
        }
        if (attrs.contains("\\trash")) {
            return SpecialUse.TRASH;
        }
        if (attrs.contains("\\junk")) {
            return SpecialUse.JUNK;
        }
        if (attrs.contains("\\archive")) {
            return SpecialUse.ARCHIVE;
        }
        if (attrs.contains("\\all")) {
            return SpecialUse.ALL;
        }
        if (attrs.contains("\\flagged")) {
            return SpecialUse.FLAGGED;
        }
        return SpecialUse.NONE;
    }

    /** The LIST attributes of exactly this folder, or null when the server does not know it. */
    private Set<String> listOne(FolderPath path) {
        String name = conn.mailbox(path);
        Set<String> found = new HashSet<>();
        boolean[] seen = {false};
        conn.onStore("look up folder '" + path + "'", p -> {
            Argument a = new Argument();
            a.writeString("");
            ImapConnection.ice(p).writeMailbox(a, name);
            Wire.run(p, "LIST", a, r -> {
                if (r instanceof IMAPResponse ir && ir.keyEquals("LIST")) {
                    try {
                        ListInfo li = new ListInfo(ir);
                        if (li.name.equals(name) || (name.equalsIgnoreCase("INBOX") && li.name.equalsIgnoreCase(name))) {
                            seen[0] = true;
                            for (String x : li.attrs) {
                                found.add(x.toLowerCase(Locale.ROOT));
                            }
                        }
                    } catch (ParsingException e) {
                        // not ours to read
                    }
                    return true;
                }
                return false;
            });
            return null;
        });
        return seen[0] && !found.contains("\\nonexistent") ? found : null;
    }

    private static boolean placeholder(Set<String> attrs) {
        return attrs.contains("\\noselect");
    }

    void createFolder(FolderPath path, FolderKind kind) {
        conn.begin();
        try {
            ensureFolder(path);
            if (kind != FolderKind.MAIL && conn.info.has("METADATA")) {
                String name = conn.mailbox(path);
                conn.onStore("set the type of folder '" + path + "'", p -> {
                    Argument a = ImapConnection.mailboxArg(p, name);
                    String value = "\"" + FolderTypes.name(kind) + "\"";
                    // IceWarp's WebClient reads its own spelling; other servers get the Kolab entry alone.
                    a.writeAtom("(" + SHARED_TYPE + " " + value + (conn.iceWarp() ? " " + ICEWARP_TYPE + " " + value : "") + ")");
                    return Wire.run(p, "SETMETADATA", a, null);
                });
            }
        } finally {
            conn.forgetListing();
            conn.used();
        }
    }

    /**
     * The kind a top-level folder's name stands for: the user's names anywhere, IceWarp's default names
     * only on IceWarp. Elsewhere a folder called Documents or Notes is as likely to hold mail, and
     * typing it by its name would leave that mail unsynced.
     */
    private FolderKind byName(FolderPath path) {
        if (conn.opt.defaultNames() == null) {
            return conn.iceWarp() ? FolderKind.ofDefaultName(path) : null;
        }
        return path.names().size() == 1 ? conn.opt.defaultNames().get(path.names().get(0).toLowerCase(java.util.Locale.ROOT)) : null;
    }

    /** Creates the folder, and its parents when the server does not know them; a \Noselect placeholder becomes a folder. */
    private void ensureFolder(FolderPath path) {
        Set<String> attrs = listOne(path);
        if (attrs != null && !placeholder(attrs)) {
            return;
        }
        if (attrs == null && path.depth() > 1 && listOne(path.parent()) == null) {
            ensureFolder(path.parent());
        }
        String name = conn.mailbox(path);
        try {
            conn.onStore("create folder '" + path + "'", p -> Wire.run(p, "CREATE", ImapConnection.mailboxArg(p, name), null));
        } catch (ProtocolException e) {
            if (e.serverLine() != null && e.serverLine().toUpperCase(Locale.ROOT).contains("ALREADYEXISTS")) {
                return; // another client was faster
            }
            throw e;
        }
    }

    void renameFolder(FolderPath from, FolderPath to) {
        conn.begin();
        try {
            if (conn.selectedPath != null && conn.selectedPath.startsWith(from)) {
                conn.closeSelected();
            }
            if (to.depth() > 1 && listOne(to.parent()) == null) {
                ensureFolder(to.parent());
            }
            String a = conn.mailbox(from);
            String b = conn.mailbox(to);
            try {
                conn.onStore("rename folder '" + from + "' to '" + to + "'", p -> {
                    Argument args = ImapConnection.mailboxArg(p, a);
                    ImapConnection.ice(p).writeMailbox(args, b);
                    return Wire.run(p, "RENAME", args, null);
                });
            } catch (ProtocolException e) {
                if (listOne(from) == null) {
                    throw new FolderNotFoundException(from, "server " + conn.server());
                }
                throw e;
            }
        } finally {
            conn.forgetListing();
            conn.used();
        }
    }

    void deleteFolder(FolderPath path) {
        conn.begin();
        try {
            if (conn.selectedPath != null && conn.selectedPath.startsWith(path)) {
                conn.closeSelected();
            }
            String name = conn.mailbox(path);
            try {
                conn.onStore("delete folder '" + path + "'", p -> Wire.run(p, "DELETE", ImapConnection.mailboxArg(p, name), null));
            } catch (ProtocolException e) {
                Set<String> attrs = listOne(path);
                if (attrs == null || placeholder(attrs)) {
                    return; // gone already: deleting is done
                }
                throw e;
            }
        } finally {
            conn.forgetListing();
            conn.used();
        }
    }

    /**
     * The folder's counters by one STATUS on the store's connection (no SELECT), for a server that
     * cannot return them with the folder listing; null when the server refuses it.
     */
    ImapConnection.Counters counters(FolderPath folder) {
        String name = conn.mailbox(folder);
        try {
            return (ImapConnection.Counters) conn.onStore("read the status of '" + folder + "'", p -> {
                boolean modseq = p.hasCapability("CONDSTORE") || p.hasCapability("QRESYNC");
                String[] items = modseq ? new String[] {"MESSAGES", "UIDVALIDITY", "UIDNEXT", "HIGHESTMODSEQ"}
                        : new String[] {"MESSAGES", "UIDVALIDITY", "UIDNEXT"};
                Status s = p.status(name, items);
                return s.uidvalidity <= 0 || s.uidnext <= 0 || s.total < 0 ? null : new ImapConnection.Counters(
                        new RemoteCursor(s.uidvalidity, modseq ? Math.max(0, s.highestmodseq) : 0, s.uidnext), s.total);
            });
        } catch (ProtocolException e) {
            return null; // a folder gone or refused: the SELECT that follows says which
        }
    }

    RemoteCursor status(FolderPath folder) {
        conn.begin();
        String name = conn.mailbox(folder);
        try {
            return (RemoteCursor) conn.onStore("read the status of '" + folder + "'", p -> {
                boolean modseq = p.hasCapability("CONDSTORE") || p.hasCapability("QRESYNC");
                String[] items = modseq ? new String[] {"UIDVALIDITY", "UIDNEXT", "HIGHESTMODSEQ"}
                        : new String[] {"UIDVALIDITY", "UIDNEXT"};
                Status s = p.status(name, items);
                return new RemoteCursor(s.uidvalidity, modseq ? Math.max(0, s.highestmodseq) : 0, s.uidnext);
            });
        } catch (ProtocolException e) {
            if (listOne(folder) == null) {
                throw new FolderNotFoundException(folder, "server " + conn.server());
            }
            throw e;
        } finally {
            conn.used();
        }
    }
}
