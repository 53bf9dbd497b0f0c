package io.icesync.testkit.internal.pop3;

import io.icesync.testkit.MailServerModel;
import io.icesync.testkit.TestAccount;
import io.icesync.testkit.TestMailbox;
import io.icesync.testkit.TestMessage;
import io.icesync.testkit.internal.net.LineSession;
import io.netty.handler.ssl.SslContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/** POP3 (RFC 1939, 2449, 2595) on an account's INBOX: what a GroupWare profile reads mail with. */
final class Pop3Session extends LineSession {
    private final MailServerModel model;
    private final SslContext tls;
    private String user;
    private TestAccount account;
    private TestMailbox inbox;
    private List<TestMessage> drop;
    private final Set<Integer> deleted = new HashSet<>();

    Pop3Session(MailServerModel model, SslContext tls, Consumer<String> trace) {
        super("POP3", trace);
        this.model = model;
        this.tls = tls;
    }

    @Override
    protected void greet() {
        send("+OK IceSync test server POP3 ready");
    }

    @Override
    protected void tooLong() {
        send("-ERR line too long");
    }

    @Override
    protected void line(byte[] raw) {
        String line = text(raw);
        String[] w = line.split(" ", 2);
        String cmd = w[0].toUpperCase(Locale.ROOT);
        String arg = w.length > 1 ? w[1] : "";
        traceIn(cmd.equals("PASS") || cmd.equals("AUTH") ? cmd + " <credentials>" : line);
        if (account == null) {
            unauthenticated(cmd, arg);
            return;
        }
        switch (cmd) {
            case "STAT" -> {
                long size = 0;
                int n = 0;
                for (int i = 0; i < drop.size(); i++) {
                    if (!deleted.contains(i + 1)) {
                        n++;
                        size += drop.get(i).size();
                    }
                }
                send("+OK " + n + " " + size);
            }
            case "LIST", "UIDL" -> listing(cmd, arg);
            case "RETR" -> {
                TestMessage m = message(arg);
                if (m != null) {
                    send("+OK " + m.size() + " octets");
                    sendRaw(dotStuffed(m.content(), -1));
                    send(".");
                }
            }
            case "TOP" -> {
                String[] a = arg.split(" ");
                TestMessage m = a.length == 2 ? message(a[0]) : null;
                if (a.length != 2) {
                    send("-ERR TOP needs a message number and a line count");
                } else if (m != null) {
                    try {
                        int lines = Integer.parseInt(a[1]);
                        send("+OK top of message follows");
                        sendRaw(dotStuffed(m.content(), Math.max(0, lines)));
                        send(".");
                    } catch (NumberFormatException e) {
                        send("-ERR '" + a[1] + "' is not a line count");
                    }
                }
            }
            case "DELE" -> {
                if (message(arg) != null) {
                    deleted.add(Integer.parseInt(arg.trim()));
                    send("+OK message " + arg.trim() + " deleted");
                }
            }
            case "RSET" -> {
                deleted.clear();
                send("+OK");
            }
            case "NOOP" -> send("+OK");
            case "CAPA" -> capa();
            case "QUIT" -> {
                List<Long> gone = new ArrayList<>();
                deleted.forEach(i -> gone.add(drop.get(i - 1).uid()));
                inbox.expunge(gone);
                send("+OK bye, " + gone.size() + " messages deleted");
                close();
            }
            default -> send("-ERR unknown or out-of-place command " + cmd);
        }
    }

    private void unauthenticated(String cmd, String arg) {
        switch (cmd) {
            case "CAPA" -> capa();
            case "USER" -> {
                user = arg.trim();
                send("+OK send PASS");
            }
            case "PASS" -> {
                if (user == null) {
                    send("-ERR USER first");
                } else {
                    login(user, arg);
                }
            }
            case "AUTH" -> {
                String[] a = arg.split(" ");
                if (!a[0].equalsIgnoreCase("PLAIN") || a.length != 2) {
                    send("-ERR only AUTH PLAIN with an initial response is offered");
                    return;
                }
                String[] f;
                try {
                    f = new String(Base64.getDecoder().decode(a[1]), StandardCharsets.UTF_8).split("\0", -1);
                } catch (IllegalArgumentException e) {
                    send("-ERR the PLAIN response is not base64");
                    return;
                }
                if (f.length != 3) {
                    send("-ERR the PLAIN response must be authzid NUL login NUL password");
                    return;
                }
                login(f[1], f[2]);
            }
            case "STLS" -> {
                if (tls == null || tlsActive()) {
                    send("-ERR STLS is not available here");
                } else {
                    startTls(tls, "+OK begin TLS negotiation");
                }
            }
            case "QUIT" -> {
                send("+OK bye");
                close();
            }
            case "NOOP" -> send("-ERR log in first");
            default -> send("-ERR log in first (USER/PASS or AUTH PLAIN)");
        }
    }

    private void login(String login, String password) {
        TestAccount a = model.authenticate(login, password).orElse(null);
        if (a == null) {
            send("-ERR [AUTH] authentication failed");
            user = null;
            return;
        }
        account = a;
        inbox = a.mailbox("INBOX");
        drop = inbox.messages();
        send("+OK " + drop.size() + " messages");
    }

    private void capa() {
        send("+OK capabilities follow");
        for (String c : List.of("USER", "UIDL", "TOP", "RESP-CODES", "AUTH-RESP-CODE", "SASL PLAIN")) {
            send(c);
        }
        if (tls != null && !tlsActive() && account == null) {
            send("STLS");
        }
        send(".");
    }

    private void listing(String cmd, String arg) {
        if (!arg.isBlank()) {
            TestMessage m = message(arg);
            if (m != null) {
                send("+OK " + arg.trim() + " " + (cmd.equals("LIST") ? m.size() : uidl(m)));
            }
            return;
        }
        send("+OK");
        for (int i = 0; i < drop.size(); i++) {
            if (!deleted.contains(i + 1)) {
                send((i + 1) + " " + (cmd.equals("LIST") ? drop.get(i).size() : uidl(drop.get(i))));
            }
        }
        send(".");
    }

    private String uidl(TestMessage m) {
        return inbox.uidValidity() + "." + m.uid();
    }

    private TestMessage message(String arg) {
        int n;
        try {
            n = Integer.parseInt(arg.trim());
        } catch (NumberFormatException e) {
            send("-ERR '" + arg + "' is not a message number");
            return null;
        }
        if (n < 1 || n > drop.size() || deleted.contains(n)) {
            send("-ERR no message " + n);
            return null;
        }
        return drop.get(n - 1);
    }

    /** The message with lines starting with '.' doubled; with {@code bodyLines >= 0}, header plus that many body lines. */
    static byte[] dotStuffed(byte[] content, int bodyLines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 64);
        int start = 0;
        boolean inBody = false;
        int bodyCount = 0;
        while (start < content.length) {
            int end = start;
            while (end < content.length && content[end] != '\n') {
                end++;
            }
            int lineEnd = end > start && content[end - 1] == '\r' ? end - 1 : end;
            if (inBody && bodyLines >= 0 && bodyCount++ >= bodyLines) {
                break;
            }
            if (lineEnd - start == 0 && !inBody) {
                inBody = true;
            }
            if (lineEnd > start && content[start] == '.') {
                out.write('.');
            }
            out.write(content, start, lineEnd - start);
            out.write('\r');
            out.write('\n');
            start = end + 1;
        }
        return out.toByteArray();
    }
}
