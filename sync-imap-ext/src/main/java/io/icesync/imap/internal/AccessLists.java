package io.icesync.imap.internal;

import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.angus.mail.iap.BadCommandException;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.ACL;
import org.eclipse.angus.mail.imap.Rights;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.Namespaces;

/** Access lists (RFC 4314 through Angus Mail's GETACL, SETACL, DELETEACL, MYRIGHTS) and the Other Users namespace. */
final class AccessLists {
    private final ImapConnection conn;
    /** The Other Users prefix of this connection, asked once per login. */
    private String prefix;
    private Object prefixOf;

    AccessLists(ImapConnection conn) {
        this.conn = conn;
    }

    Map<String, String> list(FolderPath folder) {
        return call("read the access list of '" + folder + "'", p -> {
            Map<String, String> out = new LinkedHashMap<>();
            for (ACL a : p.getACL(conn.mailbox(folder))) {
                out.put(a.getName(), a.getRights().toString());
            }
            return out;
        });
    }

    /**
     * The lists of many folders, GETACL pipelined: the periodic refresh asks every folder the user
     * administers, and one round trip each would make it cost as many round trips as folders. A folder
     * the server refuses (gone, no {@code a} there) is left out.
     */
    Map<FolderPath, Map<String, String>> lists(Collection<FolderPath> folders) {
        if (folders.isEmpty()) {
            return Map.of();
        }
        return call("read the access lists of " + folders.size() + " folders", p -> {
            IceImapStore.Protocol ip = ImapConnection.ice(p);
            Map<String, FolderPath> byName = new HashMap<>();
            List<Wire.Cmd<FolderPath>> pipelined = new ArrayList<>();
            List<Wire.Cmd<FolderPath>> alone = new ArrayList<>();
            for (FolderPath f : folders) {
                String name = conn.mailbox(f);
                byName.put(name, f);
                (ip.encodedLength(name) > FolderTree.MAX_PIPELINED_NAME ? alone : pipelined)
                        .add(new Wire.Cmd<>(f, "GETACL", ImapConnection.mailboxArg(p, name)));
            }
            Map<FolderPath, Map<String, String>> out = new LinkedHashMap<>();
            Predicate<Response> mine = r -> {
                if (!(r instanceof IMAPResponse ir) || !ir.keyEquals("ACL")) {
                    return false;
                }
                String mbox = ir.readAtomString();
                FolderPath f = mbox == null ? null : byName.get(ip.decodeMailbox(mbox));
                if (f != null) {
                    Map<String, String> list = new LinkedHashMap<>();
                    for (String id = ir.readAtomString(); id != null; id = ir.readAtomString()) {
                        String letters = ir.readAtomString();
                        if (letters == null) {
                            break;
                        }
                        // As Angus' GETACL gives them (its Rights' order), so that both reads compare equal.
                        list.put(id, new Rights(letters).toString());
                    }
                    out.put(f, list);
                }
                return true;
            };
            Set<FolderPath> refused = new HashSet<>();
            Wire.pipeline(p, pipelined, mine, (f, done) -> {
                if (!done.isOK()) {
                    refused.add(f);
                }
            });
            for (Wire.Cmd<FolderPath> c : alone) {
                try {
                    Wire.run(p, c.command(), c.args(), mine);
                } catch (CommandFailedException | BadCommandException e) {
                    refused.add(c.key());
                }
            }
            out.keySet().removeAll(refused);
            return out;
        });
    }

    void set(FolderPath folder, String identifier, String letters) {
        call("give '" + identifier + "' the rights '" + letters + "' on '" + folder + "'", p -> {
            p.setACL(conn.mailbox(folder), '\0', new ACL(identifier, new Rights(letters)));
            return null;
        });
    }

    void remove(FolderPath folder, String identifier) {
        call("remove '" + identifier + "' from the access list of '" + folder + "'", p -> {
            p.deleteACL(conn.mailbox(folder), identifier);
            return null;
        });
    }

    String myRights(FolderPath folder) {
        return call("read your rights on '" + folder + "'", p -> p.myRights(conn.mailbox(folder)).toString());
    }

    String otherUsersPrefix() {
        conn.begin();
        if (prefix != null && prefixOf == conn.info) {
            return prefix;
        }
        String found = "";
        if (conn.info.has("NAMESPACE")) {
            found = call("read the namespaces", p -> {
                Namespaces ns = p.namespace();
                return ns == null || ns.otherUsers == null || ns.otherUsers.length == 0 ? ""
                        : ns.otherUsers[0].prefix;
            });
        }
        prefix = found;
        prefixOf = conn.info;
        return found;
    }

    @FunctionalInterface
    private interface Call<T> {
        T run(org.eclipse.angus.mail.imap.protocol.IMAPProtocol p) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private <T> T call(String what, Call<T> body) {
        conn.begin();
        try {
            return (T) conn.onStore(what, p -> {
                try {
                    return body.run(p);
                } catch (org.eclipse.angus.mail.iap.ProtocolException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IceSyncException("could not " + what + ": " + e.getMessage(), e);
                }
            });
        } finally {
            conn.used();
        }
    }
}
