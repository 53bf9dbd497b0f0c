package io.icesync.examples.cli;

import io.icesync.client.IceSync;
import io.icesync.core.Account;
import io.icesync.core.IceSyncException;
import io.icesync.groupware.freebusy.FreeBusy;
import io.icesync.groupware.freebusy.FreeBusyClient;
import io.icesync.groupware.freebusy.FreeBusyException;
import io.icesync.groupware.freebusy.FreeBusyTemplate;
import io.icesync.groupware.freebusy.FreeBusyTemplateException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code icesync freebusy ADDRESS --dir DIR}: when a participant is busy (F6.4), from the server's
 * free/busy URL, with the profile's accepted certificates, and its login and password over HTTPS only.
 */
@Command(name = "freebusy", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show when a participant is busy, as the server's free/busy service publishes it.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:done",
            " 2:wrong usage (bad date or template)",
            " 3:the server refused or failed, or its certificate is not trusted",
            " 4:the profile folder could not be used"})
final class FreeBusyCommand implements Callable<Integer> {
    static final String DEFAULT_PATH = "/freebusy/?%NAME%@%SERVER%";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ADDRESS", description = "The participant's e-mail address.")
    String address;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The profile folder (login, password, certificates).")
    Path dir;

    @Option(names = "--from", paramLabel = "DATE", description = "First day, YYYY-MM-DD (default: today).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day, included (default: six days after --from: one week).")
    LocalDate to;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--template", paramLabel = "TEMPLATE",
            description = "The free/busy URL, %%NAME%% and %%SERVER%% standing for the address's parts (default:"
                    + " the profile's, else https://IMAP-HOST" + "/freebusy/?%%NAME%%@%%SERVER%%).")
    String template;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ZoneId zone = ZoneId.systemDefault();
        LocalDate first = from != null ? from : LocalDate.now(zone);
        LocalDate last = to != null ? to : first.plusDays(6);
        if (last.isBefore(first)) {
            err.println("icesync: --to " + last + " is before --from " + first);
            return ExitCodes.USAGE;
        }
        if (address.indexOf('@') <= 0) {
            err.println("icesync: " + address + " is not an e-mail address");
            return ExitCodes.USAGE;
        }
        Instant start = first.atStartOfDay(zone).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
        try (IceSync sync = CliTokens.open(dir)) {
            Account account = sync.profile().account();
            FreeBusyTemplate t;
            try {
                String profiles = sync.profile().services().freeBusy();
                t = FreeBusyTemplate.parse(template != null ? template : profiles != null ? profiles
                        : "https://" + host(account) + DEFAULT_PATH);
            } catch (FreeBusyTemplateException e) {
                err.println("icesync: " + ExitCodes.oneLine(e));
                return ExitCodes.USAGE;
            }
            FreeBusy fb;
            try (FreeBusyClient client = sync.freeBusy(t)) {
                fb = client.fetch(address, start, end);
            }
            FreeBusyOutput output = new FreeBusyOutput(zone);
            out.println(json ? output.json(fb) : output.text(fb));
            out.flush();
            return ExitCodes.OK;
        } catch (FreeBusyException e) {
            err.println("icesync: " + ExitCodes.oneLine(e));
            return ExitCodes.SERVER;
        } catch (IceSyncException e) {
            return ExitCodes.report(e, err);
        }
    }

    private static String host(Account a) {
        String h = a.imap().host();
        return h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h;
    }
}
