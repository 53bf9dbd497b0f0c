package io.icesync.testkit;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's SmartDiscover (Microsoft Autodiscover POX, Outlook schema) at
 * {@code /autodiscover/autodiscover.xml} and Thunderbird autoconfig at
 * {@code /mail/config-v1.1.xml}, on its HTTP(S). By default an account's own settings (after Basic
 * authentication); a test can script redirects, errors, raw bodies, or switch either off.
 */
public final class TestSmartDiscover {
    static final String REQUEST_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006";
    private static final Pattern EMAIL = Pattern.compile("<(?:\\w+:)?EMailAddress>\\s*([^<\\s]+)\\s*</(?:\\w+:)?EMailAddress>");

    /** What the endpoint answers for one address. */
    private record Answer(String kind, String value, int code) {
    }

    private final IceWarpServer server;
    private final Map<String, Answer> script = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile boolean autodiscover = true;
    private volatile boolean autoconfig = true;

    TestSmartDiscover(IceWarpServer server) {
        this.server = server;
    }

    /**
     * Answers {@code Action=redirectAddr} for this address, every time, after a valid Basic login.
     *
     * @param email the address asked for, in any case
     * @param to    the address the client should ask for instead
     * @return this endpoint
     */
    public TestSmartDiscover redirectAddress(String email, String to) {
        script.put(key(email), new Answer("redirectAddr", to, 0));
        return this;
    }

    /**
     * Answers {@code Action=redirectUrl} for this address, once, after a valid Basic login; then the
     * account's own answer again.
     *
     * @param email the address asked for, in any case
     * @param url   the Autodiscover URL the client should POST to instead
     * @return this endpoint
     */
    public TestSmartDiscover redirectUrl(String email, String url) {
        script.put(key(email), new Answer("redirectUrl", url, 0));
        return this;
    }

    /**
     * Answers an HTTP 302 to this location for this address, once and without asking for a login; then
     * the account's own answer again.
     *
     * @param email    the address asked for, in any case
     * @param location the {@code Location} header's value
     * @return this endpoint
     */
    public TestSmartDiscover httpRedirect(String email, String location) {
        script.put(key(email), new Answer("302", location, 0));
        return this;
    }

    /**
     * Answers an Autodiscover {@code Error} with this code (500-603) for this address, after a valid Basic login.
     *
     * @param email the address asked for, in any case
     * @param code  the {@code ErrorCode}
     * @return this endpoint
     */
    public TestSmartDiscover error(String email, int code) {
        script.put(key(email), new Answer("error", null, code));
        return this;
    }

    /**
     * Answers exactly this body (200, text/xml) for this address, after a valid Basic login: hostile or
     * malformed XML for tests.
     *
     * @param email the address asked for, in any case
     * @param body  the response body, sent as UTF-8
     * @return this endpoint
     */
    public TestSmartDiscover raw(String email, String body) {
        script.put(key(email), new Answer("raw", body, 0));
        return this;
    }

    /**
     * Answers this HTTP status with an empty body for this address, without asking for a login.
     *
     * @param email      the address asked for, in any case
     * @param httpStatus the status code, such as 503
     * @return this endpoint
     */
    public TestSmartDiscover status(String email, int httpStatus) {
        script.put(key(email), new Answer("status", null, httpStatus));
        return this;
    }

    /**
     * Switches the Autodiscover endpoint on or off (404 when off); requests are still recorded.
     *
     * @param on false to switch it off
     * @return this endpoint
     */
    public TestSmartDiscover autodiscover(boolean on) {
        autodiscover = on;
        return this;
    }

    /**
     * Switches the autoconfig endpoint on or off (404 when off); requests are still recorded.
     *
     * @param on false to switch it off
     * @return this endpoint
     */
    public TestSmartDiscover autoconfig(boolean on) {
        autoconfig = on;
        return this;
    }

    /** Forgets scripted answers and recorded requests and switches both endpoints on again. */
    public void reset() {
        script.clear();
        requests.clear();
        autodiscover = true;
        autoconfig = true;
    }

