package io.icesync.examples.cli;

import io.icesync.testkit.Fixtures;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.MailServerModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code icesync server}: the testkit's IceWarp-like server as a process of its own (IMAP, IMAPS, POP3,
 * POP3S, SMTP submission, HTTP and HTTPS with WebDAV, SmartDiscover, the XML API and free/busy), for
 * clients in other languages and manual poking, as GreenMail's standalone jar. It prints where it
 * listens as one JSON document on stdout and serves until SIGINT or SIGTERM.
 */
@Command(name = "server", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the IceWarp-like test server (in memory) until SIGINT or SIGTERM.",
            "Prints one JSON object on stdout: its ports, URLs, accounts and certificate (docs/cli-json.md).",
            "Ports are free ones unless given (0 = a free one). Only for tests: it keeps everything in memory."})
final class ServerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    IceSyncCli cli;

    @Option(names = "--fixture", paramLabel = "FILE",
            description = "Accounts, folders and messages to serve (.json, .yaml or .yml; see the testkit's Fixtures).")
    Path fixture;

    @Option(names = "--user", paramLabel = "ADDR", description = "An account to add (with --password-env).")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Name of the environment variable that holds --user's password (never the password itself).")
    String passwordEnv;

    @ArgGroup(exclusive = false, heading = "Ports (default 0, a free one):%n")
    Ports ports = new Ports();

    /** The fixed ports asked for; 0 is a free one. */
    static final class Ports {
        @Option(names = "--imap-port", paramLabel = "N", description = "IMAP, STARTTLS offered.")
        int imap;
        @Option(names = "--imaps-port", paramLabel = "N", description = "IMAP over TLS.")
        int imaps;
        @Option(names = "--pop3-port", paramLabel = "N", description = "POP3, STLS offered.")
        int pop3;
        @Option(names = "--pop3s-port", paramLabel = "N", description = "POP3 over TLS.")
        int pop3s;
        @Option(names = "--smtp-port", paramLabel = "N", description = "SMTP submission, STARTTLS and AUTH offered.")
        int smtp;
        @Option(names = "--http-port", paramLabel = "N", description = "HTTP: WebDAV, SmartDiscover, XML API, free/busy.")
        int http;
        @Option(names = "--https-port", paramLabel = "N", description = "The same over HTTPS.")
        int https;
    }

    @Override
    public Integer call() {
        IceWarpServer.Builder b = IceWarpServer.builder().model(model());
        try {
            b.ports(ports.imap, ports.imaps).pop3Ports(ports.pop3, ports.pop3s).smtpPort(ports.smtp)
                    .httpPorts(ports.http, ports.https);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        IceWarpServer server;
        try {
            server = b.start();
        } catch (RuntimeException e) {
            // A port another program holds: the option's value cannot be used.
            err.println("icesync: the server could not start: " + ExitCodes.oneLine(e));
            err.println("  give other ports, or 0 for free ones");
            return ExitCodes.USAGE;
        }
        CountDownLatch stop = cli.stopRequested();
        StopOnSignal signal = new StopOnSignal(stop, "icesync-server-stop");
        try {
            CliJson.print(out, ServerJson.document(server));
            err.println("icesync: test server running; SIGINT (Ctrl-C) or SIGTERM stops it");
            err.flush();
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                server.close();
                err.println("icesync: test server stopped");
                err.flush();
            } finally {
                signal.close();
            }
        }
        return ExitCodes.OK;
    }

    /** The fixture's accounts and --user's, or a usage error that says what is missing or wrong. */
    private MailServerModel model() {
        if (fixture == null && user == null) {
            throw new ParameterException(spec.commandLine(),
                    "give --fixture FILE or --user ADDR --password-env VAR: the server needs an account");
        }
        if ((user == null) != (passwordEnv == null)) {
            throw new ParameterException(spec.commandLine(), "--user and --password-env go together");
        }
        MailServerModel model;
        try {
            model = fixture == null ? new MailServerModel() : Fixtures.load(fixture);
        } catch (RuntimeException e) {
            throw new ParameterException(spec.commandLine(), "--fixture " + fixture + ": " + ExitCodes.oneLine(e));
        }
        if (user != null) {
            String password = System.getenv(passwordEnv);
            if (password == null || password.isEmpty()) {
                throw new ParameterException(spec.commandLine(),
                        "--password-env: the environment variable " + passwordEnv + " is not set or empty");
            }
            if (!user.matches("[^@\\s]+@[^@\\s]+")) {
                throw new ParameterException(spec.commandLine(), "--user " + user + ": not an e-mail address");
            }
            if (model.find(user).isPresent()) {
                throw new ParameterException(spec.commandLine(), "--user " + user + ": the fixture has it already");
            }
            model.addAccount(user, password);
        }
        return model;
    }
}
