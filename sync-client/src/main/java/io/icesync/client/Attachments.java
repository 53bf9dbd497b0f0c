package io.icesync.client;

import io.icesync.client.internal.AccountServers;
import io.icesync.client.internal.AttachmentFolders;
import io.icesync.core.FolderPath;
import io.icesync.core.store.AttachmentLinkStore;
import io.icesync.core.store.AttachmentLinkStore.Row;
import io.icesync.webdav.Download;
import io.icesync.webdav.Progress;
import io.icesync.webdav.SmartAttachDownloader;
import io.icesync.webdav.SmartAttachLink;
import io.icesync.webdav.WebDavClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The attachment links a profile found in its synced mail and events (F6.2, F7.1): SmartAttach
 * links of messages ({@code X-IceWarp-SmartAttach} headers, links in the bodies) and {@code ATTACH}
 * URLs of events and tasks. Each cycle records the links of the items it brought down; an item
 * deleted drops its links (fetched files stay). Get it with {@link IceSync#attachments()}.
 *
 * <p>A fetch writes the file under {@code DIR/attachments/<subject [item hash]>/<file name>}, never over
 * another file ({@code report (2).pdf}); it streams into a {@code .part} file that the next fetch
 * continues after a cut, and checks the size and SHA-256 the item gives. The account's password goes
 * only to the account's servers (its service URLs, its IMAP host over HTTPS): a link elsewhere is
 * refused. Fetches run one at a time.
 */
public final class Attachments {
    /** The folder of the profile that holds fetched attachments. */
    public static final String DIR = "attachments";

    private final Path profileDir;
    private final AttachmentLinkStore store;
    private final AccountServers servers;
    private final Function<URI, WebDavClient> clients;
    private final Object fetching = new Object();

    Attachments(Path profileDir, AttachmentLinkStore store, AccountServers servers, Function<URI, WebDavClient> clients) {
        this.profileDir = profileDir;
        this.store = store;
        this.servers = servers;
        this.clients = clients;
    }

    /**
     * Every recorded link, by folder and item.
     *
     * @return the links with their state, empty when none was found
     */
    public List<Attachment> list() {
        return store.all().stream().map(this::toAttachment).toList();
    }

    /**
     * The links of one item ({@link Attachment#localId()}) of a folder.
     *
     * @param folder  the folder of the item
     * @param localId the item's id in the profile's local store
     * @return its links, empty when it has none
     */
    public List<Attachment> ofItem(FolderPath folder, String localId) {
        return list().stream().filter(a -> a.folder().equals(folder) && a.localId().equals(localId)).toList();
    }

    /**
     * The link with this id.
     *
     * @param id the link's {@link Attachment#id()}
     * @return the link as recorded now
     * @throws AttachmentException when no link has it
     */
    public Attachment get(String id) {
        return toAttachment(row(id));
    }

    /**
     * Fetches one link (a link already fetched whose file is still there is returned as it is). A
     * failure is recorded on the link and thrown.
     *
     * @param id       the link's {@link Attachment#id()}
     * @param progress told how far the download is, or null
     * @return the link once fetched, {@link Attachment#file()} naming the file
     * @throws AttachmentException naming the link: no such id, a foreign host, a wrong size or hash
     *         (nothing kept), a refusal or failure of the server (the partial file is kept for the next fetch)
     */
    public Attachment fetch(String id, Consumer<Progress> progress) {
        Objects.requireNonNull(id, "id");
        synchronized (fetching) {
            return fetch(row(id), progress);
        }
    }

    /**
     * Fetches every link not fetched yet (failed ones again), one after the other; a failure is
     * recorded on its link and the next link is fetched. Returns the links as they are afterwards.
     *
     * @param progress told how far each download is (with the link downloading), or null
     * @return the links fetched or tried, each with its new state; empty when nothing was left to fetch
     */
    public List<Attachment> fetchAll(BiConsumer<Attachment, Progress> progress) {
        synchronized (fetching) {
            List<Attachment> out = new ArrayList<>();
            for (Row r : store.all()) {
                if (r.state() == AttachmentLinkStore.State.FETCHED && fetchedFile(r) != null) {
                    continue;
                }
                Attachment a = toAttachment(r);
                try {
                    out.add(fetch(r, progress == null ? null : p -> progress.accept(a, p)));
                } catch (AttachmentException e) {
                    out.add(get(r.id()));
                }
            }
            return out;
        }
    }

    /**
     * Fetches the links never fetched whose size is known and below {@code maxBytes}; returns the
     * failures, each as a line for the session log. Never throws for one link.
     */
    List<String> fetchSmall(long maxBytes) {
        List<String> failures = new ArrayList<>();
        synchronized (fetching) {
            for (Row r : store.all()) {
                if (r.state() != AttachmentLinkStore.State.NOT_FETCHED || r.size() < 0 || r.size() >= maxBytes) {
                    continue;
                }
                try {
                    fetch(r, null);
                } catch (AttachmentException e) {
                    failures.add(e.getMessage());
                }
            }
        }
        return failures;
    }

    private Attachment fetch(Row r, Consumer<Progress> progress) {
        Path done = fetchedFile(r);
        if (r.state() == AttachmentLinkStore.State.FETCHED && done != null) {
            return toAttachment(r);
        }
        URI url = URI.create(r.url());
        String what = r.id() + " (" + r.fileName() + ", " + url + ")";
        URI base = servers.baseFor(url);
        if (base == null) {
            throw failed(r, url, "the link points at " + url.getHost() + ", not at a server of the account;"
                    + " the account's password is not sent there", null);
        }
        Path folder = profileDir.resolve(DIR).resolve(AttachmentFolders.of(r.scope(), r.localId(), r.title()));
        SmartAttachLink link = new SmartAttachLink(url, r.fileName(), r.size(), r.sha256(), SmartAttachLink.Source.HEADER);
        Download d;
        try (WebDavClient client = clients.apply(base)) {
            d = new SmartAttachDownloader(client).download(link, folder, progress);
        } catch (RuntimeException e) {
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw failed(r, url, why, e);
        }
        String rel = profileDir.relativize(d.file()).toString().replace('\\', '/');
        store.update(r.id(), AttachmentLinkStore.State.FETCHED, null, rel);
        return get(r.id());
    }

    private AttachmentException failed(Row r, URI url, String why, Throwable cause) {
        store.update(r.id(), AttachmentLinkStore.State.FAILED, why, null);
        return new AttachmentException(r.id(), url, "attachment " + r.id() + " (" + r.fileName() + ", " + url + "): "
                + why, cause);
    }

    private Row row(String id) {
        return store.byId(id).orElseThrow(() -> new AttachmentException(id, null, "no attachment link has the id '"
                + id + "' (icesync attachments list shows them)", null));
    }

    /** The fetched file when it is still there, else null. */
    private Path fetchedFile(Row r) {
        if (r.file() == null) {
            return null;
        }
        Path f = profileDir.resolve(r.file());
        return Files.isRegularFile(f) ? f : null;
    }

    private Attachment toAttachment(Row r) {
        return new Attachment(r.id(), FolderPath.parseEscaped(r.folder()), r.item(), r.localId(), r.title(), r.fileName(),
                URI.create(r.url()), r.size(), r.sha256(), Attachment.State.valueOf(r.state().name()), r.error(),
                r.file() == null ? null : profileDir.resolve(r.file()));
    }
}
