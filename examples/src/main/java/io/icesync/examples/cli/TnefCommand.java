package io.icesync.examples.cli;

import io.icesync.client.Attachments;
import io.icesync.client.TnefAttachments;
import io.icesync.core.IceSyncException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code icesync tnef --dir DIR MESSAGE-FILE [--out OUT]}: opens a message's winmail.dat into files (F10.5). */
@Command(name = "tnef", mixinStandardHelpOptions = true,
        description = {"Open the winmail.dat (application/ms-tnef) attachments of a received message (a file of the "
                + "profile's mail/ Maildir, an .eml, or a winmail.dat itself) into the files they carry, with the "
                + "message body as message.rtf/.html/.txt when it holds one. Files go to --out, by default "
                + "DIR/attachments/tnef/<message file name>/; opening again replaces them.",
                "Exit codes: 0 opened (or nothing to open), 2 usage, 4 the file is missing, not a message, or its "
                        + "winmail.dat is damaged."})
final class TnefCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
    Path dir;

    @Option(names = "--out", paramLabel = "OUT", description = "Where to write the files.")
    Path out;

    @Parameters(index = "0", paramLabel = "MESSAGE-FILE", description = "The message that holds a winmail.dat.")
    Path message;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(message)) {
            err.println("icesync: no such file: " + TerminalText.escape(message.toString()));
            return ExitCodes.PROFILE;
        }
        // A Maildir name ends with ":2,FLAGS", which changes as flags do; the folder is named without it.
        String name = message.getFileName().toString().replaceFirst("[:!]2,[^/]*$", "");
        Path target = out != null ? out : dir.resolve(Attachments.DIR).resolve("tnef").resolve(name);
        List<Path> files;
        try {
            files = TnefAttachments.open(message, target);
        } catch (IceSyncException e) {
            return ExitCodes.report(e, err);
        } catch (UncheckedIOException e) {
            err.println("icesync: " + ExitCodes.oneLine(e));
            return ExitCodes.PROFILE;
        }
        if (files.isEmpty()) {
            o.println("no winmail.dat (application/ms-tnef) attachment in " + TerminalText.escape(message.toString()));
            return ExitCodes.OK;
        }
        o.println(files.size() + " file(s) opened into " + TerminalText.escape(target.toString()) + ":");
        for (Path f : files) {
            o.println("  " + TerminalText.escape(f.getFileName().toString()));
        }
        return ExitCodes.OK;
    }
}
