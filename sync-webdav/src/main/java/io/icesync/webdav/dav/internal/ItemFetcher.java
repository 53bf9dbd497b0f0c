package io.icesync.webdav.dav.internal;

import io.icesync.core.Flags;
import io.icesync.core.FolderPath;
import io.icesync.core.ProtocolException;
import io.icesync.core.StoreException;
import io.icesync.core.spi.ItemSink;
import io.icesync.core.spi.RemoteItem;
import io.icesync.webdav.DavNotFoundException;
import io.icesync.webdav.MalformedResponseException;
import io.icesync.webdav.WebDavException;
import io.icesync.webdav.internal.Multistatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads items for {@code fetch}: in batches by calendar-multiget (RFC 4791 7.9) or
 * addressbook-multiget (RFC 6352 8.7), one GET each where the server will not answer the REPORT,
 * leaves an item out of its answer or out of its data, and for items too large to share an answer.
 *
 * <p>Memory stays bounded: a batch holds at most {@link #BATCH_ITEMS} items and {@link #BATCH_BYTES}
 * of listed size, and its answer is refused past {@link #MAX_ANSWER_BYTES} (the batch is then fetched
 * by GET). The object that travelled as XML text gets its CRLF line ends back ({@link LineEnds}), and
 * the size given to the sink is that of the bytes it receives.
 */
public final class ItemFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(ItemFetcher.class);

    static final int BATCH_ITEMS = 100;
    static final long BATCH_BYTES = 4L * 1024 * 1024;
    /** Larger items go by GET: one such object would take a batch's room, and XML would only add to it. */
    static final long ALONE_ABOVE = 1024 * 1024;
    static final long MAX_ANSWER_BYTES = 16L * 1024 * 1024;

    private record Wanted(long uid, String href) {
    }

    private final DavCalls calls;
    private final Hrefs hrefs;
    /** Collections whose server refused the REPORT in this session: one GET per item there. */
    private final Set<String> noMultiget = new HashSet<>();

    public ItemFetcher(DavCalls calls, Hrefs hrefs) {
        this.calls = calls;
        this.hrefs = hrefs;
    }

    /** Fetches the items; {@code save} runs at the end (also after a failure) when sizes or object UIDs were learnt. */
    public void fetch(FolderPath folder, DavCollection c, CollectionState cs, List<RemoteItem> items, ItemSink sink,
            Runnable save) {
        Map<Long, String> hrefByUid = new HashMap<>();
        cs.items.forEach((href, e) -> hrefByUid.put(e.uid(), href));
        Run run = new Run(folder, c, cs, sink);
        try {
            List<Wanted> batch = new ArrayList<>();
            long batchBytes = 0;
            for (RemoteItem item : items) {
                String href = hrefByUid.get(item.uid());
                if (href == null) {
                    sink.failed(item.uid(), new DavNotFoundException("item " + item.uid() + " of '" + folder
                            + "' is no longer on the server", 404, hrefs.url(c.href()).toString()));
                    continue;
                }
                long size = Math.max(0, cs.items.get(href).size());
                if (size > ALONE_ABOVE || noMultiget.contains(c.href())) {
                    run.get(new Wanted(item.uid(), href));
                    continue;
                }
                if (!batch.isEmpty() && (batch.size() >= BATCH_ITEMS || batchBytes + size > BATCH_BYTES)) {
                    run.multiget(batch);
                    batch = new ArrayList<>();
                    batchBytes = 0;
                }
                batch.add(new Wanted(item.uid(), href));
                batchBytes += size;
            }
            if (!batch.isEmpty()) {
                run.multiget(batch);
            }
        } finally {
            if (run.learned) {
                save.run();
            }
        }
    }

    /** One fetch call: where the items go and whether anything was learnt. */
    private final class Run {
        private final FolderPath folder;
        private final DavCollection c;
        private final CollectionState cs;
        private final ItemSink sink;
        private boolean learned;

        Run(FolderPath folder, DavCollection c, CollectionState cs, ItemSink sink) {
            this.folder = folder;
            this.c = c;
            this.cs = cs;
            this.sink = sink;
        }

        void multiget(List<Wanted> batch) {
            if (noMultiget.contains(c.href())) {
                batch.forEach(this::get);
                return;
            }
            List<String> raw = new ArrayList<>(batch.size());
            batch.forEach(w -> raw.add(hrefs.url(w.href()).getRawPath()));
            URI at = hrefs.url(c.href());
            DavCalls.Report r;
            try {
                r = calls.report(at, XmlBodies.multiget(c.isAddressBook(), raw), false, MAX_ANSWER_BYTES);
            } catch (MalformedResponseException e) {
                LOG.info("the multiget answer for '{}' is unusable ({}); its {} items are fetched one by one", folder,
                        e.getMessage(), batch.size());
                batch.forEach(this::get);
                return;
            }
            if (!r.ok()) {
                if (refusesReport(r.status())) {
                    noMultiget.add(c.href());
                }
                LOG.info("REPORT {} answered HTTP {}: the items of '{}' are fetched one by one", at, r.status(), folder);
                batch.forEach(this::get);
                return;
            }
            Map<String, Multistatus.Entry> byHref = new HashMap<>();
            for (Multistatus.Entry e : r.multi().entries()) {
                String path = hrefs.path(e.href());
                if (path != null) {
                    byHref.putIfAbsent(path, e);
                }
            }
            String dataNamespace = c.isAddressBook() ? Multistatus.CARDDAV : Multistatus.CALDAV;
            String data = c.isAddressBook() ? "address-data" : "calendar-data";
            int withoutData = 0;
            int found = 0;
            for (Wanted w : batch) {
                Multistatus.Entry e = byHref.remove(w.href());
                if (e == null || e.status() < 0) {
                    get(w); // left out of the answer
                } else if (e.status() / 100 != 2) {
                    // Gone or refused since the listing: this item only, retried at the next cycle.
                    sink.failed(w.uid(), calls.itemError("REPORT", hrefs.url(w.href()), e.status()));
                } else if (e.text(dataNamespace, data) == null) {
                    withoutData++;
                    get(w);
                } else {
                    found++;
                    deliver(w, e.text("getetag"), LineEnds.crlf(e.text(dataNamespace, data)));
                }
            }
            if (withoutData > 0 && found == 0) {
                // A server that answers the REPORT without the objects: no use asking it again.
                noMultiget.add(c.href());
            }
        }

        void get(Wanted w) {
            byte[] body;
            String etag;
            try (DavCalls.Fetched f = calls.get(hrefs.url(w.href()))) {
                etag = f.etag();
                if (changed(w, etag)) {
                    return;
                }
                body = f.readAll();
            } catch (WebDavException e) {
                // Gone or refused: this item only; the engine retries it at the next cycle.
                sink.failed(w.uid(), e);
                return;
            }
            deliver(w, null, body);
        }

        private void deliver(Wanted w, String etag, byte[] body) {
            if (changed(w, etag)) {
                return;
            }
            ItemEntry listed = cs.items.get(w.href());
            ItemEntry now = listed.withSize(body.length).withObjectUid(ObjectUids.uidOf(body));
            if (!now.equals(listed)) {
                cs.items.put(w.href(), now);
                learned = true;
            }
            try {
                sink.accept(new RemoteItem(w.uid(), Flags.NONE, body.length, null, null), false,
                        new ByteArrayInputStream(body));
            } catch (IOException e) {
                throw new StoreException("could not store item " + w.uid() + " of '" + folder + "': " + e.getMessage(), e);
            }
        }

        /** Another version than the one listed goes to the sink as failed: the next listing gives it its own UID. */
        private boolean changed(Wanted w, String rawEtag) {
            String etag = ObjectUids.etag(rawEtag);
            ItemEntry listed = cs.items.get(w.href());
            if (etag != null && listed.etag() != null && !etag.equals(listed.etag())) {
                sink.failed(w.uid(), new ProtocolException("item " + w.uid() + " of '" + folder
                        + "' changed on the server since it was listed", "ETag " + etag + ", listed " + listed.etag(), null));
                return true;
            }
            return false;
        }
    }

    /** Statuses by which a server says it does not do this REPORT here (rather than failing once). */
    static boolean refusesReport(int status) {
        return status == 400 || status == 403 || status == 405 || status == 415 || status == 422 || status == 501;
    }
}
