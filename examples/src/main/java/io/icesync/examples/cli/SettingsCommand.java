package io.icesync.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.client.IceSync;
import io.icesync.client.InvalidProfileException;
import io.icesync.client.Profile;
import io.icesync.core.IceSyncException;
import io.icesync.core.InvalidSettingException;
import io.icesync.core.PolicyLockedException;
import io.icesync.core.settings.PolicyLevel;
import io.icesync.core.settings.SettingsJson;
import io.icesync.core.settings.SettingsPolicy;
import io.icesync.core.settings.SyncSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code icesync settings show|set}: a profile's sync settings (F10.1) under its administrator's policy (F10.2). */
@Command(name = "settings", description = "Show or change a profile's sync settings.", mixinStandardHelpOptions = true,
        synopsisSubcommandLabel = "COMMAND", subcommands = {SettingsCommand.Show.class, SettingsCommand.Set.class})
final class SettingsCommand {
    static final ObjectMapper JSON = CliJson.MAPPER;

    private SettingsCommand() {
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Every setting with its effective value, the policy that locks it (DIR/policy.json, if any) "
                    + "and the values it accepts. Reads the folder only: it works while icesync sync runs."})
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
        Path dir;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            SettingsPolicy policy;
            SyncSettings effective;
            try {
                policy = IceSync.readPolicy(dir);
                effective = policy.apply(IceSync.readProfile(dir).settings());
            } catch (IceSyncException e) {
                return ExitCodes.report(e, spec.commandLine().getErr());
            }
            JsonNode values = JSON.readTree(SettingsJson.write(effective));
            if (json) {
                ArrayNode a = JSON.createArrayNode();
                for (String name : SettingsJson.names()) {
                    Optional<PolicyLevel> lock = policy.lockedAt(name);
                    ObjectNode o = a.addObject().put("name", name);
                    o.set("value", values.get(name));
                    o.put("locked", lock.isPresent()).put("lockedBy", lock.map(SettingsCommand::level).orElse(null))
                            .put("allowed", SettingsJson.allowedValues(name));
                }
                ObjectNode root = CliJson.document();
                root.set("settings", a);
                ArrayNode w = root.putArray("warnings");
                effective.warnings().forEach(w::add);
                out.println(JSON.writeValueAsString(root));
                return ExitCodes.OK;
            }
            int width = SettingsJson.names().stream().mapToInt(String::length).max().orElse(0);
            for (String name : SettingsJson.names()) {
                String lock = policy.lockedAt(name).map(l -> "  [locked by the " + level(l) + " policy]").orElse("");
                out.println(TerminalText.escape(String.format("%-" + width + "s  %s%s  (%s)", name, values.get(name),
                        lock, SettingsJson.allowedValues(name))));
            }
            effective.warnings().forEach(w -> out.println("warning: " + TerminalText.escape(w)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Change one setting in DIR/profile.json (written whole or not at all), checked as the profile "
                    + "reads it; refused when the policy locks it. Applies from the next icesync sync (the folder must "
                    + "not be in use).",
                "NAME is a name of icesync settings show; the unit may be left out (galInterval = galIntervalMinutes). "
                    + "VALUE is written in the unit the name says, as a plain number (galIntervalMinutes 90, not 90m "
                    + "or 1h30), true or false, one of the values shown, or for folderSelections a JSON object "
                    + "such as {\"INBOX\":\"PRIORITY\"}."})
    static final class Set implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder.")
        Path dir;

        @Parameters(index = "0", paramLabel = "NAME", description = "The setting.")
        String name;

        @Parameters(index = "1", paramLabel = "VALUE", description = "Its new value.")
        String value;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                SettingsPolicy policy = IceSync.readPolicy(dir);
                String setting = SettingValues.canonicalName(name);
                Profile saved = IceSync.updateProfile(dir, p -> p.withSettings(
                        policy.update(p.settings(), b -> SettingValues.with(p.settings(), setting, value).toBuilder())));
                SyncSettings effective = policy.apply(saved.settings());
                JsonNode now = JSON.readTree(SettingsJson.write(effective)).get(setting);
                out.println(TerminalText.escape(setting + " = " + now) + " (from the next sync)");
                effective.warnings().forEach(w -> err.println("icesync: warning: " + TerminalText.escape(w)));
                return ExitCodes.OK;
            } catch (PolicyLockedException e) {
                err.println("icesync: " + ExitCodes.oneLine(e));
                err.println("  the administrator's policy (" + dir.resolve(IceSync.POLICY_FILE) + ") decides it");
                return ExitCodes.USAGE;
            } catch (InvalidProfileException e) {
                return ExitCodes.report(e, err); // the folder's files, not the command line
            } catch (InvalidSettingException e) {
                err.println("icesync: " + ExitCodes.oneLine(e));
                return ExitCodes.USAGE;
            } catch (IceSyncException e) {
                return ExitCodes.report(e, err);
            }
        }
    }

    static String level(PolicyLevel l) {
        return l.name().toLowerCase(Locale.ROOT);
    }
}