    /**
     * {@return the requests received, in order, as {@code "POST https /autodiscover/... jean@iwdemo.test auth=yes"}
     * (autoconfig requests show the query in place of the address)}
     */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private static String key(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    // ---- the endpoints

    void autodiscover(HttpExchange ex) throws IOException {
        byte[] body = readLimited(ex.getRequestBody(), 64 * 1024);
        Matcher m = EMAIL.matcher(new String(body, StandardCharsets.UTF_8));
        String email = m.find() ? m.group(1) : null;
        String[] basic = basic(ex);
        requests.add(ex.getRequestMethod() + " " + (ex instanceof com.sun.net.httpserver.HttpsExchange ? "https" : "http")
                + " " + ex.getRequestURI().getPath() + " " + email + " auth=" + (basic != null ? "yes" : "no"));
        if (!autodiscover) {
            send(ex, 404, "text/plain", "no Autodiscover here");
            return;
        }
        if (!ex.getRequestMethod().equals("POST") || email == null) {
            send(ex, 400, "text/plain", "POST an Autodiscover request with an EMailAddress");
            return;
        }
        Answer a = script.get(key(email));
        if (a != null && (a.kind().equals("302") || a.kind().equals("redirectUrl"))) {
            script.remove(key(email), a); // a redirect answers once: where it points gets the real answer
        }
        if (a != null && a.kind().equals("302")) {
            ex.getResponseHeaders().set("Location", a.value());
            send(ex, 302, "text/plain", "");
            return;
        }
        if (a != null && a.kind().equals("status")) {
            send(ex, a.code(), "text/plain", "");
            return;
        }
        if (basic == null || server.model().authenticate(basic[0], basic[1]).isEmpty()) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"SmartDiscover\"");
            send(ex, 401, "text/plain", "authentication required");
            return;
        }
        String xml;
        if (a == null) {
            xml = server.model().find(email).isPresent() ? settings(email) : error(500, "The e-mail address cannot be found.");
        } else {
            xml = switch (a.kind()) {
                case "redirectAddr" -> account("<Action>redirectAddr</Action><RedirectAddr>" + esc(a.value()) + "</RedirectAddr>");
                case "redirectUrl" -> account("<Action>redirectUrl</Action><RedirectUrl>" + esc(a.value()) + "</RedirectUrl>");
                case "error" -> error(a.code(), "Error " + a.code());
                default -> a.value();
            };
        }
        send(ex, 200, "text/xml; charset=utf-8", xml);
    }

    private String settings(String email) {
        String host = server.imaps().host();
        URI web = server.https();
        return account("<AccountType>email</AccountType><Action>settings</Action>"
                + protocol("IMAP", host, server.imaps().port(), email, "SSL")
                + protocol("POP3", host, server.pop3s().port(), email, "SSL")
                + protocol("SMTP", host, server.smtp().port(), email, "TLS")
                + "<Protocol><Type>WEB</Type><Internal><OWAUrl AuthenticationMethod=\"Basic\">" + esc(web + "webmail/")
                + "</OWAUrl></Internal></Protocol>"
                + "<Protocol><Type>XMPP</Type><Server>" + host + "</Server><Port>5222</Port></Protocol>"
                + "<Protocol><Type>WEBDAV</Type><Server>" + esc(web + "webdav/") + "</Server></Protocol>");
    }

    private static String protocol(String type, String host, int port, String login, String encryption) {
        return "<Protocol><Type>" + type + "</Type><Server>" + host + "</Server><Port>" + port + "</Port><LoginName>"
                + esc(login) + "</LoginName><DomainRequired>off</DomainRequired><SPA>off</SPA><SSL>on</SSL>"
                + "<Encryption>" + encryption + "</Encryption><AuthRequired>on</AuthRequired></Protocol>";
    }

    private static String account(String inner) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/"
                + "autodiscover/responseschema/2006\"><Response xmlns=\"http://schemas.microsoft.com/exchange/"
                + "autodiscover/outlook/responseschema/2006a\"><Account>" + inner + "</Account></Response></Autodiscover>";
    }

    private static String error(int code, String message) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/"
                + "autodiscover/responseschema/2006\"><Response><Error Time=\"00:00:00.0000000\" Id=\"1\"><ErrorCode>"
                + code + "</ErrorCode><Message>" + esc(message) + "</Message><DebugData /></Error></Response></Autodiscover>";
    }

    void autoconfig(HttpExchange ex) throws IOException {
        requests.add(ex.getRequestMethod() + " " + (ex instanceof com.sun.net.httpserver.HttpsExchange ? "https" : "http")
                + " " + ex.getRequestURI().getPath() + " " + ex.getRequestURI().getQuery() + " auth=no");
        if (!autoconfig) {
            send(ex, 404, "text/plain", "no autoconfig here");
            return;
        }
        String host = server.imaps().host();
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<clientConfig version=\"1.1\"><emailProvider id=\"iwdemo\">"
                + "<displayName>IceSync test server</displayName>"
                + "<incomingServer type=\"imap\"><hostname>" + host + "</hostname><port>" + server.imaps().port()
                + "</port><socketType>SSL</socketType><authentication>password-cleartext</authentication>"
                + "<username>%EMAILADDRESS%</username></incomingServer>"
                + "<incomingServer type=\"pop3\"><hostname>" + host + "</hostname><port>" + server.pop3s().port()
                + "</port><socketType>SSL</socketType><authentication>password-cleartext</authentication>"
                + "<username>%EMAILADDRESS%</username></incomingServer>"
                + "<outgoingServer type=\"smtp\"><hostname>" + host + "</hostname><port>" + server.smtp().port()
                + "</port><socketType>STARTTLS</socketType><authentication>password-cleartext</authentication>"
                + "<username>%EMAILADDRESS%</username></outgoingServer></emailProvider></clientConfig>";
        send(ex, 200, "text/xml; charset=utf-8", xml);
    }

    private static String[] basic(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String s = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = s.indexOf(':');
            return colon < 0 ? null : new String[] {s.substring(0, colon), s.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] readLimited(InputStream in, int max) throws IOException {
        return in.readNBytes(max);
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
