package io.icesync.webdav.dav.internal;

import static io.icesync.webdav.internal.Multistatus.DAV;

import io.icesync.core.xml.SafeDom;
import io.icesync.webdav.MalformedResponseException;
import io.icesync.webdav.internal.Multistatus;
import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * Brings a collection's numbering up to date with the server. First the ctag (getctag, else
 * sync-token): unchanged, nothing more is asked. Then, when the collection offers it and a token is
 * saved, the sync-collection REPORT (RFC 6578) gives only what changed since that token; otherwise,
 * and when the server no longer accepts the token, a PROPFIND depth 1 lists every member and the
 * ETags are compared. Either way a new or changed member takes a new UID and a missing one is gone.
 */
public final class CollectionListing {
    private static final Logger LOG = LoggerFactory.getLogger(CollectionListing.class);
    /** Truncated answers (507 for the collection) followed at most this many times in one listing. */
    static final int MAX_ROUNDS = 100;

    /** What one sync-collection round said: where to go on from, and whether the answer was cut short. */
    private record Round(String token, boolean truncated) {
    }

    private final DavCalls calls;
    private final Hrefs hrefs;
    /** Collections whose server refused sync-collection in this session. */
    private final Set<String> noSyncCollection = new HashSet<>();

    public CollectionListing(DavCalls calls, Hrefs hrefs) {
        this.calls = calls;
        this.hrefs = hrefs;
    }

    /** Updates {@code cs}; returns whether it changed in a way the state file must keep. */
    public boolean refresh(DavCollection c, CollectionState cs) {
        URI url = hrefs.url(c.href());
        String ctag = null;
        String syncToken = null;
        boolean offered = false;
        for (Multistatus.Entry e : calls.propfind(url, 0, XmlBodies.CTAG).entries()) {
            if (e.status() / 100 == 2 && e.props() != null) {
                ctag = e.text(Multistatus.CALENDARSERVER, "getctag");
                syncToken = e.text("sync-token");
                Set<String> reports = reportsOf(e);
                // RFC 6578 makes servers list sync-collection; one that lists no reports at all is given the benefit.
                offered = syncToken != null && (reports == null || reports.contains("sync-collection"));
            }
        }
        String token = ctag != null ? ctag : syncToken;
        if (token != null && token.equals(cs.ctag)) {
            return false;
        }
        boolean usable = offered && !noSyncCollection.contains(c.href());
        Map<String, ItemEntry> now = null;
        String nextSyncToken = null;
        if (usable && cs.syncToken != null) {
            Map<String, ItemEntry> working = new TreeMap<>(cs.items);
            Round round = null;
            for (int i = 0; i < MAX_ROUNDS && (round == null || round.truncated()); i++) {
                round = syncCollection(c, url, round == null ? cs.syncToken : round.token(), working, cs);
                if (round == null) {
                    break;
                }
            }
            if (round != null) {
                now = working;
                nextSyncToken = round.token();
                if (round.truncated()) {
                    token = null; // more to fetch: the next listing must not be skipped by the ctag
                }
            }
        }
        if (now == null) {
            // The whole listing; the sync-token read before it is older than it, so nothing is missed later.
            now = fullListing(c, url, cs);
            nextSyncToken = usable ? syncToken : null;
        }
        boolean learned = !now.equals(cs.items);
        boolean renumbered = !uids(now).equals(uids(cs.items));
        boolean tokensMoved = !Objects.equals(token, cs.ctag) || !Objects.equals(nextSyncToken, cs.syncToken);
        cs.items = now;
        cs.ctag = token;
        cs.syncToken = nextSyncToken;
        if (renumbered) {
            // The cursor moves exactly when the engine has something to see: a UID new or gone, not a size learnt.
            cs.modSeq++;
        }
        return learned || tokensMoved;
    }

    private static Map<String, Long> uids(Map<String, ItemEntry> items) {
        Map<String, Long> out = new TreeMap<>();
        items.forEach((href, e) -> out.put(href, e.uid()));
        return out;
    }

