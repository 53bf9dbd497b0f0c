package io.icesync.webdav.dav.internal;

import io.icesync.core.FolderKind;
import io.icesync.core.ProtocolException;
import io.icesync.core.xml.SafeDom;
import io.icesync.webdav.DavForbiddenException;
import io.icesync.webdav.DavNotFoundException;
import io.icesync.webdav.MalformedResponseException;
import io.icesync.webdav.UnexpectedStatusException;
import io.icesync.webdav.internal.Multistatus;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * Finds the user's calendars and address books: RFC 6764 well-known URLs (redirects followed on the
 * same server only), then current-user-principal (RFC 5397), then the calendar and address book
 * home sets, then the collections in each home.
 */
public final class Discovery {
    private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);

    private final DavCalls calls;
    private final Hrefs hrefs;
    private final String startPath;

    public Discovery(DavCalls calls, Hrefs hrefs, URI server) {
        this.calls = calls;
        this.hrefs = hrefs;
        this.startPath = server.getPath() == null || server.getPath().isEmpty() ? "/" : server.getPath();
    }

    public Homes homes() {
        Set<String> dav = new LinkedHashSet<>();
        String principal = null;
        // A start path from DNS is often a well-known URL itself: each path is asked once.
        Set<String> candidates = new LinkedHashSet<>();
        if (!startPath.equals("/")) {
            candidates.add(startPath);
        }
        candidates.add("/.well-known/caldav");
        candidates.add("/.well-known/carddav");
        candidates.add("/");
        for (String c : candidates) {
            try {
                DavCalls.Multi m = calls.propfind(hrefs.url(c), 0, XmlBodies.PRINCIPAL);
                dav.addAll(m.dav());
                for (Multistatus.Entry e : m.entries()) {
                    List<String> p = hrefsIn(e, Multistatus.DAV, "current-user-principal");
                    if (!p.isEmpty()) {
                        principal = p.get(0);
                        break;
                    }
                }
            } catch (DavNotFoundException | DavForbiddenException | UnexpectedStatusException | MalformedResponseException e) {
                LOG.debug("no principal at {}: {}", c, e.getMessage());
            }
            if (principal != null) {
                break;
            }
        }
        String at = principal != null ? principal : startPath;
        DavCalls.Multi m = calls.propfind(hrefs.url(at), 0, XmlBodies.HOMES);
        dav.addAll(m.dav());
        List<String> cal = new ArrayList<>();
        List<String> card = new ArrayList<>();
        for (Multistatus.Entry e : m.entries()) {
            hrefsIn(e, Multistatus.CALDAV, "calendar-home-set").stream().map(Hrefs::asCollection)
                    .filter(h -> !cal.contains(h)).forEach(cal::add);
            hrefsIn(e, Multistatus.CARDDAV, "addressbook-home-set").stream().map(Hrefs::asCollection)
                    .filter(h -> !card.contains(h)).forEach(card::add);
        }
        if (cal.isEmpty() && card.isEmpty()) {
            throw new ProtocolException("the server names no calendar-home-set or addressbook-home-set for the user at "
                    + hrefs.url(at), "PROPFIND " + at + ": no home set", null);
        }
        LOG.debug("principal {}, calendar homes {}, address book homes {}", principal, cal, card);
        return new Homes(principal, cal, card, dav);
    }

    /**
     * The calendars and address books of every home, each once, in the server's order, with the
     * rights the server gives on each (and on its home, for deleting it) in the same PROPFIND.
     */
    public List<DavCollection> collections(Homes homes) {
        Set<String> all = new LinkedHashSet<>(homes.calendarHomes());
        all.addAll(homes.addressBookHomes());
        Map<String, DavCollection> found = new LinkedHashMap<>();
        for (String home : all) {
            Set<String> homePrivileges = null;
            Map<String, Multistatus.Entry> members = new LinkedHashMap<>();
            for (Multistatus.Entry e : calls.propfind(hrefs.url(home), 1, XmlBodies.COLLECTIONS).entries()) {
                String path = hrefs.path(e.href());
                if (path == null || e.status() / 100 != 2 || e.props() == null) {
                    continue;
                }
                path = Hrefs.asCollection(path);
                if (path.equals(home)) {
                    homePrivileges = Privileges.of(e);
                } else {
                    members.putIfAbsent(path, e);
                }
            }
            for (Map.Entry<String, Multistatus.Entry> m : members.entrySet()) {
                Multistatus.Entry e = m.getValue();
                FolderKind kind = kindOf(e);
                if (kind != null && !found.containsKey(m.getKey())) {
                    found.put(m.getKey(), new DavCollection(m.getKey(), kind, e.text("displayname"),
                            Privileges.rights(Privileges.of(e), homePrivileges)));
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /**
     * Address books are contacts; calendars hold events unless they take only tasks or only journal
     * entries. The resource type decides first: some servers (Radicale) also give address books a
     * component set.
     */
    static FolderKind kindOf(Multistatus.Entry e) {
        if (e.hasChild("resourcetype", Multistatus.CARDDAV, "addressbook")) {
            return FolderKind.CONTACTS;
        }
        if (!e.hasChild("resourcetype", Multistatus.CALDAV, "calendar")) {
            return null;
        }
        Set<String> comps = new LinkedHashSet<>();
        Element set = e.property(Multistatus.CALDAV, "supported-calendar-component-set");
        for (Element c : SafeDom.children(set, Multistatus.CALDAV, "comp")) {
            if (c.hasAttribute("name")) {
                comps.add(c.getAttribute("name").trim().toUpperCase(java.util.Locale.ROOT));
            }
        }
        if (comps.equals(Set.of("VTODO"))) {
            return FolderKind.TASKS;
        }
        if (comps.equals(Set.of("VJOURNAL"))) {
            return FolderKind.JOURNAL;
        }
        return FolderKind.EVENTS;
    }

    /** The decoded hrefs inside a property such as current-user-principal or a home set. */
    private List<String> hrefsIn(Multistatus.Entry e, String namespace, String property) {
        List<String> out = new ArrayList<>();
        for (Element h : SafeDom.children(e.property(namespace, property), Multistatus.DAV, "href")) {
            String text = h.getTextContent().trim();
            if (!text.isEmpty()) {
                String path = hrefs.path(text);
                if (path != null) {
                    out.add(path);
                }
            }
        }
        return out;
    }
}
