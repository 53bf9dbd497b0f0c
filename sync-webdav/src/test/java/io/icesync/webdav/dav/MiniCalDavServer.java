package io.icesync.webdav.dav;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small CalDAV/CardDAV server on 127.0.0.1 for unit tests: the well-known URL redirects to /dav/,
 * whose principal /dav/u/ is also the home of three collections (a calendar "Work", a task list
 * "Todo", an address book also named "Work"). Resources live in memory; ETags are content hashes and
 * conditional PUT and DELETE are honoured. Rights are all, unless {@link #privileges} and
 * {@link #readOnly} say otherwise. Every request is recorded.
 */
final class MiniCalDavServer implements AutoCloseable {
    record Seen(String method, String path, String depth) {
    }

    static final String CAL = "/dav/u/cal/";
    static final String TASKS = "/dav/u/tasks/";
    static final String BOOK = "/dav/u/book/";

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final Map<String, byte[]> resources = new TreeMap<>();
    /** REPORT answered with this status instead of a multistatus (0: answered). */
    volatile int reportStatus;
    /** Whether a multiget answer carries the objects (some servers send only the ETags). */
    volatile boolean multigetData = true;
    /** Hrefs a multiget answer leaves out. */
    final java.util.Set<String> leftOut = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Whether CR is sent as &#13; in XML text (it then survives parsing) rather than raw (it does not). */
    volatile boolean escapeCr;
    /** Whether collections offer sync-collection (RFC 6578): a sync-token and the REPORT in supported-report-set. */
    volatile boolean syncCollection = true;
    /** The status given for a sync-token no longer valid (403 per RFC 6578; some servers say 409). */
    volatile int invalidTokenStatus = 403;
    /** At most this many changes per sync-collection answer, the rest announced by a 507 (0: no limit). */
    volatile int syncLimit;
    /**
     * The privileges (local names in DAV:, "read", "bind"...) that current-user-privilege-set lists for a
     * collection or the home; one not in the map answers the property 404, as a server without ACL does.
     */
    final Map<String, List<String>> privileges = new java.util.concurrent.ConcurrentHashMap<>();
    /** Collections whose members cannot be added, changed or deleted: PUT and DELETE get 403. */
    final java.util.Set<String> readOnly = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** What the error body of such a 403 names: lacking rights (RFC 3744 7.1.1), or a CalDAV precondition. */
    volatile String refusal = "<D:need-privileges/>";
    /** Every change, in order: the index is the revision a token names. */
    private final List<String> changeLog = new java.util.ArrayList<>();
    /** Bumped by {@link #forgetTokens}: tokens of an older epoch are no longer valid. */
    private int epoch = 1;
    private final HttpServer server;

    MiniCalDavServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    synchronized void put(String path, String text) {
        resources.put(path, text.getBytes(StandardCharsets.UTF_8));
        changeLog.add(path);
    }

    synchronized void remove(String path) {
        resources.remove(path);
        changeLog.add(path);
    }

    /** Makes every sync-token given so far invalid, as a server that dropped its change history. */
    synchronized void forgetTokens() {
        epoch++;
    }

    private String syncToken() {
        return "urn:mini:sync:" + epoch + ":" + changeLog.size();
    }

    long count(String method, String path, String depth) {
        return seen.stream().filter(s -> s.method().equals(method) && s.path().equals(path)
                && (depth == null || depth.equals(s.depth()))).count();
    }

    private synchronized void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String depth = x.getRequestHeaders().getFirst("Depth");
        byte[] body = x.getRequestBody().readAllBytes();
        seen.add(new Seen(x.getRequestMethod(), path, depth));
        switch (x.getRequestMethod()) {
            case "PROPFIND" -> propfind(x, path, depth);
            case "GET" -> get(x, path);
            case "PUT" -> put(x, path, body);
            case "DELETE" -> delete(x, path);
            case "REPORT" -> report(x, path, new String(body, StandardCharsets.UTF_8));
            default -> send(x, 405, null, null);
        }
    }

    private void propfind(HttpExchange x, String path, String depth) throws IOException {
        if (path.startsWith("/.well-known/")) {
            x.getResponseHeaders().set("Location", "/dav/");
            send(x, 301, null, null);
            return;
        }
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><D:multistatus xmlns:D=\"DAV:\""
                + " xmlns:C=\"urn:ietf:params:xml:ns:caldav\" xmlns:A=\"urn:ietf:params:xml:ns:carddav\""
                + " xmlns:CS=\"http://calendarserver.org/ns/\">");
        if (path.equals("/dav/") || path.equals("/dav/u/")) {
            b.append(withPrivileges(path, response(path, "<D:current-user-principal><D:href>/dav/u/</D:href>"
                    + "</D:current-user-principal><C:calendar-home-set><D:href>/dav/u/</D:href></C:calendar-home-set>"
                    + "<A:addressbook-home-set><D:href>/dav/u/</D:href></A:addressbook-home-set>")));
            if (path.equals("/dav/u/") && "1".equals(depth)) {
                b.append(withPrivileges(CAL, collection(CAL, "<C:calendar/>", "Work", "VEVENT")));
                b.append(withPrivileges(TASKS, collection(TASKS, "<C:calendar/>", "Todo", "VTODO")));
                b.append(withPrivileges(BOOK, collection(BOOK, "<A:addressbook/>", "Work", null)));
            }
        } else if (path.equals(CAL) || path.equals(TASKS) || path.equals(BOOK)) {
            b.append(response(path, "<CS:getctag>" + ctag(path) + "</CS:getctag>" + (syncCollection ? "<D:sync-token>"
                    + syncToken() + "</D:sync-token><D:supported-report-set><D:supported-report><D:report><D:sync-collection/>"
                    + "</D:report></D:supported-report><D:supported-report><D:report><C:calendar-multiget/></D:report>"
                    + "</D:supported-report></D:supported-report-set>" : "")));
            if ("1".equals(depth)) {
                resources.forEach((p, body) -> {
                    if (p.startsWith(path)) {
                        b.append(response(p, "<D:getetag>" + etag(body) + "</D:getetag><D:getcontentlength>"
                                + body.length + "</D:getcontentlength><D:resourcetype/>"));
                    }
                });
            }
        } else if (resources.containsKey(path)) {
            b.append(response(path, "<D:getetag>" + etag(resources.get(path)) + "</D:getetag>"));
        } else {
            send(x, 404, null, null);
            return;
        }
        send(x, 207, "application/xml", b.append("</D:multistatus>").toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The kind of each REPORT received, in order: "calendar-multiget", "addressbook-multiget", "sync-collection". */
    final List<String> reports = new CopyOnWriteArrayList<>();

    private void report(HttpExchange x, String path, String body) throws IOException {
        String kind = body.contains("addressbook-multiget") ? "addressbook-multiget"
                : body.contains("calendar-multiget") ? "calendar-multiget" : body.contains("sync-collection")
                ? "sync-collection" : "other";
        reports.add(kind);
        if (reportStatus != 0 || kind.equals("other")) {
            send(x, reportStatus != 0 ? reportStatus : 403, null, null);
            return;
        }
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><D:multistatus xmlns:D=\"DAV:\""
                + " xmlns:C=\"urn:ietf:params:xml:ns:caldav\" xmlns:A=\"urn:ietf:params:xml:ns:carddav\">");
        if (kind.equals("sync-collection")) {
            if (!syncCollection) {
                send(x, 403, null, null);
                return;
            }
            if (!sync(x, path, body, b)) {
                return;
            }
        } else if (kind.endsWith("multiget")) {
            String data = kind.startsWith("address") ? "A:address-data" : "C:calendar-data";
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<D:href>([^<]*)</D:href>").matcher(body);
            while (m.find()) {
                String href = URI.create(m.group(1).replace("&amp;", "&")).getPath();
                byte[] r = resources.get(href);
                if (leftOut.contains(href)) {
                    continue;
                }
                if (r == null) {
                    b.append("<D:response><D:href>").append(href).append("</D:href><D:status>HTTP/1.1 404 Not Found"
                            + "</D:status></D:response>");
                } else {
                    b.append(response(href, "<D:getetag>" + etag(r) + "</D:getetag>" + (multigetData ? "<" + data + ">"
                            + xmlText(new String(r, StandardCharsets.UTF_8)) + "</" + data + ">" : "")));
                }
            }
        }
        send(x, 207, "application/xml; charset=utf-8", b.append("</D:multistatus>").toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The members of the collection changed since the request's token (all of them for an empty one),
     * a 404 for those gone; false when the token was refused (the answer is sent).
     */
    private boolean sync(HttpExchange x, String collection, String body, StringBuilder b) throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<D:sync-token>([^<]*)</D:sync-token>").matcher(body);
        String token = m.find() ? m.group(1) : "";
        int from = 0;
        if (!token.isEmpty()) {
            String[] parts = token.split(":");
            if (!token.startsWith("urn:mini:sync:") || parts.length != 5 || Integer.parseInt(parts[3]) != epoch
                    || Integer.parseInt(parts[4]) > changeLog.size()) {
                send(x, invalidTokenStatus, "application/xml", ("<?xml version=\"1.0\"?><D:error xmlns:D=\"DAV:\">"
                        + "<D:valid-sync-token/></D:error>").getBytes(StandardCharsets.UTF_8));
                return false;
            }
            from = Integer.parseInt(parts[4]);
        }
        java.util.Set<String> changed = new java.util.LinkedHashSet<>();
        int to = from;
        for (; to < changeLog.size(); to++) {
            String p = changeLog.get(to);
            if (p.startsWith(collection)) {
                if (syncLimit > 0 && changed.size() >= syncLimit && !changed.contains(p)) {
                    break;
                }
                changed.add(p);
            }
        }
        if (token.isEmpty()) {
            resources.keySet().stream().filter(p -> p.startsWith(collection)).forEach(changed::add);
        }
        for (String p : changed) {
            byte[] r = resources.get(p);
            b.append(r == null ? "<D:response><D:href>" + p + "</D:href><D:status>HTTP/1.1 404 Not Found</D:status></D:response>"
                    // As Radicale: no getcontentlength inside a REPORT.
                    : "<D:response><D:href>" + p + "</D:href><D:propstat><D:prop><D:getetag>" + etag(r) + "</D:getetag></D:prop>"
                    + "<D:status>HTTP/1.1 200 OK</D:status></D:propstat><D:propstat><D:prop><D:getcontentlength/></D:prop>"
                    + "<D:status>HTTP/1.1 404 Not Found</D:status></D:propstat></D:response>");
        }
        if (to < changeLog.size()) {
            b.append("<D:response><D:href>").append(collection).append("</D:href><D:status>HTTP/1.1 507 Insufficient Storage"
                    + "</D:status></D:response>");
        }
        b.append("<D:sync-token>urn:mini:sync:").append(epoch).append(':').append(to).append("</D:sync-token>");
        return true;
    }

    private String xmlText(String s) {
        String t = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return escapeCr ? t.replace("\r", "&#13;") : t;
    }

    private void get(HttpExchange x, String path) throws IOException {
        byte[] body = resources.get(path);
        if (body == null) {
            send(x, 404, null, null);
            return;
        }
        x.getResponseHeaders().set("ETag", etag(body));
        send(x, 200, "text/calendar", body);
    }

    private boolean refused(HttpExchange x, String path) throws IOException {
        for (String c : readOnly) {
            if (path.startsWith(c)) {
                send(x, 403, "application/xml", ("<?xml version=\"1.0\"?><D:error xmlns:D=\"DAV:\""
                        + " xmlns:C=\"urn:ietf:params:xml:ns:caldav\">" + refusal + "</D:error>").getBytes(StandardCharsets.UTF_8));
                return true;
            }
        }
        return false;
    }

    private void put(HttpExchange x, String path, byte[] body) throws IOException {
        if (refused(x, path)) {
            return;
        }
        byte[] now = resources.get(path);
        String ifMatch = x.getRequestHeaders().getFirst("If-Match");
        String ifNone = x.getRequestHeaders().getFirst("If-None-Match");
        if (("*".equals(ifNone) && now != null) || (ifMatch != null && (now == null || !ifMatch.equals(etag(now))))) {
            send(x, 412, null, null);
            return;
        }
        resources.put(path, body);
        changeLog.add(path);
        x.getResponseHeaders().set("ETag", etag(body));
        send(x, now == null ? 201 : 204, null, null);
    }

    private void delete(HttpExchange x, String path) throws IOException {
        if (refused(x, path)) {
            return;
        }
        byte[] now = resources.get(path);
        String ifMatch = x.getRequestHeaders().getFirst("If-Match");
        if (now == null) {
            send(x, 404, null, null);
        } else if (ifMatch != null && !ifMatch.equals(etag(now))) {
            send(x, 412, null, null);
        } else {
            resources.remove(path);
            changeLog.add(path);
            send(x, 204, null, null);
        }
    }

    private String ctag(String collection) {
        StringBuilder all = new StringBuilder();
        resources.forEach((p, body) -> {
            if (p.startsWith(collection)) {
                all.append(p).append(etag(body));
            }
        });
        return "\"" + Integer.toHexString(all.toString().hashCode()) + "\"";
    }

    static String etag(byte[] body) {
        return "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
    }

    private static String response(String href, String props) {
        return "<D:response><D:href>" + href + "</D:href><D:propstat><D:prop>" + props
                + "</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>";
    }

    /** The response with current-user-privilege-set: among the found properties, else in a propstat of its own, 404. */
    private String withPrivileges(String href, String response) {
        List<String> p = privileges.get(href);
        if (p == null) {
            return response.replace("</D:response>", "<D:propstat><D:prop><D:current-user-privilege-set/></D:prop>"
                    + "<D:status>HTTP/1.1 404 Not Found</D:status></D:propstat></D:response>");
        }
        StringBuilder set = new StringBuilder("<D:current-user-privilege-set>");
        p.forEach(name -> set.append("<D:privilege><D:").append(name).append("/></D:privilege>"));
        return response.replace("</D:prop>", set + "</D:current-user-privilege-set></D:prop>");
    }

    private static String collection(String href, String type, String name, String comp) {
        return response(href, "<D:resourcetype><D:collection/>" + type + "</D:resourcetype><D:displayname>" + name
                + "</D:displayname>" + (comp == null ? "" : "<C:supported-calendar-component-set><C:comp name=\""
                + comp + "\"/></C:supported-calendar-component-set>"));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            x.getResponseHeaders().set("Content-Type", type);
        }
        x.sendResponseHeaders(status, body == null ? -1 : body.length);
        if (body != null) {
            x.getResponseBody().write(body);
        }
        x.close();
    }
}
