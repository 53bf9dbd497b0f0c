package io.icesync.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import io.icesync.testkit.internal.freebusy.BusyTimes;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The server's free/busy endpoint at {@code /freebusy/?user@domain} on its HTTP(S), as Outlook's
 * free/busy URL template {@code http://SERVER/freebusy/?%NAME%@%SERVER%} reaches it. The answer is a
 * {@code VFREEBUSY} computed from the events of the account's calendar folders (Kolab type
 * {@code event}, or a folder named {@code Calendar}): recurrences expanded, {@code TRANSP:TRANSPARENT}
 * and {@code STATUS:CANCELLED} events left out, {@code STATUS:TENTATIVE} as {@code BUSY-TENTATIVE}.
 * The window is 30 days back to 90 days ahead of now, unless the test fixes one or the request
 * says {@code &start=YYYYMMDDTHHMMSSZ&end=...}. An unknown user gets 404. Tests may script an
 * answer per address, require a login, or switch the endpoint off.
 */
public final class TestFreeBusy {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** A scripted answer for one address. */
    private record Answer(int status, String contentType, String body) {
    }

    private final IceWarpServer server;
    private final Map<String, Answer> script = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile Instant windowStart;
    private volatile Instant windowEnd;
    private volatile ZoneId zone = ZoneOffset.UTC;
    private volatile boolean requireLogin;
    private volatile boolean enabled = true;

    TestFreeBusy(IceWarpServer server) {
        this.server = server;
    }

    // ------------------------------------------------------------------ for tests

