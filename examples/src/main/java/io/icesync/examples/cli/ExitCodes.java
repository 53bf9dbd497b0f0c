package io.icesync.examples.cli;

import io.icesync.core.AuthenticationException;
import io.icesync.core.ConnectionException;
import io.icesync.core.UntrustedCertificateException;
import java.io.PrintWriter;

/** One-line reasons and exit codes for what can go wrong. */
final class ExitCodes {
    static final int OK = 0;
    static final int PARTIAL = 1;
    static final int USAGE = 2;
    static final int SERVER = 3;
    static final int PROFILE = 4;

    private ExitCodes() {
    }

    static int report(Exception e, PrintWriter err) {
        if (e instanceof UntrustedCertificateException u) {
            err.println("icesync: " + u.getMessage());
            if (!u.chain().isEmpty()) {
                err.println("  certificate: " + u.chain().get(0).getSubjectX500Principal().getName()
                        + ", issued by " + u.chain().get(0).getIssuerX500Principal().getName());
            }
            err.println("  to trust it, create the profile again with --trust-cert FILE.pem");
            return SERVER;
        }
        err.println("icesync: " + e.getMessage());
        if (e instanceof AuthenticationException || e instanceof ConnectionException) {
            return SERVER;
        }
        return PROFILE;
    }
}