    /**
     * One sync-collection REPORT from {@code from}, applied to {@code members}; null when the server
     * refuses it (the token is no longer valid, or it does not do the REPORT here), so that the caller
     * lists everything.
     */
    private Round syncCollection(DavCollection c, URI url, String from, Map<String, ItemEntry> members, CollectionState cs) {
        DavCalls.Report r;
        try {
            r = calls.report(url, XmlBodies.syncCollection(from), true, Long.MAX_VALUE);
        } catch (MalformedResponseException e) {
            LOG.info("the sync-collection answer for {} is unusable ({}); the collection is listed whole", url, e.getMessage());
            return null;
        }
        if (!r.ok()) {
            if (r.invalidSyncToken()) {
                LOG.info("{} no longer accepts its sync-token (HTTP {}): the collection is listed whole", url, r.status());
            } else {
                if (ItemFetcher.refusesReport(r.status())) {
                    noSyncCollection.add(c.href());
                }
                LOG.info("sync-collection on {} answered HTTP {}: the collection is listed whole", url, r.status());
            }
            return null;
        }
        if (r.multi().syncToken() == null) {
            LOG.info("the sync-collection answer for {} has no new sync-token: the collection is listed whole", url);
            return null;
        }
        boolean truncated = false;
        for (Multistatus.Entry e : r.multi().entries()) {
            String path = hrefs.path(e.href());
            if (path == null || !path.startsWith(c.href())) {
                continue;
            }
            if (Hrefs.asCollection(path).equals(c.href())) {
                // RFC 6578 3.6: 507 on the collection itself says the answer was cut short; ask on from its token.
                truncated |= e.status() == 507;
            } else if (e.status() == 404 || e.status() == 410) {
                members.remove(path);
            } else if (e.status() / 100 == 2 && !path.endsWith("/") && !e.hasChild("resourcetype", "collection")) {
                members.put(path, entry(cs, members.get(path), ObjectUids.etag(e.text("getetag")),
                        e.contentLength()));
            } else {
                LOG.debug("sync-collection of {}: {} answered {}, left as it was", url, path, e.status());
            }
        }
        return new Round(r.multi().syncToken(), truncated);
    }

    private Map<String, ItemEntry> fullListing(DavCollection c, URI url, CollectionState cs) {
        Map<String, ItemEntry> now = new TreeMap<>();
        for (Multistatus.Entry e : calls.propfind(url, 1, XmlBodies.MEMBERS).entries()) {
            String path = hrefs.path(e.href());
            if (path == null || e.status() / 100 != 2 || path.endsWith("/") || e.hasChild("resourcetype", "collection")
                    || !path.startsWith(c.href())) {
                continue;
            }
            now.put(path, entry(cs, cs.items.get(path), ObjectUids.etag(e.text("getetag")), e.contentLength()));
        }
        return now;
    }

    /** The same version (same ETag) keeps its UID; a new one, or one without an ETag to tell, takes a new UID. */
    private static ItemEntry entry(CollectionState cs, ItemEntry old, String etag, long size) {
        if (old != null && etag != null && etag.equals(old.etag())) {
            return size >= 0 ? old.withSize(size) : old;
        }
        return new ItemEntry(cs.takeUid(), etag, size, old == null ? null : old.objectUid());
    }

    /** The local names of the reports in supported-report-set (RFC 3253 3.1.5), or null when the property is absent. */
    static Set<String> reportsOf(Multistatus.Entry e) {
        Element set = e.property(DAV, "supported-report-set");
        if (set == null) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (Element supported : SafeDom.children(set, DAV, "supported-report")) {
            // Reports come from several namespaces (DAV: sync-collection, CalDAV calendar-multiget).
            for (Element report : SafeDom.children(SafeDom.child(supported, DAV, "report"))) {
                out.add(report.getLocalName());
            }
        }
        return out;
    }
}
