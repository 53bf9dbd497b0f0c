package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A run gets only the command it names, and that command reads, helps and inherits exactly as it does
 * among all of them; a run that names none (help, version, a mistyped name) gets every command.
 */
class CommandSelectionTest {
    static CommandLine line(boolean all, String... args) {
        return IceSyncCli.withCommands(new CommandLine(new IceSyncCli()), args, all);
    }

    static String name(Class<?> c) {
        return c.getAnnotation(Command.class).name();
    }

    /** The usage text of a command and of each command below it, by path. */
    static void usages(String path, CommandLine cl, Map<String, String> out) {
        out.put(path, cl.getUsageMessage(CommandLine.Help.Ansi.OFF));
        cl.getSubcommands().forEach((n, sub) -> usages(path + " " + n, sub, out));
    }

    @Test
    void eachCommandAloneReadsAndHelpsAsAmongAll() {
        CommandLine full = line(true);
        for (Class<?> c : IceSyncCli.COMMANDS) {
            String name = name(c);
            CommandLine lazy = line(false, "-v", "--log-level", "debug", name, "--dir", "x");

            assertThat(lazy.getSubcommands().values()).as(name)
                    .allMatch(s -> s.getCommandSpec().userObject().getClass() == c).isNotEmpty();
            Map<String, String> expected = new java.util.TreeMap<>();
            Map<String, String> actual = new java.util.TreeMap<>();
            usages(name, full.getSubcommands().get(name), expected);
            usages(name, lazy.getSubcommands().get(name), actual);
            assertThat(actual).as(name).isEqualTo(expected);
            // The options every command inherits (-v, --log-level) are there too.
            assertThat(lazy.getSubcommands().get(name).getCommandSpec().findOption("--log-level")).as(name).isNotNull();
        }
    }

    @Test
    void runsThatNameNoCommandGetThemAll() {
        for (String[] args : new String[][] {{}, {"--help"}, {"-V"}, {"--log-level", "sync"}, {"snyc", "--dir", "x"}}) {
            assertThat(line(false, args).getSubcommands()).as(String.join(" ", args))
                    .hasSizeGreaterThanOrEqualTo(IceSyncCli.COMMANDS.size());
        }
    }

    @Test
    void theTopHelpStillListsEveryCommandAndAMistypedOneIsStillSuggested() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        new IceSyncCli().execute(new PrintWriter(out), new PrintWriter(err), "--help");
        for (Class<?> c : IceSyncCli.COMMANDS) {
            assertThat(out.toString()).contains("  " + name(c) + " ");
        }
        StringWriter err2 = new StringWriter();
        int code = new IceSyncCli().execute(new PrintWriter(new StringWriter()), new PrintWriter(err2), "statsu");
        assertThat(code).isEqualTo(2);
        assertThat(err2.toString()).contains("status");
    }
}
