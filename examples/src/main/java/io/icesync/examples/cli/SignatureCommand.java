package io.icesync.examples.cli;

import picocli.CommandLine.Command;

/** {@code icesync signature show|pull|push}: the signature kept the same here and in WebClient (F10.6). */
@Command(name = "signature", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = {"The mail signature in DIR/signature.html (and its text form DIR/signature.txt), kept the same "
                + "as WebClient's through IceWarp's XML API. With the setting syncSignature on, every full sync does it: "
                + "the side that changed wins; when both changed, the conflictPolicy setting chooses and the other "
                + "is kept in DIR/signature.conflict.html."},
        subcommands = {SignatureShowCommand.class, SignatureTransferCommand.Pull.class,
            SignatureTransferCommand.Push.class})
final class SignatureCommand {
}
