package io.icesync.client.internal;

import io.icesync.core.FolderKind;
import io.icesync.core.engine.SettledFolders;
import io.icesync.core.spi.FolderState;
import io.icesync.core.spi.ItemState;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.AttachmentLinkStore;
import io.icesync.core.store.AttachmentLinkStore.Row;
import io.icesync.core.store.AttachmentLinkStore.State;
import io.icesync.webdav.SmartAttach;
import io.icesync.webdav.SmartAttachException;
import io.icesync.webdav.SmartAttachLink;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the attachment links of the items a profile's services synced and records them: each item of
 * a mail, event or task folder not scanned yet is read from its local store once; the links of items
 * no longer in the sync state (deleted locally or on the server) are dropped.
 */
public final class AttachmentScanner {
    /** One service's items: its state scope, its local store and its state. */
    public record Source(String scope, LocalStore local, SyncStateStore state) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(AttachmentScanner.class);
    /** SmartAttach takes large attachments out of mail: a message this big is not one whose links matter. */
    private static final long MAX_SCANNED_BYTES = 32L * 1024 * 1024;

    private final AttachmentLinkStore store;
    private final URI webdavBase;

    /** @param webdavBase the account's WebDAV and SmartAttach URL (links in bodies and events are kept under it), or null */
    public AttachmentScanner(AttachmentLinkStore store, URI webdavBase) {
        this.store = store;
        this.webdavBase = webdavBase;
    }

    /** In each scope's state: the folders' records at the last scan that read every item it had to. */
    static final String SETTLED_KEY = "attachmentScan.settled";
    /** Items of the running scan that could not be read (tried again next cycle). */
    private int unread;

    /** Items recorded per transaction: one fsync per batch, not per item. */
    private static final int BATCH = 500;

    /** Scans what is new in every source; returns how many links were found in the newly scanned items. */
    public int scan(List<Source> sources) {
        int found = 0;
        for (Source s : sources) {
            found += scan(s);
        }
        return found;
    }

    private int scan(Source s) {
        // A scope whose folders are all as they were at the last scan holds no new item and lost none:
        // a cycle with nothing to do reads one value per folder, not every item.
        String settled = settled(s);
        if (settled != null && settled.equals(s.state().value(SETTLED_KEY).orElse(null))) {
            return 0;
        }
        unread = 0;
        int found = fullScan(s);
        String next = unread == 0 && settled != null ? settled : "";
        if (!next.equals(s.state().value(SETTLED_KEY).orElse(""))) {
            s.state().putValue(SETTLED_KEY, next);
        }
        return found;
    }

    /** The engine's records of the scope's scanned folders, or null when one has none (it is scanned each cycle). */
    private static String settled(Source s) {
        StringBuilder all = new StringBuilder();
        for (FolderState f : s.state().folders()) {
            if (!scannable(f.kind()) || !s.local().syncsItemsOf(f.kind())) {
                continue;
            }
            String r = SettledFolders.record(s.state(), f).orElse(null);
            if (r == null) {
                return null;
            }
            all.append(f.id()).append(' ').append(r).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(all.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private int fullScan(Source s) {
        // Shrinks to the items scanned before that are no longer listed: one set, not three, for 100,000 items.
        Set<String> gone = store.scanned(s.scope());
        List<AttachmentLinkStore.Scan> batch = new ArrayList<>();
        int found = 0;
        for (FolderState f : s.state().folders()) {
            if (!scannable(f.kind()) || !s.local().syncsItemsOf(f.kind())) {
                continue;
            }
            for (ItemState item : s.state().items(f.id())) {
                if (gone.remove(item.localId())) {
                    continue;
                }
                AttachmentLinkStore.Scan scan = scanItem(s, f, item);
                if (scan != null) {
                    found += scan.links().size();
                    batch.add(scan);
                    if (batch.size() >= BATCH) {
                        store.recordAll(s.scope(), batch);
                        batch.clear();
                    }
                }
            }
        }
        store.recordAll(s.scope(), batch);
        gone.forEach(id -> store.forget(s.scope(), id));
        // Links of an item known by its headers only (never marked scanned) whose item is gone.
        store.all().stream().filter(r -> r.scope().equals(s.scope()) && s.state().itemByLocalId(r.localId()).isEmpty())
                .map(Row::localId).distinct().forEach(id -> store.forget(s.scope(), id));
        return found;
    }

    private static boolean scannable(FolderKind k) {
        return k == FolderKind.MAIL || k == FolderKind.EVENTS || k == FolderKind.TASKS;
    }

    /** The scan of one item, or null when it cannot be read now (the next cycle tries again). */
    private AttachmentLinkStore.Scan scanItem(Source s, FolderState f, ItemState item) {
        if (item.size() > MAX_SCANNED_BYTES) {
            return new AttachmentLinkStore.Scan(item.localId(), List.of(), true);
        }
        ItemLinks links;
        try (InputStream in = s.local().open(f.path(), item.localId())) {
            links = f.kind() == FolderKind.MAIL ? ItemLinks.ofMessage(in, MAX_SCANNED_BYTES, webdavBase)
                    : ItemLinks.ofCalendarObject(in.readNBytes((int) MAX_SCANNED_BYTES), webdavBase);
        } catch (SmartAttachException e) {
            // Not readable MIME: it will not become readable, so the item counts as scanned.
            LOG.info("attachment links of {} in {}: {}", item.localId(), f.path(), e.getMessage());
            links = new ItemLinks(null, null, List.of());
        } catch (IOException | RuntimeException e) {
            // Gone or unreadable now: the next cycle tries again.
            LOG.debug("attachment links of {} in {}: not read now ({})", item.localId(), f.path(), e.toString());
            unread++;
            return null;
        }
        List<Row> rows = new ArrayList<>();
        for (SmartAttachLink l : links.links()) {
            rows.add(new Row(idOf(s.scope(), item.localId(), l.url()), s.scope(), f.path().escaped(), item.localId(),
                    links.item(), links.title(), l.url().toString(), l.fileName(), l.size(), l.sha256(),
                    State.NOT_FETCHED, null, null));
        }
        // A message known by its headers only is scanned again once complete.
        return new AttachmentLinkStore.Scan(item.localId(), rows, !item.partial());
    }

    /** Eight hex digits of the SHA-256 of the scope, the item and the URL: short to type, stable across scans. */
    static String idOf(String scope, String localId, URI url) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((scope + "\n" + localId + "\n" + url)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }
}
