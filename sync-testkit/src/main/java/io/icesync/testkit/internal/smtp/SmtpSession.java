package io.icesync.testkit.internal.smtp;

import io.icesync.testkit.MailServerModel;
import io.icesync.testkit.SentMail;
import io.icesync.testkit.internal.net.LineSession;
import io.icesync.testkit.internal.net.OAuthLogin;
import io.netty.handler.ssl.SslContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SMTP submission (RFC 5321, 4954, 3207) that records every message and delivers it to the INBOX of
 * recipients that are accounts of the model, as a server would.
 */
final class SmtpSession extends LineSession {
    private static final Pattern PATH = Pattern.compile("(?i)^(MAIL FROM|RCPT TO):\\s*<([^>]*)>(.*)$");

    private final MailServerModel model;
    private final SslContext tls;
    private final List<SentMail> sent;
    private final long maxSize;
    private boolean greeted;
    private String login;
    private String from;
    private final List<String> rcpts = new ArrayList<>();
    private ByteArrayOutputStream data;
    private boolean dataTooBig;
    private int authStep;
    private String authUser;
    /** A token mechanism whose error challenge was sent: the client's next line ends the exchange with 535. */
    private boolean tokenRefused;
    /** A token mechanism asked without an initial response: the client's next line is its message. */
    private String tokenMech;

    SmtpSession(MailServerModel model, SslContext tls, List<SentMail> sent, long maxSize, Consumer<String> trace) {
        super("SMTP", trace);
        this.model = model;
        this.tls = tls;
        this.sent = sent;
        this.maxSize = maxSize;
    }

    @Override
    protected void greet() {
        send("220 127.0.0.1 ESMTP IceSync test server");
    }

    @Override
    protected void tooLong() {
        send("500 5.5.6 line too long");
    }

    @Override
    protected void line(byte[] raw) {
        if (data != null) {
            dataLine(raw);
            return;
        }
        String line = text(raw);
        if (tokenRefused || tokenMech != null) {
            traceIn("<credentials>");
            tokenStep(line);
            return;
        }
        if (authStep > 0) {
            traceIn("<credentials>");
            authLogin(line);
            return;
        }
        String upper = line.toUpperCase(Locale.ROOT);
        String verb = upper.split(" ", 2)[0];
        traceIn(verb.equals("AUTH") ? "AUTH <credentials>" : line);
        switch (verb) {
            case "EHLO" -> {
                greeted = true;
                reset();
                send("250-127.0.0.1 Hello");
                send("250-PIPELINING");
                send("250-8BITMIME");
                send("250-SIZE " + maxSize);
                send("250-ENHANCEDSTATUSCODES");
                if (tls != null && !tlsActive()) {
                    send("250-STARTTLS");
                }
                send("250 AUTH PLAIN LOGIN XOAUTH2 OAUTHBEARER");
            }
            case "HELO" -> {
                greeted = true;
                reset();
                send("250 127.0.0.1");
            }
            case "STARTTLS" -> {
                if (tls == null || tlsActive()) {
                    send("454 4.7.0 TLS not available");
                } else {
                    greeted = false;
                    reset();
                    startTls(tls, "220 2.0.0 Ready to start TLS");
                }
            }
            case "AUTH" -> auth(line);
            case "MAIL" -> mail(line);
            case "RCPT" -> rcpt(line);
            case "DATA" -> {
                if (from == null || rcpts.isEmpty()) {
                    send("503 5.5.1 MAIL and RCPT first");
                } else {
                    data = new ByteArrayOutputStream();
                    dataTooBig = false;
                    send("354 End data with <CR><LF>.<CR><LF>");
                }
            }
            case "RSET" -> {
                reset();
                send("250 2.0.0 OK");
            }
            case "NOOP" -> send("250 2.0.0 OK");
            case "VRFY" -> send("252 2.1.5 Cannot VRFY user");
            case "QUIT" -> {
                send("221 2.0.0 Bye");
                close();
            }
            default -> send("500 5.5.2 unknown command " + verb);
        }
    }