    /**
     * Computes answers over this window instead of 30 days back to 90 days ahead of now; a request's own
     * {@code start} and {@code end} still win.
     *
     * @param start the window's start
     * @param end   the window's end, after {@code start}
     * @return this endpoint
     * @throws IllegalArgumentException when {@code end} is not after {@code start}
     */
    public TestFreeBusy window(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("the window must end after it starts: " + start + " / " + end);
        }
        windowStart = start;
        windowEnd = end;
        return this;
    }

    /**
     * Sets the time zone of all-day events and floating times (default UTC), as the server's own zone.
     *
     * @param z the zone
     * @return this endpoint
     */
    public TestFreeBusy zone(ZoneId z) {
        zone = z;
        return this;
    }

    /**
     * Answers this status (with a short text body) for this address.
     *
     * @param email      the address asked for, in any case
     * @param httpStatus the status code, such as 503
     * @return this endpoint
     */
    public TestFreeBusy status(String email, int httpStatus) {
        script.put(key(email), new Answer(httpStatus, "text/plain; charset=utf-8", "free/busy answer scripted by the test\n"));
        return this;
    }

    /**
     * Answers 200 with exactly this body and content type for this address.
     *
     * @param email       the address asked for, in any case
     * @param contentType the {@code Content-Type} header's value
     * @param body        the response body, sent as UTF-8
     * @return this endpoint
     */
    public TestFreeBusy raw(String email, String contentType, String body) {
        script.put(key(email), new Answer(200, contentType, body));
        return this;
    }

    /**
     * Asks for Basic authentication with the credentials of any account before answering (401 without them).
     *
     * @param on true to require the login
     * @return this endpoint
     */
    public TestFreeBusy requireLogin(boolean on) {
        requireLogin = on;
        return this;
    }

    /**
     * Switches the endpoint off (404, as a server without free/busy) or on again; requests are still recorded.
     *
     * @param on false to switch it off
     * @return this endpoint
     */
    public TestFreeBusy enabled(boolean on) {
        enabled = on;
        return this;
    }

    /** {@return the requests received, in order, as {@code "GET https /freebusy/?jean@iwdemo.test auth=no"}} */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /**
     * Computes the VFREEBUSY text the endpoint would answer for this account, ignoring the script.
     *
     * @param email the account's address, in any case
     * @param from  the start of the period, included
     * @param to    the end of the period, excluded
     * @return the iCalendar text, with CRLF line ends
     * @throws java.util.NoSuchElementException when there is no such account
     */
    public String compute(String email, Instant from, Instant to) {
        TestAccount account = server.account(email);
        return calendar(account.email(), from, to, BusyTimes.of(account, from, to, zone));
    }

    // ------------------------------------------------------------------ the endpoint

    void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String query = ex.getRequestURI().getRawQuery();
            String[] basic = basic(ex);
            requests.add(ex.getRequestMethod() + " " + (ex instanceof HttpsExchange ? "https" : "http") + " "
                    + ex.getRequestURI().getRawPath() + (query == null ? "" : "?" + query) + " auth="
                    + (basic != null ? "yes" : "no"));
            if (!enabled) {
                send(ex, 404, "text/plain; charset=utf-8", "no free/busy service here\n");
                return;
            }
            if (!"GET".equalsIgnoreCase(ex.getRequestMethod()) && !"HEAD".equalsIgnoreCase(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                send(ex, 405, "text/plain; charset=utf-8", "");
                return;
            }
            if (requireLogin && (basic == null || server.model().authenticate(basic[0], basic[1]).isEmpty())) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"FreeBusy\"");
                send(ex, 401, "text/plain; charset=utf-8", "authentication required\n");
                return;
            }
            Map<String, String> params = parameters(query);
            String email = params.get("");
            if (email == null) {
                send(ex, 400, "text/plain; charset=utf-8", "ask for /freebusy/?user@domain\n");
                return;
            }
            Answer scripted = script.get(key(email));
            if (scripted != null) {
                send(ex, scripted.status(), scripted.contentType(), scripted.body());
                return;
            }
            Optional<TestAccount> account = server.model().find(email);
            if (account.isEmpty()) {
                send(ex, 404, "text/plain; charset=utf-8", "no such user\n");
                return;
            }
            Instant from;
            Instant to;
            try {
                from = params.containsKey("start") ? Instant.from(UTC.parse(params.get("start"))) : defaultStart();
                to = params.containsKey("end") ? Instant.from(UTC.parse(params.get("end"))) : defaultEnd();
            } catch (DateTimeParseException e) {
                send(ex, 400, "text/plain; charset=utf-8", "start and end are YYYYMMDDTHHMMSSZ\n");
                return;
            }
            if (!to.isAfter(from)) {
                send(ex, 400, "text/plain; charset=utf-8", "end must be after start\n");
                return;
            }
            String body = calendar(account.get().email(), from, to, BusyTimes.of(account.get(), from, to, zone));
            send(ex, 200, "text/calendar; charset=utf-8", body);
        }
    }

    private Instant defaultStart() {
        Instant s = windowStart;
        return s != null ? s : Instant.now().minus(Duration.ofDays(30));
    }

    private Instant defaultEnd() {
        Instant e = windowEnd;
        return e != null ? e : Instant.now().plus(Duration.ofDays(90));
    }

    /** The address is the query's first item without '='; {@code start} and {@code end} may follow. */
    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null) {
            return out;
        }
        for (String item : rawQuery.split("&")) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                String address = decode(item).trim();
                if (!out.containsKey("") && address.contains("@")) {
                    out.put("", address);
                }
            } else {
                out.put(decode(item.substring(0, eq)).toLowerCase(Locale.ROOT), decode(item.substring(eq + 1)));
            }
        }
        return out;
    }

    private static String decode(String s) {
        // '+' stays '+': an address may hold one, and this is a path-style query, not a form.
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String calendar(String email, Instant from, Instant to, List<BusyTimes.Busy> busy) {
        StringBuilder b = new StringBuilder();
        line(b, "BEGIN:VCALENDAR");
        line(b, "VERSION:2.0");
        line(b, "PRODID:-//IceSync testkit//Free-busy//EN");
        line(b, "METHOD:PUBLISH");
        line(b, "BEGIN:VFREEBUSY");
        line(b, "ORGANIZER:mailto:" + email);
        line(b, "DTSTAMP:" + UTC.format(Instant.now()));
        line(b, "DTSTART:" + UTC.format(from));
        line(b, "DTEND:" + UTC.format(to));
        // One FREEBUSY line per type with its periods as a list, the way RFC 5545 groups them.
        Map<String, StringBuilder> byType = new LinkedHashMap<>();
        for (BusyTimes.Busy p : busy) {
            StringBuilder list = byType.computeIfAbsent(p.type(), t -> new StringBuilder());
            if (list.length() > 0) {
                list.append(',');
            }
            list.append(UTC.format(p.start())).append('/').append(UTC.format(p.end()));
        }
        byType.forEach((type, list) -> line(b, "FREEBUSY;FBTYPE=" + type + ":" + list));
        line(b, "END:VFREEBUSY");
        line(b, "END:VCALENDAR");
        return b.toString();
    }

    /** Appends a content line folded at 75 octets (the text is ASCII). */
    private static void line(StringBuilder b, String text) {
        int at = 0;
        int width = 75;
        while (text.length() - at > width) {
            b.append(text, at, at + width).append("\r\n ");
            at += width;
            width = 74;
        }
        b.append(text, at, text.length()).append("\r\n");
    }

    private static String[] basic(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String pair = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? null : new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equalsIgnoreCase(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head || b.length == 0 ? -1 : b.length);
        if (!head && b.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
    }

    private static String key(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    /** Forgets scripted answers, requests, the fixed window and the login requirement. */
    public void reset() {
        script.clear();
        requests.clear();
        windowStart = null;
        windowEnd = null;
        zone = ZoneOffset.UTC;
        requireLogin = false;
        enabled = true;
    }
}
