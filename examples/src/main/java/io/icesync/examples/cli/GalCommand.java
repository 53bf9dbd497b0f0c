package io.icesync.examples.cli;

import picocli.CommandLine.Command;

/** {@code icesync gal ...}: the Global Address List of a profile's synced contacts folders (F6.3). */
@Command(name = "gal", description = "The Global Address List: the contacts of your own, shared and public address books.",
        mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        subcommands = {GalSearchCommand.class, GalRefreshCommand.class})
final class GalCommand {
}
