package io.icesync.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.client.Attachment;
import io.icesync.client.AttachmentException;
import io.icesync.client.FolderKinds;
import io.icesync.client.IceSync;
import io.icesync.core.IceSyncException;
import io.icesync.core.engine.FirstSyncHandler;
import io.icesync.webdav.DownloadMismatchException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code icesync attachments list|fetch}: the attachment links the profile found in its synced mail
 * (SmartAttach) and events (ATTACH URLs), and their download into {@code DIR/attachments/} (F6.2, F7.1).
 */
@Command(name = "attachments", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "List or fetch the attachment links found in synced mail (SmartAttach) and events.",
        subcommands = {AttachmentsCommand.ListLinks.class, AttachmentsCommand.Fetch.class})
final class AttachmentsCommand {
    @ParentCommand
    IceSyncCli cli;

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The recorded links: id, state, folder, file name, size, item. Reads the folder only:"
                    + " it works while icesync sync runs.")
    static final class ListLinks implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
        Path dir;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            List<Attachment> all;
            try {
                all = IceSync.attachments(dir);
            } catch (IceSyncException e) {
                return ExitCodes.report(e, spec.commandLine().getErr());
            }
            if (json) {
                out.println(json(all));
                return ExitCodes.OK;
            }
            if (all.isEmpty()) {
                out.println("no attachment link (they are recorded by icesync sync)");
            }
            all.forEach(a -> print(out, a));
            return ExitCodes.OK;
        }
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Download one link, or every link not fetched yet, into DIR/attachments/; run it again to"
                    + " continue an interrupted download.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                " 0:every link asked for is fetched",
                " 1:a link could not be fetched (wrong size or hash, refused, another host); see icesync attachments list",
                " 2:wrong usage (no ID and no --all, an unknown ID)",
                " 3:login refused, server unreachable or its certificate not trusted (the partial file is kept)",
                " 4:the profile folder could not be used (missing, in use by icesync sync)"})
    static final class Fetch implements Callable<Integer> {
        @ParentCommand
        AttachmentsCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
        Path dir;

        @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "The link's id (icesync attachments list).")
        String id;

        @Option(names = "--all", description = "Every link not fetched yet (failed ones again).")
        boolean all;

        @Option(names = "--json", description = "Print the links fetched as JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if ((id == null) == !all) {
                err.println("icesync: give the id of one link, or --all");
                return ExitCodes.USAGE;
            }
            boolean terminal = Terminal.interactive();
            FetchProgress progress = new FetchProgress(err, terminal);
            List<Attachment> done = new ArrayList<>();
            int code = ExitCodes.OK;
            try (IceSync sync = parent.cli.opener.open(dir, FirstSyncHandler.REFUSE)) {
                if (all) {
                    done.addAll(sync.attachments().fetchAll(new EachLink(err, terminal)));
                    code = done.stream().anyMatch(a -> a.state() != Attachment.State.FETCHED) ? ExitCodes.PARTIAL
                            : ExitCodes.OK;
                } else {
                    try {
                        done.add(sync.attachments().fetch(id, progress));
                    } catch (AttachmentException e) {
                        progress.finish();
                        if (e.url() == null) {
                            err.println("icesync: " + ExitCodes.oneLine(e));
                            return ExitCodes.USAGE;
                        }
                        done.add(sync.attachments().get(id));
                        code = codeOf(e, err);
                    }
                }
                progress.finish();
            } catch (IceSyncException e) {
                progress.finish();
                return ExitCodes.report(e, err);
            }
            if (json) {
                out.println(json(done));
            } else if (done.isEmpty()) {
                out.println("nothing to fetch");
            } else {
                done.forEach(a -> print(out, a));
            }
            return code;
        }

        /** A wrong file, a refusal of the server or a foreign host is the link's (1); no login or no server is 3. */
        private static int codeOf(AttachmentException e, PrintWriter err) {
            if (e.getCause() instanceof IceSyncException cause && !(cause instanceof DownloadMismatchException)
                    && !(cause instanceof io.icesync.webdav.WebDavException)) {
                err.println("icesync: attachment " + TerminalText.escape(e.id()) + ":");
                return ExitCodes.report(cause, err);
            }
            err.println("icesync: " + ExitCodes.oneLine(e));
            return ExitCodes.PARTIAL;
        }
    }

    /** The progress of --all: a fresh bar per link, under the link's id and name. */
    private static final class EachLink implements java.util.function.BiConsumer<Attachment, io.icesync.webdav.Progress> {
        private final PrintWriter err;
        private final boolean terminal;
        private String id;
        private FetchProgress bar;

        EachLink(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void accept(Attachment a, io.icesync.webdav.Progress p) {
            if (!a.id().equals(id)) {
                if (bar != null) {
                    bar.finish();
                }
                id = a.id();
                bar = new FetchProgress(err, terminal);
                err.println(TerminalText.escape(a.id() + "  " + a.fileName()));
            }
            bar.accept(p);
        }
    }

    /** One line per link, and the reason of a failure under it. */
    static void print(PrintWriter out, Attachment a) {
        String size = a.size() < 0 ? "?" : FetchProgress.size(a.size());
        String where = a.state() == Attachment.State.FETCHED && a.file() != null ? "  -> " + a.file() : "";
        out.println(TerminalText.escape(a.id() + "  " + state(a.state()) + "  " + FolderKinds.pathText(a.folder())
                + "  " + a.fileName() + "  " + size + "  " + (a.title() != null ? a.title() : a.item() != null
                ? a.item() : a.localId()) + where));
        if (a.state() == Attachment.State.FAILED && a.error() != null) {
            out.println("    " + TerminalText.escape(a.error()));
        }
    }

    private static String state(Attachment.State s) {
        return switch (s) {
            case NOT_FETCHED -> "not fetched";
            case FETCHED -> "fetched";
            case FAILED -> "failed";
        };
    }

    static String json(List<Attachment> links) throws IOException {
        ArrayNode arr = SettingsCommand.JSON.createArrayNode();
        for (Attachment a : links) {
            ObjectNode o = arr.addObject();
            o.put("id", a.id()).put("state", a.state().name()).put("folder", FolderKinds.pathText(a.folder()))
                    .put("item", a.item()).put("title", a.title()).put("fileName", a.fileName())
                    .put("url", a.url().toString()).put("size", a.size()).put("sha256", a.sha256())
                    .put("error", a.error()).put("file", a.file() == null ? null : a.file().toString());
        }
        return CliJson.write(CliJson.document("attachments", arr));
    }
}
