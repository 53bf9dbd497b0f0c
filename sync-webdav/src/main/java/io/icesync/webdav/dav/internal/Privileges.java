package io.icesync.webdav.dav.internal;

import static io.icesync.webdav.internal.Multistatus.DAV;

import io.icesync.core.xml.SafeDom;
import io.icesync.core.Right;
import io.icesync.core.Rights;
import io.icesync.webdav.internal.Multistatus;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * The rights of a collection from WebDAV ACL's {@code DAV:current-user-privilege-set} (RFC 3744 5.4),
 * in the terms the engine decides with: INSERT to add items (DAV:bind), DELETE_MESSAGES and EXPUNGE to
 * remove them (DAV:unbind), WRITE to change one (DAV:write-content), DELETE_MAILBOX to delete the
 * collection (DAV:unbind on its parent, the home). DAV:write and DAV:all stand for what they aggregate.
 */
public final class Privileges {
    private Privileges() {
    }

    /**
     * The local names of the DAV: privileges in the entry's current-user-privilege-set; null when the
     * server did not return the property (it then says nothing about rights).
     */
    public static Set<String> of(Multistatus.Entry e) {
        Element set = e.property(DAV, "current-user-privilege-set");
        if (set == null) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (Element privilege : SafeDom.children(set, DAV, "privilege")) {
            // The rights below read DAV: privileges; another namespace's "write" is not DAV:write.
            for (Element p : SafeDom.children(privilege)) {
                if (DAV.equals(p.getNamespaceURI())) {
                    out.add(p.getLocalName());
                }
            }
        }
        // An empty element is a set without privileges, not a missing property.
        return out;
    }

    /**
     * The rights of a collection given its privileges and those of the home it lives in (either null
     * when not returned). A server that returns no privileges for the collection keeps all rights, as
     * before this was read; only the right to delete the collection then depends on the home.
     */
    public static Rights rights(Set<String> collection, Set<String> home) {
        EnumSet<Right> r;
        if (collection == null || collection.contains("all")) {
            r = EnumSet.allOf(Right.class);
        } else {
            r = EnumSet.noneOf(Right.class);
            boolean write = collection.contains("write");
            if (collection.contains("read")) {
                // Flags never reach a CalDAV server (setFlags does nothing), so reading is enough to keep them.
                r.addAll(EnumSet.of(Right.LOOKUP, Right.READ, Right.SEEN));
            }
            if (write || collection.contains("write-content")) {
                r.add(Right.WRITE);
            }
            if (write || collection.contains("bind")) {
                r.add(Right.INSERT);
            }
            if (write || collection.contains("unbind")) {
                r.add(Right.DELETE_MESSAGES);
                r.add(Right.EXPUNGE);
            }
            if (collection.contains("write-acl")) {
                r.add(Right.ADMINISTER);
            }
            // No CREATE_MAILBOX: collections hold no collections here. DELETE_MAILBOX depends on the home, below.
        }
        if (home != null) {
            // RFC 3744 3.4: removing a member takes DAV:unbind on the collection that holds it.
            boolean unbind = home.contains("all") || home.contains("write") || home.contains("unbind");
            if (unbind) {
                r.add(Right.DELETE_MAILBOX);
            } else {
                r.remove(Right.DELETE_MAILBOX);
            }
        }
        return new Rights(r);
    }
}
