package io.icesync.examples.cli;

import io.icesync.client.IceSync;
import io.icesync.core.IceSyncException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs a subcommand's work on the profile folder it names, opened for that run: its output flushed, a
 * bad argument exit 2, any other IceSync error reported with its exit code (ExitCodes).
 */
final class OnOpenProfile {
    /** The work of one subcommand on the opened profile; returns the exit code. */
    interface Work {
        int run(IceSync sync, PrintWriter out);
    }

    private OnOpenProfile() {
    }

    static int run(CommandSpec spec, Path dir, Work work) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (IceSync sync = IceSync.open(dir)) {
            int code = work.run(sync, out);
            out.flush();
            return code;
        } catch (IllegalArgumentException e) {
            err.println("icesync: " + TerminalText.escape(e.getMessage()));
            return ExitCodes.USAGE;
        } catch (IceSyncException e) {
            return ExitCodes.report(e, err);
        }
    }
}
