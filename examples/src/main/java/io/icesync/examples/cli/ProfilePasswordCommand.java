package io.icesync.examples.cli;

import io.icesync.client.IceSync;
import io.icesync.client.Services;
import io.icesync.core.IceSyncException;
import io.icesync.core.InvalidSettingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code icesync profile password}: replaces the account's password, or stores one for a service whose server wants another. */
@Command(name = "password", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Store a password in DIR/secrets.json (mode 0600): the account's (after a change on the server),"
                + " or with --service the password of one service whose server wants another than the account's."})
final class ProfilePasswordCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
    Path dir;

    @Option(names = "--service", paramLabel = "NAME",
            description = "smtp, caldav, carddav, documents, freebusy or xmlapi (default: the account's own password).")
    String service;

    @ArgGroup(exclusive = true, multiplicity = "1")
    PasswordSource password;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (service != null && !Services.SERVICE_NAMES.contains(service)) {
            err.println("icesync: --service " + TerminalText.escape(service) + ": expected one of " + Services.SERVICE_NAMES);
            return ExitCodes.USAGE;
        }
        char[] pw;
        try {
            pw = password.read();
        } catch (IOException e) {
            err.println("icesync: cannot read the password from standard input: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (pw == null || pw.length == 0) {
            err.println("icesync: " + password.missing());
            return ExitCodes.USAGE;
        }
        try {
            IceSync.storePassword(dir, service, pw);
            spec.commandLine().getOut().println("password stored for " + (service == null ? "the account" : service)
                    + " in " + dir.resolve(IceSync.SECRETS_FILE));
            return ExitCodes.OK;
        } catch (InvalidSettingException e) {
            err.println("icesync: " + ExitCodes.oneLine(e));
            return ExitCodes.USAGE;
        } catch (IceSyncException e) {
            return ExitCodes.report(e, err);
        } finally {
            Arrays.fill(pw, '\0');
        }
    }
}