    private void auth(String line) {
        if (login != null) {
            send("503 5.5.1 already authenticated");
            return;
        }
        String[] a = line.split(" ");
        if (a.length >= 2 && a[1].equalsIgnoreCase("LOGIN")) {
            if (a.length == 3) {
                authUser = decode(a[2]);
                authStep = 2;
                send("334 UGFzc3dvcmQ6");
            } else {
                authStep = 1;
                send("334 VXNlcm5hbWU6");
            }
            return;
        }
        if (a.length >= 2 && OAuthLogin.handles(a[1])) {
            if (a.length == 3) {
                tokenMech = a[1];
                tokenStep(a[2]);
            } else {
                tokenMech = a[1];
                send("334 ");
            }
            return;
        }
        if (a.length != 3 || !a[1].equalsIgnoreCase("PLAIN")) {
            send("504 5.5.4 AUTH PLAIN with an initial response, or AUTH LOGIN");
            return;
        }
        String plain = decode(a[2]);
        String[] f = plain == null ? new String[0] : plain.split("\0", -1);
        if (f.length != 3) {
            send("501 5.5.2 the PLAIN response must be authzid NUL login NUL password");
            return;
        }
        check(f[1], f[2]);
    }

    private void tokenStep(String line) {
        String mech = tokenMech;
        tokenMech = null;
        if (tokenRefused) {
            tokenRefused = false;
            send("535 5.7.8 Authentication credentials invalid");
            return;
        }
        if (line.trim().equals("*")) {
            send("501 5.7.0 authentication cancelled");
            return;
        }
        var account = OAuthLogin.check(model, mech, line);
        if (account.isPresent()) {
            login = account.get().email();
            send("235 2.7.0 Authentication successful");
        } else {
            // RFC 7628: the error as a 334 challenge, answered by the client, then the refusal.
            tokenRefused = true;
            send("334 " + OAuthLogin.errorChallenge());
        }
    }

    private void authLogin(String line) {
        String value = decode(line.trim());
        if (line.trim().equals("*") || value == null) {
            authStep = 0;
            send("501 5.7.0 authentication cancelled");
            return;
        }
        if (authStep == 1) {
            authUser = value;
            authStep = 2;
            send("334 UGFzc3dvcmQ6");
        } else {
            authStep = 0;
            check(authUser, value);
        }
    }

    private void check(String user, String password) {
        if (model.authenticate(user, password).isPresent()) {
            login = user;
            send("235 2.7.0 Authentication successful");
        } else {
            send("535 5.7.8 Authentication credentials invalid");
        }
    }

    private static String decode(String b64) {
        try {
            return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void mail(String line) {
        Matcher m = PATH.matcher(line);
        if (!greeted) {
            send("503 5.5.1 EHLO or HELO first");
        } else if (!m.matches() || !m.group(1).equalsIgnoreCase("MAIL FROM")) {
            send("501 5.5.4 syntax: MAIL FROM:<address>");
        } else if (from != null) {
            send("503 5.5.1 nested MAIL command");
        } else {
            Matcher size = Pattern.compile("(?i)\\bSIZE=(\\d+)").matcher(m.group(3));
            if (size.find() && Long.parseLong(size.group(1)) > maxSize) {
                send("552 5.3.4 message size exceeds the limit of " + maxSize);
                return;
            }
            from = m.group(2);
            send("250 2.1.0 OK");
        }
    }

    private void rcpt(String line) {
        Matcher m = PATH.matcher(line);
        if (from == null) {
            send("503 5.5.1 MAIL first");
        } else if (!m.matches() || !m.group(1).equalsIgnoreCase("RCPT TO") || m.group(2).isBlank()) {
            send("501 5.5.4 syntax: RCPT TO:<address>");
        } else if (m.group(2).toLowerCase(Locale.ROOT).startsWith("reject")) {
            // As the peer submission server does: a way for tests to meet a refused recipient.
            send("550 5.1.1 <" + m.group(2) + ">: recipient refused");
        } else if (login == null && model.find(m.group(2)).isEmpty()) {
            send("554 5.7.1 relaying denied: authenticate first");
        } else {
            rcpts.add(m.group(2));
            send("250 2.1.5 OK");
        }
    }

    private void dataLine(byte[] raw) {
        if (raw.length == 1 && raw[0] == '.') {
            byte[] content = data.toByteArray();
            data = null;
            if (dataTooBig) {
                send("552 5.3.4 message size exceeds the limit of " + maxSize);
            } else {
                sent.add(new SentMail(from, rcpts, login, content, Instant.now()));
                for (String r : rcpts) {
                    model.find(r).map(a -> a.mailbox("INBOX")).ifPresent(box -> box.append(content));
                }
                send("250 2.0.0 OK queued as " + sent.size());
            }
            reset();
            return;
        }
        int skip = raw.length > 0 && raw[0] == '.' ? 1 : 0;
        if (data.size() + raw.length > maxSize) {
            dataTooBig = true;
            return;
        }
        data.write(raw, skip, raw.length - skip);
        data.write('\r');
        data.write('\n');
    }

    private void reset() {
        from = null;
        rcpts.clear();
        data = null;
    }
}
