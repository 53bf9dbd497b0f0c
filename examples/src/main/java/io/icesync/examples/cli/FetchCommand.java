package io.icesync.examples.cli;

import io.icesync.client.IceSync;
import io.icesync.core.IceSyncException;
import io.icesync.webdav.Download;
import io.icesync.webdav.DownloadMismatchException;
import io.icesync.webdav.DownloadOptions;
import io.icesync.webdav.WebDavClient;
import io.icesync.webdav.WebDavException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code icesync fetch URL --out FILE --dir DIR}: downloads one file over WebDAV (a SmartAttach link,
 * a document) with the profile's login, password and accepted certificates (F7). The file streams
 * into {@code FILE.part}; a rerun after an interruption continues it, and FILE appears only complete
 * and checked.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Download a file over WebDAV (such as a SmartAttach link) with the profile's account;"
                + " run it again to continue an interrupted download.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:the file is complete",
            " 1:the file is not what --size or --sha256 say (nothing was kept)",
            " 2:wrong usage",
            " 3:the server refused or failed (the partial file is kept for a rerun)",
            " 4:the profile folder or the output file could not be used"})
final class FetchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "The file's http(s) address.")
    String url;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the file.")
    Path out;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder (login, password, certificates).")
    Path dir;

    @Option(names = "--sha256", paramLabel = "HEX", description = "The SHA-256 the file must have.")
    String sha256;

    @Option(names = "--size", paramLabel = "N", description = "The size in bytes the file must have.")
    Long size;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        URI u = fileUrl(url);
        if (u == null) {
            err.println("icesync: " + url + " is not the http(s) address of a file (no query, no credentials in it)");
            return ExitCodes.USAGE;
        }
        DownloadOptions options;
        try {
            options = DownloadOptions.defaults().withExpectedSize(size == null ? -1 : size)
                    .withExpectedSha256(sha256 == null ? null : sha256.trim());
        } catch (IllegalArgumentException e) {
            err.println("icesync: " + TerminalText.escape(e.getMessage()));
            return ExitCodes.USAGE;
        }
        Path target = out.toAbsolutePath();
        if (Files.isDirectory(target) || target.getParent() == null || !Files.isDirectory(target.getParent())) {
            err.println("icesync: --out must name a file in an existing folder: " + out);
            return ExitCodes.USAGE;
        }
        FetchProgress progress = new FetchProgress(err, Terminal.interactive());
        try (IceSync sync = CliTokens.open(dir); WebDavClient client = client(sync, u)) {
            Download d;
            try {
                d = client.download(u.getPath(), target, options.withListener(progress));
            } finally {
                progress.finish();
            }
            stdout.println(d.file() + "  " + d.size() + " bytes  sha256 " + d.sha256()
                    + (d.resumedFrom() > 0 ? "  (continued from " + FetchProgress.size(d.resumedFrom()) + ")" : ""));
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            err.println("icesync: " + TerminalText.escape(e.getMessage()));
            return ExitCodes.USAGE;
        } catch (DownloadMismatchException e) {
            err.println("icesync: " + ExitCodes.oneLine(e) + "; the download was discarded");
            return ExitCodes.PARTIAL;
        } catch (WebDavException e) {
            err.println("icesync: " + ExitCodes.oneLine(e));
            return ExitCodes.SERVER;
        } catch (IceSyncException e) {
            int code = ExitCodes.report(e, err);
            if (code == ExitCodes.SERVER && Files.exists(target.resolveSibling(target.getFileName() + ".part"))) {
                err.println("  run the same command again to continue the download");
            }
            return code;
        }
    }

    /** A client for the URL's server with the profile's login, password and certificates. */
    private static WebDavClient client(IceSync sync, URI u) {
        return sync.webdav(URI.create(u.getScheme() + "://" + u.getRawAuthority() + "/"));
    }

    /** The URL when it names a file over http(s) that a WebDAV client can fetch, else null. */
    static URI fileUrl(String text) {
        try {
            URI u = new URI(text.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getRawAuthority() == null || u.getHost() == null
                    || u.getRawUserInfo() != null || u.getRawQuery() != null || u.getRawFragment() != null
                    || u.getPath() == null || u.getPath().isEmpty() || u.getPath().endsWith("/")) {
                return null;
            }
            return new URI(scheme + "://" + u.getRawAuthority() + u.getRawPath());
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
