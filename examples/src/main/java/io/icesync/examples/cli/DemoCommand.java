package io.icesync.examples.cli;

import io.icesync.examples.demo.Demo;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code icesync demo}: the whole job on an embedded server, nothing to set up. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an IMAP server in this process with a seeded account, sync it into DIR, change both "
                + "sides, sync again and report what moved where.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", description = "Where to put the profile folder (default: a new temporary folder).")
    Path dir;

    static final int MAX_MESSAGES = 100_000;

    @Option(names = "--messages", paramLabel = "N", description = "How many messages to seed, 0 to " + MAX_MESSAGES
            + " (default ${DEFAULT-VALUE}).")
    int messages = 300;

    @Override
    public Integer call() throws Exception {
        if (messages < 0 || messages > MAX_MESSAGES) {
            throw new ParameterException(spec.commandLine(), "--messages must be between 0 and " + MAX_MESSAGES
                    + ", got " + messages);
        }
        return new Demo(spec.commandLine().getOut(), Terminal.interactive()).run(dir, messages);
    }
}
