package io.icesync.testkit;

import com.sun.net.httpserver.HttpExchange;
import io.icesync.testkit.internal.webdav.DavXml;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The server's WebDAV at {@code /webdav/} on its HTTP(S): each account's Files folder, with Basic
 * authentication against the account model. {@code /webdav/} is the root of the account that signs
 * in (an assumption: IceWarp's exact URL layout is not public). Serves OPTIONS, PROPFIND (depth 0
 * and 1), GET and HEAD with Range and If-Range, PUT and DELETE with If-Match and If-None-Match,
 * MKCOL, MOVE and COPY with Destination and Overwrite. ETags are strong and derived from the
 * content. Tests seed and read files with {@link #files(String)}, script faults with
 * {@link #faults()}, see what clients sent in {@link #requests()}, and build SmartAttach mails with
 * {@link #smartAttachMessage(String, String)}.
 *
 * <pre>{@code
 * TestWebDav dav = server.webdav();
 * dav.files("jean@iwdemo.test").put("Docs/report.pdf", bytes);
 * server.account("jean@iwdemo.test").mailbox("INBOX").append(dav.smartAttachMessage("jean@iwdemo.test", "Docs/report.pdf"));
 * }</pre>
 */
public final class TestWebDav {
    /** Where the endpoint is mounted on the server's HTTP(S). */
    public static final String PREFIX = "/webdav/";

    private final IceWarpServer server;
    private final Map<String, WebDavFiles> trees = new ConcurrentHashMap<>();
    private final WebDavFaults faults = new WebDavFaults();
    private final List<WebDavRequest> requests = new CopyOnWriteArrayList<>();
    private final WebDavMethods methods = new WebDavMethods(PREFIX);

    /** The server's endpoint; tests reach it through {@link IceWarpServer#webdav()}. */
    TestWebDav(IceWarpServer server) {
        this.server = server;
    }

    /**
     * The account's files, made empty on first use.
     *
     * @param email the account's address, in any case
     * @return the account's live tree: changes are seen by clients at once
     * @throws java.util.NoSuchElementException when the server has no such account
     */
    public WebDavFiles files(String email) {
        TestAccount a = server.model().account(email);
        return trees.computeIfAbsent(a.email().toLowerCase(Locale.ROOT), k -> new WebDavFiles());
    }

    /** {@return the scripted faults: cut transfers, files changed between attempts, statuses for a path} */
    public WebDavFaults faults() {
        return faults;
    }

    /** {@return the requests received, in order (without credentials), refused ones included} */
    public List<WebDavRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * The requests received with this method.
     *
     * @param method the method, in any case, such as {@code PUT}
     * @return those requests, in order
     */
    public List<WebDavRequest> requests(String method) {
        return requests.stream().filter(r -> r.method().equalsIgnoreCase(method)).toList();
    }

    /** {@return the HTTPS address of the account roots, such as {@code https://127.0.0.1:40124/webdav/}} */
    public URI url() {
        return server.https().resolve(PREFIX);
    }

    /**
     * The HTTPS address of a file or folder.
     *
     * @param path the path relative to the account's root
     * @return the address, each level percent-encoded
     * @throws IllegalArgumentException when the path holds {@code .} or {@code ..}
     */
    public URI url(String path) {
        return URI.create(url() + DavXml.encodePath(WebDavFiles.normalize(path)));
    }

    /**
     * A message as IceWarp's SmartAttach leaves it once it has taken the attachment out: an
     * {@code X-IceWarp-SmartAttach} header (url as an encoded word, size, and IceWarp's ticket hash,
     * which is not a hash of the content) and a text and an HTML body that link to the file. The file
     * must exist in the account's files; append the bytes to one of its folders.
     *
     * @param email the account's address
     * @param path  the file's path relative to the account's root
     * @return the message's bytes, with CRLF line ends
     * @throws IllegalArgumentException          when there is no file at the path
     * @throws java.util.NoSuchElementException when the server has no such account
     */
    public byte[] smartAttachMessage(String email, String path) {
        byte[] content = files(email).get(path)
                .orElseThrow(() -> new IllegalArgumentException("no file " + path + " in the files of " + email));
        String url = url(path).toString();
        String name = WebDavFiles.normalize(path).substring(WebDavFiles.normalize(path).lastIndexOf('/') + 1);
        String domain = email.substring(email.indexOf('@') + 1);
        String boundary = "=_smartattach_" + UUID.randomUUID();
        String header = "url=\"=?UTF-8?B?" + Base64.getEncoder().encodeToString(url.getBytes(StandardCharsets.UTF_8))
                + "?=\"; size=\"" + content.length + "\"; hash=\"" + md5("testkit" + url) + "\"; algorithm=\"MD5\"";
        String crlf = "\r\n";
        String text = "Message-ID: <" + UUID.randomUUID() + "@" + domain + ">" + crlf
                + "Date: " + DavXml.httpDate(Instant.now()).replace("GMT", "+0000") + crlf
                + "From: \"IceWarp\" <postmaster@" + domain + ">" + crlf
                + "To: <" + email + ">" + crlf
                + "Subject: " + encode("File: " + name) + crlf
                + "MIME-Version: 1.0" + crlf
                + "X-IceWarp-SmartAttach: " + header + crlf
                + "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"" + crlf
                + crlf
                + "--" + boundary + crlf
                + "Content-Type: text/plain; charset=utf-8" + crlf
                + "Content-Transfer-Encoding: 8bit" + crlf
                + crlf
                + "The attachment " + name + " (" + content.length + " bytes) was stored on the server:" + crlf
                + url + crlf
                + crlf
                + "--" + boundary + crlf
                + "Content-Type: text/html; charset=utf-8" + crlf
                + "Content-Transfer-Encoding: 8bit" + crlf
                + crlf
                + "<html><body><p>The attachment <a href=\"" + DavXml.escape(url) + "\">" + DavXml.escape(name)
                + "</a> (" + content.length + " bytes) was stored on the server.</p></body></html>" + crlf
                + "--" + boundary + "--" + crlf;
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ the endpoint

    /** Answers one request; an {@link com.sun.net.httpserver.HttpHandler} for {@link IceWarpServer#mount}. */
    void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
            String path;
            try {
                String raw = ex.getRequestURI().getPath();
                path = WebDavFiles.normalize(raw.length() <= PREFIX.length() ? "" : raw.substring(PREFIX.length()));
            } catch (IllegalArgumentException e) {
                WebDavMethods.send(ex, 400, e.getMessage() + "\n");
                return;
            }
            Optional<TestAccount> account = authenticate(ex);
            requests.add(new WebDavRequest(method, path, account.map(TestAccount::email).orElse(null), headers(ex)));
            if (method.equals("OPTIONS")) {
                ex.getResponseHeaders().set("DAV", "1");
                ex.getResponseHeaders().set("Allow", WebDavMethods.ALLOW);
                ex.getResponseHeaders().set("Content-Length", "0");
                ex.sendResponseHeaders(200, -1);
                return;
            }
            if (account.isEmpty()) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"IceWarp WebDAV\", charset=\"UTF-8\"");
                WebDavMethods.send(ex, 401, "");
                return;
            }
            WebDavFaults.Fault status = faults.takeStatus(method, path);
            if (status != null) {
                WebDavMethods.send(ex, status.status(), "");
                return;
            }
            WebDavFiles files = files(account.get().email());
            dispatch(ex, method, files, path);
        }
    }

    private void dispatch(HttpExchange ex, String method, WebDavFiles files, String path) throws IOException {
        switch (method) {
            case "PROPFIND":
                methods.propfind(ex, files, path);
                return;
            case "GET":
            case "HEAD":
                WebDavFaults.Fault cut = method.equals("GET") ? faults.takeCut(method, path) : null;
                long sent = methods.get(ex, files, path, cut);
                if (sent >= 0) {
                    if (cut.changeTo() != null) {
                        files.put(path, cut.changeTo());
                    }
                    // Thrown from the handler, this makes the JDK server drop the connection mid-body.
                    throw new IOException("transfer cut on purpose after " + sent + " bytes");
                }
                return;
            case "PUT":
                methods.put(ex, files, path);
                return;
            case "DELETE":
                methods.delete(ex, files, path);
                return;
            case "MKCOL":
                methods.mkcol(ex, files, path);
                return;
            case "MOVE":
            case "COPY":
                methods.transfer(ex, files, path, method.equals("MOVE"));
                return;
            default:
                ex.getResponseHeaders().set("Allow", WebDavMethods.ALLOW);
                WebDavMethods.send(ex, 405, "");
        }
    }

    /** Basic credentials checked against the model; the password is not kept anywhere. */
    private Optional<TestAccount> authenticate(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return server.model().authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private static Map<String, String> headers(HttpExchange ex) {
        Map<String, String> out = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> {
            String name = k.toLowerCase(Locale.ROOT);
            if (!name.equals("authorization") && !v.isEmpty()) {
                out.put(name, v.get(0));
            }
        });
        return out;
    }

    private static String encode(String text) {
        try {
            return MimeUtility.encodeText(text, "UTF-8", "B");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is missing from this JVM", e);
        }
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }
}
