package io.icesync.rules.internal;

import io.icesync.core.AuthenticationException;
import io.icesync.core.ConnectionException;
import io.icesync.core.ProtocolException;
import io.icesync.core.ServiceAccess;
import io.icesync.core.UntrustedCertificateException;
import io.icesync.core.tls.LiveTrust;
import io.icesync.core.xml.SafeDom;
import io.icesync.net.HttpClientFactory;
import io.icesync.net.HttpSetup;
import io.icesync.rules.IceWarpApiException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A logged-in session with IceWarp's XML API ({@code POST /icewarpapi/}): each command is an
 * {@code <iq sid="...">} holding {@code <query xmlns="admin:iq:rpc">} with the command's name and
 * parameters; the answer is {@code <iq type="result">} with a {@code <result>}, or
 * {@code <iq type="error">} with {@code <error uid="..."/>}. The password travels over HTTPS only.
 */
public final class IceWarpApi implements Closeable {
    static final String NS = "admin:iq:rpc";
    private static final int MAX_ANSWER = 4 * 1024 * 1024;

    private final URI url;
    private final CloseableHttpClient http;
    private final LiveTrust trust;
    private String sid = "";

    private IceWarpApi(URI url, CloseableHttpClient http, LiveTrust trust) {
        this.url = url;
        this.http = http;
        this.trust = trust;
    }

    /** Logs in as the access's user; a refused login is an AuthenticationException, a wrong URL a ProtocolException. */
    public static IceWarpApi login(URI url, ServiceAccess access, HttpClientFactory clients) {
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("the IceWarp API is used over HTTPS only, so that the password stays "
                    + "private; " + url + " is not https");
        }
        String login = access.user();
        LiveTrust trust = new LiveTrust(access.trust());
        CloseableHttpClient http = clients.create(HttpSetup.of(access, trust.sslContext()));
        IceWarpApi api = new IceWarpApi(url, http, trust);
        try {
            char[] password = access.password();
            String pw = new String(password);
            java.util.Arrays.fill(password, '\0');
            Element result = api.call("authenticate", p -> {
                SafeDom.append(p, "email", login);
                SafeDom.append(p, "password", pw);
                SafeDom.append(p, "digest", "");
                SafeDom.append(p, "authtype", "0");
                SafeDom.append(p, "persistentlogin", "0");
            });
            if (!"1".equals(result == null ? null : result.getTextContent().trim()) || api.sid.isEmpty()) {
                throw new AuthenticationException("the IceWarp API at " + url + " refused the login of " + login, null);
            }
            return api;
        } catch (IceWarpApiException e) {
            api.close();
            throw new AuthenticationException("the IceWarp API at " + url + " refused the login of " + login
                    + " (" + e.errorId() + ")", e);
        } catch (RuntimeException e) {
            api.close();
            throw e;
        }
    }

    public URI url() {
        return url;
    }

    /** Runs a command; {@code params} fills {@code <commandparams>}. Returns the {@code <result>} element (or null). */
    public Element call(String command, Consumer<Element> params) {
        Document d = SafeDom.newDocument();
        Element iq = d.createElementNS(null, "iq");
        d.appendChild(iq);
        if (!sid.isEmpty()) {
            iq.setAttribute("sid", sid);
        }
        iq.setAttribute("format", "text/xml");
        Element query = d.createElementNS(NS, "query");
        iq.appendChild(query);
        SafeDom.append(query, "commandname", command);
        params.accept(SafeDom.append(query, "commandparams"));
        byte[] answer = post(command, SafeDom.write(d).getBytes(StandardCharsets.UTF_8));
        Element root;
        try {
            root = SafeDom.parse(answer).getDocumentElement();
        } catch (IOException e) {
            throw new ProtocolException("the IceWarp API at " + url + " answered " + command + " with "
                    + e.getMessage(), null, e);
        }
        if (!"iq".equals(SafeDom.name(root))) {
            throw new ProtocolException("the IceWarp API at " + url + " answered " + command + " with <"
                    + SafeDom.name(root) + "> instead of <iq>", null, null);
        }
        if (!root.getAttribute("sid").isEmpty()) {
            sid = root.getAttribute("sid");
        }
        Element q = SafeDom.child(root, "query");
        if ("error".equalsIgnoreCase(root.getAttribute("type"))) {
            Element error = SafeDom.child(q, "error");
            String uid = error == null ? "" : error.getAttribute("uid");
            throw new IceWarpApiException("the IceWarp API at " + url + " refused " + command
                    + (uid.isEmpty() ? "" : ": " + uid), command, uid);
        }
        return SafeDom.child(q, "result");
    }

    /** Runs a command whose result is 1 for success, 0 for failure. */
    public void expectOk(String command, Consumer<Element> params) {
        Element r = call(command, params);
        if (r == null || !"1".equals(r.getTextContent().trim())) {
            throw new IceWarpApiException("the IceWarp API at " + url + " did not carry out " + command, command, "");
        }
    }

    private byte[] post(String command, byte[] body) {
        HttpPost post = new HttpPost(url);
        trust.forget();
        post.setEntity(new ByteArrayEntity(body, ContentType.create("text/xml", StandardCharsets.UTF_8)));
        try {
            return http.execute(post, response -> {
                if (response.getCode() != 200) {
                    // Redirects are not followed: the password would go along to wherever they point.
                    org.apache.hc.core5.http.Header location = response.getFirstHeader("Location");
                    String where = response.getCode() / 100 == 3 && location != null
                            ? " (a redirect to " + location.getValue() + ", not followed: set that address instead)" : "";
                    throw new ProtocolException("the IceWarp API at " + url + " answered " + command + " with HTTP "
                            + response.getCode() + (response.getCode() == 404 ? " (no API at this address)" : where),
                            null, null);
                }
                if (response.getEntity() == null) {
                    throw new ProtocolException("the IceWarp API at " + url + " answered " + command + " with no body",
                            null, null);
                }
                try (InputStream in = response.getEntity().getContent()) {
                    byte[] data = in.readNBytes(MAX_ANSWER + 1);
                    if (data.length > MAX_ANSWER) {
                        post.cancel();
                        throw new ProtocolException("the IceWarp API at " + url + " answered " + command
                                + " with more than " + MAX_ANSWER + " bytes", null, null);
                    }
                    return data;
                }
            });
        } catch (SSLException e) {
            if (!trust.lastChain().isEmpty()) {
                throw new UntrustedCertificateException("the certificate of " + url.getHost() + " is not trusted",
                        trust.lastChain(), e);
            }
            throw new ConnectionException("TLS with " + url.getHost() + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ConnectionException("the IceWarp API at " + url + " cannot be reached: " + e.getMessage(), e);
        }
    }

    /** Logs out (best effort) and frees the connections. */
    @Override
    public void close() {
        try {
            if (!sid.isEmpty()) {
                call("logout", p -> { });
            }
        } catch (RuntimeException e) {
            // the session ends on the server by itself
        } finally {
            sid = "";
            try {
                http.close();
            } catch (IOException e) {
                // nothing left to free
            }
        }
    }
}
