package io.icesync.examples.cli;

import io.icesync.client.IceSync;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code icesync signature show --dir DIR [--html]}: the profile's signature, read from its files. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print the profile's signature (its text form; --html for the HTML). Reads the files only.")
final class SignatureShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
    Path dir;

    @Option(names = "--html", description = "Print signature.html instead of signature.txt.")
    boolean html;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path file = dir.resolve(html ? IceSync.SIGNATURE_HTML : IceSync.SIGNATURE_TEXT);
        if (!Files.exists(file)) {
            out.println("no signature in " + TerminalText.escape(dir.toString())
                    + " yet: run icesync signature pull, or write " + IceSync.SIGNATURE_HTML + " and push it");
            return ExitCodes.OK;
        }
        try {
            // The command's writer escapes control characters other than line ends.
            out.println(Files.readString(file, StandardCharsets.UTF_8));
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("icesync: cannot read " + TerminalText.escape(file.toString()) + ": " + ExitCodes.oneLine(e));
            return ExitCodes.PROFILE;
        }
    }
}
