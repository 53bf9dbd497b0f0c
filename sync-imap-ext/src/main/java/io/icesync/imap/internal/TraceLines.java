package io.icesync.imap.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Angus' debug output cut into lines for a trace consumer, with credentials masked. Angus already
 * leaves the login exchange out of its trace ({@code mail.debug.auth=false}); this is the second
 * lock on the door: a LOGIN or AUTHENTICATE line keeps only its command, the client lines of a SASL
 * exchange are replaced, and the password itself never passes.
 */
final class TraceLines extends OutputStream {
    private static final Pattern AUTH = Pattern.compile("^(\\S+\\s+(?:LOGIN|AUTHENTICATE)\\b)(.*)$",
            Pattern.CASE_INSENSITIVE);
    private final Consumer<String> out;
    private final String password;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private String authTag;

    private TraceLines(Consumer<String> out, char[] password) {
        this.out = out;
        this.password = password == null || password.length == 0 ? null : new String(password);
    }

    static PrintStream printStream(Consumer<String> out, char[] password) {
        return new PrintStream(new TraceLines(out, password), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            flushLine();
        } else if (b != '\r') {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    private void flushLine() {
        String s = line.toString(StandardCharsets.UTF_8);
        line.reset();
        out.accept(mask(s));
    }

    String mask(String s) {
        String m = s;
        Matcher a = AUTH.matcher(s);
        if (a.matches()) {
            String cmd = a.group(1);
            if (cmd.toUpperCase(Locale.ROOT).endsWith("AUTHENTICATE")) {
                authTag = cmd.substring(0, cmd.indexOf(' '));
                String rest = a.group(2).trim();
                int sp = rest.indexOf(' ');
                // keep the mechanism, hide an initial response
                m = cmd + " " + (sp < 0 ? rest : rest.substring(0, sp) + " ****");
            } else {
                m = cmd + " ****";
            }
        } else if (authTag != null) {
            if (s.startsWith(authTag + " ")) {
                authTag = null; // the server's completion: the exchange is over
            } else if (!s.startsWith("+") && !s.startsWith("*")) {
                m = "****"; // a client line of the SASL exchange
            }
        }
        if (password != null && m.contains(password)) {
            m = m.replace(password, "****");
        }
        return m;
    }
}
