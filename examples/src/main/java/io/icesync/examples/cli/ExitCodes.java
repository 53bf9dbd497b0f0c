package io.icesync.examples.cli;

import io.icesync.core.AuthenticationException;
import io.icesync.core.ConnectionException;
import io.icesync.core.PolicyLockedException;
import io.icesync.core.ProtocolException;
import io.icesync.core.UntrustedCertificateException;
import io.icesync.core.engine.MassDeleteException;
import java.io.PrintWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Exit codes (listed in {@code icesync --help}) and the one-line reasons printed with them. */
final class ExitCodes {
    static final int OK = 0;
    static final int PARTIAL = 1;
    static final int USAGE = 2;
    static final int SERVER = 3;
    static final int PROFILE = 4;
    static final int MASS_DELETE = 5;
    /** {@code icesync sync --folder} named a folder the profile never synced (a typo, or a folder not synced yet). */
    static final int UNKNOWN_FOLDER = 6;
    /**
     * EX_SOFTWARE (sysexits.h): an internal error, a bug or a fatal error (out of memory) that stopped the
     * scheduled sync; a supervisor should start it again.
     */
    static final int FATAL = 70;
    /** 128 + SIGINT, as shells report it; after SIGTERM the JVM exits with 143. */
    static final int INTERRUPTED = 130;

    private static final Logger LOG = LoggerFactory.getLogger(CliLogging.CLI_LOGGER);

    private ExitCodes() {
    }

    /** Prints why a command failed (one line, then hints) and returns the exit code for it. */
    static int report(Exception e, PrintWriter err) {
        // For the profile's log file; the console has the line below. The stack only at debug level.
        if (LOG.isDebugEnabled()) {
            LOG.error("failed: {}", oneLine(e), e);
        } else {
            LOG.error("failed: {}", oneLine(e));
        }
        if (!(e instanceof MassDeleteException)) {
            err.println("icesync: " + oneLine(e));
        }
        if (e instanceof io.icesync.core.CertificateNameMismatchException) {
            err.println("  the certificate is trusted but names other hosts: use the server name it holds");
            return SERVER;
        }
        if (e instanceof UntrustedCertificateException u) {
            if (!u.chain().isEmpty()) {
                X509Certificate c = u.chain().get(0);
                err.println("  certificate: " + c.getSubjectX500Principal().getName() + ", issued by "
                        + c.getIssuerX500Principal().getName() + ", SHA-256 " + sha256(c));
            }
            err.println("  if you trust this server, save its certificate as PEM and create the profile with"
                    + " --trust-cert FILE.pem");
            err.println("  (e.g. openssl s_client -connect HOST:PORT [-starttls imap] -showcerts </dev/null)");
            return SERVER;
        }
        if (e instanceof AuthenticationException) {
            err.println("  check the login and the password (icesync profile create stores them; run it again"
                    + " in a new folder to change them)");
            return SERVER;
        }
        if (e instanceof MassDeleteException m) {
            err.println("icesync: stopped before deleting; nothing of this was deleted:");
            for (MassDeleteException.Refusal r : m.refusals()) {
                err.println("  " + TerminalText.escape(r.describe()));
            }
            err.println("  if a disk is not mounted or a folder was moved away, put it back and sync again;"
                    + " if these deletions are what you want, run the sync once with --allow-mass-delete");
            return MASS_DELETE;
        }
        if (e instanceof PolicyLockedException) {
            err.println("  the server's administrator decides this setting; the rest was left unchanged");
            return SERVER;
        }
        if (e instanceof io.icesync.core.MissingRightException) {
            err.println("  only someone with the administer right there (its owner) can give it to you");
            return SERVER;
        }
        if (e instanceof io.icesync.client.InheritedRightsException
                || e instanceof io.icesync.client.ShareNotFoundException) {
            return USAGE;
        }
        if (e instanceof ConnectionException || e instanceof ProtocolException) {
            return SERVER;
        }
        String m = String.valueOf(e.getMessage());
        if (m.contains("never synchronised")) {
            err.println("  run icesync sync with --first-sync upload_local (keep the local mail and upload it) or"
                    + " --first-sync delete_local (replace it with the server's)");
        }
        return PROFILE;
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        int nl = m.indexOf('\n');
        return TerminalText.escape(nl < 0 ? m : m.substring(0, nl));
    }

    private static String sha256(X509Certificate c) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return "(unknown)";
        }
    }
}
