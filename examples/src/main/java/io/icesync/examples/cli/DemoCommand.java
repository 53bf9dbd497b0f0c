package io.icesync.examples.cli;

import io.icesync.examples.demo.Demo;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @Option(names = "--messages", description = "How many messages to seed (default ${DEFAULT-VALUE}).")
    int messages = 300;

    @Override
    public Integer call() throws Exception {
        return new Demo(spec.commandLine().getOut(), System.console() != null).run(dir, messages);
    }
}
