package io.icesync.examples.cli;

import io.icesync.client.IceSync;
import io.icesync.client.SignatureOutcome;
import io.icesync.core.IceSyncException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code icesync signature pull|push --dir DIR}: one side of the signature over the other, now. */
abstract class SignatureTransferCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
    Path dir;

    abstract SignatureOutcome run(IceSync sync);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (IceSync sync = CliTokens.open(dir)) {
            SignatureOutcome o = run(sync);
            out.println(switch (o) {
                case PULLED -> "signature pulled from WebClient into " + IceSync.SIGNATURE_HTML + " and "
                        + IceSync.SIGNATURE_TEXT;
                case PUSHED -> "signature pushed to WebClient";
                default -> "signature unchanged: both sides hold the same";
            });
            return ExitCodes.OK;
        } catch (IceSyncException e) {
            return ExitCodes.report(e, spec.commandLine().getErr());
        }
    }

    @Command(name = "pull", mixinStandardHelpOptions = true,
            description = "Write WebClient's signature into DIR/signature.html and signature.txt, over any change here.")
    static final class Pull extends SignatureTransferCommand {
        @Override
        SignatureOutcome run(IceSync sync) {
            return sync.pullSignature();
        }
    }

    @Command(name = "push", mixinStandardHelpOptions = true,
            description = "Write DIR/signature.html (or signature.txt, when only it was edited) to WebClient, over "
                    + "WebClient's. Exit 3 when the administrator locked the signature or the server has no XML API.")
    static final class Push extends SignatureTransferCommand {
        @Override
        SignatureOutcome run(IceSync sync) {
            return sync.pushSignature();
        }
    }
}
