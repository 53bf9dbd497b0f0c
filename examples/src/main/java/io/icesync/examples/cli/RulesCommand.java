package io.icesync.examples.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.icesync.client.IceSync;
import io.icesync.core.Endpoint;
import io.icesync.core.IceSyncException;
import io.icesync.core.Security;
import io.icesync.rules.DeliveryContext;
import io.icesync.rules.DryRun;
import io.icesync.rules.Rule;
import io.icesync.rules.RuleSet;
import io.icesync.rules.RulesJson;
import io.icesync.rules.RulesProvider;
import io.icesync.rules.SieveExport;
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

/** {@code icesync rules ...}: server-side rules in the JSON format of docs/rules-format.md (F9). */
@Command(name = "rules", description = "Server-side rules: test them on a message, export them as Sieve, pull and push them.",
        mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        subcommands = {RulesCommand.Test.class, RulesCommand.ExportSieve.class, RulesCommand.Pull.class,
            RulesCommand.ListRules.class, RulesCommand.Push.class})
final class RulesCommand {

    static RuleSet readFile(Path file) throws IOException {
        return RulesJson.read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    static Endpoint sieve(String hostPort) {
        return hostPort == null ? null : Endpoint.parse(hostPort, Security.STARTTLS);
    }

    /**
     * {@code --api} or {@code --sieve} when given; otherwise what the server offers: IceWarp's API at
     * https://IMAP-HOST/icewarpapi/, else ManageSieve on the IMAP host's port 4190.
     */
    static RulesProvider provider(IceSync sync, java.net.URI api, String sieve) {
        if (api != null) {
            return sync.icewarpRules(api);
        }
        if (sieve != null) {
            return sync.sieveRules(sieve(sieve));
        }
        return sync.rules(null, null);
    }

    @Command(name = "test", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Dry run: which rules match a message, and what would be done with it.")
    static final class Test implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--file", required = true, paramLabel = "RULES.json", description = "The rules.")
        Path file;

        @Option(names = "--message", required = true, paramLabel = "FILE.eml", description = "The message (RFC 5322).")
        Path message;

        @Option(names = "--context", paramLabel = "CTX.json", description = "What the server knows of the delivery "
                + "(account, smtpSender, senderIp, spam, smtpAuth, localTime, localAccounts, repliedTo...).")
        Path context;

        @Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                RuleSet set = readFile(file);
                ObjectMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule())
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
                DeliveryContext ctx = context == null ? DeliveryContext.to(null)
                        : mapper.readValue(Files.readString(context), DeliveryContext.class);
                DryRun.Result r = DryRun.run(set, Files.readAllBytes(message), ctx);
                if (json) {
                    ObjectNode doc = CliJson.document();
                    doc.setAll((ObjectNode) mapper.valueToTree(r));
                    CliJson.print(out, doc);
                    return ExitCodes.OK;
                }
                if (r.matched().isEmpty()) {
                    out.println("no rule matches");
                }
                for (DryRun.Match m : r.matched()) {
                    out.println("rule " + (m.index() + 1) + " \"" + m.rule() + "\" matches:");
                    m.actions().forEach(a -> out.println("  " + a));
                }
                if (r.stoppedBy() != null) {
                    out.println("processing stops after \"" + r.stoppedBy() + "\"");
                }
                if (!r.forwardedTo().isEmpty()) {
                    out.println("forwarded to " + String.join(", ", r.forwardedTo()) + (r.keptAfterForward()
                            ? " (a copy kept)" : " (no copy kept)"));
                }
                out.println(r.reply() != null ? "auto-reply to " + r.reply().to() + ": " + r.reply().subject()
                        : "no auto-reply: " + r.noReplyBecause());
                return ExitCodes.OK;
            } catch (IceSyncException e) {
                err.println("icesync: " + ExitCodes.oneLine(e));
                return ExitCodes.USAGE;
            } catch (IOException e) {
                err.println("icesync: " + TerminalText.escape(e.getMessage()));
                return ExitCodes.USAGE;
            }
        }
    }

    @Command(name = "export-sieve", mixinStandardHelpOptions = true,
            description = "Print the rules as a Sieve script; what Sieve cannot say is listed on stderr.")
    static final class ExportSieve implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--file", required = true, paramLabel = "RULES.json", description = "The rules.")
        Path file;

        @Override
        public Integer call() {
            try {
                SieveExport.Result r = SieveExport.export(readFile(file));
                spec.commandLine().getOut().print(r.script());
                r.unsupported().forEach(u -> spec.commandLine().getErr().println("not in Sieve: " + u));
                return ExitCodes.OK;
            } catch (IceSyncException e) {
                spec.commandLine().getErr().println("icesync: " + ExitCodes.oneLine(e));
                return ExitCodes.USAGE;
            } catch (IOException e) {
                spec.commandLine().getErr().println("icesync: " + TerminalText.escape(e.getMessage()));
                return ExitCodes.USAGE;
            }
        }
    }

    /** Options of the commands that talk to the server. */
    abstract static class ServerCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
        Path dir;

        @Option(names = "--api", paramLabel = "URL", description = "Use IceWarp's XML API at this address "
                + "(such as https://mail.example.com/icewarpapi/).")
        java.net.URI api;

        @Option(names = "--sieve", paramLabel = "HOST:PORT", description = "Use ManageSieve at this address (STARTTLS).")
        String sieve;

        @Override
        public Integer call() {
            try (IceSync sync = CliTokens.open(dir); RulesProvider p = provider(sync, api, sieve)) {
                return run(p, spec.commandLine().getOut());
            } catch (IceSyncException e) {
                return ExitCodes.report(e, spec.commandLine().getErr());
            } catch (IOException e) {
                spec.commandLine().getErr().println("icesync: " + TerminalText.escape(e.getMessage()));
                return ExitCodes.USAGE;
            }
        }

        abstract int run(RulesProvider p, PrintWriter out) throws IOException;
    }

    @Command(name = "pull", mixinStandardHelpOptions = true, description = "Print the rules on the server as JSON.")
    static final class Pull extends ServerCommand {
        @Override
        int run(RulesProvider p, PrintWriter out) {
            out.print(RulesJson.write(p.pull()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the rules on the server, one a line.")
    static final class ListRules extends ServerCommand {
        @Option(names = "--json", description = "Print JSON (docs/cli-json.md).")
        boolean json;

        @Override
        int run(RulesProvider p, PrintWriter out) {
            RuleSet set = p.pull();
            if (json) {
                CliJson.print(out, json(p, set));
                return ExitCodes.OK;
            }
            int i = 1;
            for (Rule r : set.rules()) {
                out.println(i++ + ". " + (r.enabled() ? "[on]  " : "[off] ") + r.name() + " (" + r.then().size() + " actions)");
            }
            p.skipped().forEach(s -> out.println("-. [kept] " + s));
            out.println("forwarding: " + (set.forwarding().active() ? String.join(", ", set.forwarding().to()) : "off")
                    + locked(p, RulesProvider.FORWARDING));
            out.println("auto-responder: " + set.responder().mode().name().toLowerCase(java.util.Locale.ROOT)
                    + locked(p, RulesProvider.RESPONDER));
            return ExitCodes.OK;
        }
    }

    private static ObjectNode json(RulesProvider p, RuleSet set) {
        ObjectNode o = CliJson.document();
        ArrayNode rules = o.putArray("rules");
        int i = 1;
        for (Rule r : set.rules()) {
            rules.addObject().put("index", i++).put("name", r.name()).put("enabled", r.enabled())
                    .put("actions", r.then().size());
        }
        ArrayNode kept = o.putArray("keptOnServer");
        p.skipped().forEach(kept::add);
        ObjectNode fw = o.putObject("forwarding");
        fw.put("active", set.forwarding().active()).put("locked", p.locked().contains(RulesProvider.FORWARDING));
        ArrayNode to = fw.putArray("to");
        set.forwarding().to().forEach(to::add);
        fw.put("keepCopy", set.forwarding().keepCopy());
        o.putObject("responder").put("mode", set.responder().mode().name().toLowerCase(java.util.Locale.ROOT))
                .put("locked", p.locked().contains(RulesProvider.RESPONDER));
        return o;
    }

    private static String locked(RulesProvider p, String what) {
        return p.locked().contains(what) ? " (locked by the administrator)" : "";
    }

    @Command(name = "push", mixinStandardHelpOptions = true, description = "Replace the rules on the server with a file's.")
    static final class Push extends ServerCommand {
        @Option(names = "--file", required = true, paramLabel = "RULES.json", description = "The rules.")
        Path file;

        @Override
        int run(RulesProvider p, PrintWriter out) throws IOException {
            RulesProvider.PushReport report = p.push(readFile(file));
            out.println("rules pushed" + (report.unsupported().isEmpty() ? "" : "; the server's language could not hold:"));
            report.unsupported().forEach(u -> out.println("  " + u));
            return report.unsupported().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
        }
    }
}
