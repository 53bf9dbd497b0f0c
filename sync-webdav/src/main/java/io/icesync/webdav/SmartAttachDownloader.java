package io.icesync.webdav;

import io.icesync.core.StoreException;
import io.icesync.webdav.internal.DavPaths;
import io.icesync.webdav.internal.SafeFileNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Downloads {@link SmartAttachLink}s into a folder through a {@link WebDavClient} signed in to the
 * account's WebDAV: streamed, resumed after a broken transfer (the {@code .part} file), checked
 * against the size and SHA-256 the message gives, with progress. Each file gets the message's name
 * made safe (no path, no reserved names) and never replaces an existing file: a second
 * {@code report.pdf} becomes {@code report (2).pdf}. An unfinished {@code name.part} is continued.
 *
 * <p>Links outside the client's base are refused ({@link SmartAttachException}): the client's
 * credentials go only to the server they belong to.
 */
public final class SmartAttachDownloader {
    private final WebDavClient client;
    private final DavPaths paths;

    /**
     * A downloader through {@code client}, whose base bounds where links may point.
     *
     * @param client the account's WebDAV client, not closed here
     */
    public SmartAttachDownloader(WebDavClient client) {
        this.client = Objects.requireNonNull(client, "client");
        this.paths = new DavPaths(client.base());
    }

    /**
     * Downloads one link into the folder (created if missing); {@code progress} may be null.
     *
     * @param link     the link, under the client's base
     * @param folder   where the file goes, under a safe form of the link's file name
     * @param progress told the progress after each chunk; null for none
     * @return the file written and what was received
     * @throws SmartAttachException when the link points outside the client's base
     * @throws WebDavException when the server answers with an error status (a subclass names which)
     * @throws io.icesync.core.ConnectionException when the server cannot be reached
     */
    public Download download(SmartAttachLink link, Path folder, Consumer<Progress> progress) {
        String path = pathOf(link);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw StoreException.of("cannot create " + folder, e);
        }
        Path target = SafeFileNames.unused(folder, SafeFileNames.safe(link.fileName()));
        return client.download(path, target, link.options().withListener(progress));
    }

    /**
     * Downloads the links one after the other. The first failure stops the run and is thrown; files
     * finished before it stay, and an unfinished one continues on the next run.
     *
     * @param links    the links, under the client's base
     * @param folder   where the files go (created if missing)
     * @param progress told each link's progress; null for none
     * @return the downloads, in the links' order
     * @throws SmartAttachException when a link points outside the client's base
     * @throws WebDavException when the server answers with an error status (a subclass names which)
     * @throws io.icesync.core.ConnectionException when the server cannot be reached
     */
    public List<Download> downloadAll(List<SmartAttachLink> links, Path folder, BiConsumer<SmartAttachLink, Progress> progress) {
        List<Download> done = new ArrayList<>(links.size());
        for (SmartAttachLink l : links) {
            done.add(download(l, folder, progress == null ? null : p -> progress.accept(l, p)));
        }
        return done;
    }

    /** The link as a path under the client's base. */
    private String pathOf(SmartAttachLink link) {
        if (link.url().getRawQuery() != null || link.url().getRawFragment() != null) {
            throw new SmartAttachException(link.url() + " is not a plain WebDAV file URL (it has a query or fragment)", null);
        }
        String path = paths.relative(link.url().toString());
        if (path == null || path.isEmpty() || path.endsWith("/")) {
            throw new SmartAttachException(link.url() + " is not a file under " + client.base()
                    + "; the credentials of that server are not sent elsewhere", null);
        }
        try {
            client.url(path);
        } catch (IllegalArgumentException e) {
            throw new SmartAttachException(link.url() + ": " + e.getMessage(), e);
        }
        return path;
    }
}
