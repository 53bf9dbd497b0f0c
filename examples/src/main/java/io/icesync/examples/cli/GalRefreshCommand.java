package io.icesync.examples.cli;

import io.icesync.client.IceSync;
import io.icesync.core.IceSyncException;
import io.icesync.groupware.gal.AddressList;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code icesync gal refresh --dir DIR}: syncs the contacts folders now and reads the address list again (F6.3). */
@Command(name = "refresh", mixinStandardHelpOptions = true,
        description = "Sync the contacts folders now and read the address list again (a scheduled sync does it every galInterval"
                + " when galSync is on).")
final class GalRefreshCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (IceSync sync = CliTokens.open(dir)) {
            AddressList gal = sync.refreshAddressList();
            out.println("address list refreshed: " + gal.size() + " entries");
            return ExitCodes.OK;
        } catch (IceSyncException e) {
            return ExitCodes.report(e, spec.commandLine().getErr());
        }
    }
}
