package io.icesync.examples.cli;

import io.icesync.rules.AutoResponder;
import io.icesync.rules.InvalidRuleException;
import io.icesync.rules.RuleSet;
import io.icesync.rules.RulesProvider;
import java.io.IOException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code icesync responder show|set}: the auto-responder (F9.6), kept with the rules on the server. */
@Command(name = "responder", description = "Show or set the auto-responder.", mixinStandardHelpOptions = true,
        synopsisSubcommandLabel = "COMMAND", subcommands = {ResponderCommand.Show.class, ResponderCommand.Set.class})
final class ResponderCommand {

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the auto-responder on the server.")
    static final class Show extends RulesCommand.ServerCommand {
        @Option(names = "--json", description = "Print JSON (docs/cli-json.md).")
        boolean json;

        @Override
        int run(RulesProvider p, PrintWriter out) {
            AutoResponder r = p.pull().responder();
            if (json) {
                ObjectNode o = CliJson.document();
                o.put("mode", r.mode().name().toLowerCase(Locale.ROOT))
                        .put("againAfterDays", r.mode() == AutoResponder.Mode.AGAIN_AFTER_DAYS ? r.againAfterDays() : null)
                        .put("from", r.from() == null ? null : r.from().toString())
                        .put("until", r.until() == null ? null : r.until().toString());
                ArrayNode noReply = o.putArray("noReplyTo");
                r.noReplyTo().forEach(noReply::add);
                o.put("subject", r.subject()).put("text", r.text())
                        .put("locked", p.locked().contains(RulesProvider.RESPONDER));
                CliJson.print(out, o);
                return ExitCodes.OK;
            }
            out.println("mode: " + r.mode().name().toLowerCase(Locale.ROOT)
                    + (r.mode() == AutoResponder.Mode.AGAIN_AFTER_DAYS ? " (" + r.againAfterDays() + " days)" : "")
                    + (p.locked().contains(RulesProvider.RESPONDER) ? " (locked by the administrator)" : ""));
            if (r.from() != null || r.until() != null) {
                out.println("dates: " + (r.from() == null ? "..." : r.from()) + " to " + (r.until() == null ? "..." : r.until()));
            }
            if (!r.noReplyTo().isEmpty()) {
                out.println("no reply to: " + String.join(", ", r.noReplyTo()));
            }
            out.println("subject: " + r.subject());
            out.println("text:");
            out.println(r.text());
            return ExitCodes.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Set the auto-responder; the rules and forwarding on the server stay as they are.")
    static final class Set extends RulesCommand.ServerCommand {
        @Option(names = "--mode", required = true, paramLabel = "off|always|once|again",
                description = "off, always, once per sender, or again after --days.")
        String mode;

        @Option(names = "--days", paramLabel = "N", description = "With --mode again: answer a sender again after N days.")
        int days;

        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Answer from this day.")
        String from;

        @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Answer until this day.")
        String until;

        @Option(names = "--subject", paramLabel = "TEXT", description = "The subject (default: Re: %%Subject%%).")
        String subject;

        @Option(names = "--text", paramLabel = "TEXT", description = "The answer's text.")
        String text;

        @Option(names = "--text-file", paramLabel = "FILE", description = "The answer's text, from a UTF-8 file.")
        Path textFile;

        @Option(names = "--no-reply-to", paramLabel = "PATTERN", description = "Never answer these senders (* allowed; repeatable).")
        List<String> noReplyTo = new ArrayList<>();

        @Option(names = "--only-if-to-me", description = "Answer only messages addressed to the account.")
        boolean onlyIfToMe;

        @Override
        int run(RulesProvider p, PrintWriter out) throws IOException {
            AutoResponder.Mode m = switch (mode.toLowerCase(Locale.ROOT)) {
                case "off" -> AutoResponder.Mode.OFF;
                case "always" -> AutoResponder.Mode.ALWAYS;
                case "once" -> AutoResponder.Mode.ONCE_PER_SENDER;
                case "again" -> AutoResponder.Mode.AGAIN_AFTER_DAYS;
                default -> throw new InvalidRuleException("mode", "--mode is off, always, once or again, not '" + mode + "'");
            };
            String body = textFile != null ? Files.readString(textFile, StandardCharsets.UTF_8) : text;
            AutoResponder r = new AutoResponder(m, days, date(from, "--from"), date(until, "--until"), noReplyTo,
                    onlyIfToMe, null, subject, body);
            RuleSet now = p.pull();
            RulesProvider.PushReport report = p.push(now.withResponder(r));
            out.println("auto-responder set to " + mode + (report.unsupported().isEmpty() ? "" : "; approximated:"));
            report.unsupported().stream().filter(u -> u.startsWith("responder")).forEach(u -> out.println("  " + u));
            return ExitCodes.OK;
        }

        private static LocalDate date(String s, String option) {
            try {
                return s == null ? null : LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                throw new InvalidRuleException(option, "'" + s + "' is not a date like 2026-07-31");
            }
        }
    }
}
