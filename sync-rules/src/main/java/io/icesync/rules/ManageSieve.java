package io.icesync.rules;

import io.icesync.core.AuthenticationException;
import io.icesync.core.ConnectionException;
import io.icesync.core.Endpoint;
import io.icesync.core.ProtocolException;
import io.icesync.core.Security;
import io.icesync.core.UntrustedCertificateException;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.core.tls.CapturingTrust;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * A ManageSieve (RFC 5804) connection: STARTTLS with certificate checks, AUTHENTICATE PLAIN, and the
 * script commands. Failures are typed: connection, authentication, untrusted certificate, or the
 * server's NO with its reason (a script error names its line).
 */
public final class ManageSieve implements AutoCloseable {
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final String server;
    private Map<String, String> capabilities = new LinkedHashMap<>();

    private ManageSieve(String server) {
        this.server = server;
    }

    /**
     * Connects, upgrades with STARTTLS unless the endpoint says PLAIN, and logs in (SASL PLAIN).
     *
     * @param e        the server's host, port and security
     * @param login    the login name
     * @param password its password, sent only after TLS unless the endpoint is PLAIN
     * @param trust    certificates accepted beyond the system's CAs
     * @param timeout  bound of the connect and of each read
     * @return a logged-in session; close it when done
     * @throws io.icesync.core.AuthenticationException when the login is refused
     * @throws io.icesync.core.UntrustedCertificateException when the server's certificate is not trusted
     * @throws io.icesync.core.ConnectionException when the server cannot be reached
     */
    public static ManageSieve open(Endpoint e, String login, char[] password, CertificateTrust trust, Duration timeout) {
        ManageSieve s = new ManageSieve(e.host() + ":" + e.port());
        CapturingTrust capturing;
        try {
            capturing = new CapturingTrust(trust.accepted());
        } catch (GeneralSecurityException x) {
            throw new ConnectionException("cannot set up certificate checks: " + x.getMessage(), x);
        }
        try {
            Socket raw = new Socket();
            raw.connect(new InetSocketAddress(e.host(), e.port()), (int) timeout.toMillis());
            raw.setSoTimeout((int) timeout.toMillis());
            s.attach(raw);
            if (e.security() == Security.SSL) {
                s.tls(capturing, e.host());
            }
            s.capabilities = s.readCapabilities();
            if (e.security() == Security.STARTTLS) {
                if (!s.capabilities.containsKey("STARTTLS")) {
                    throw new ConnectionException("the ManageSieve server " + s.server + " does not offer STARTTLS", null);
                }
                s.command("STARTTLS");
                s.tls(capturing, e.host());
                s.capabilities = s.readCapabilities();
            }
            String plain = Base64.getEncoder().encodeToString(("\0" + login + "\0" + new String(password))
                    .getBytes(StandardCharsets.UTF_8));
            Reply r = s.send("AUTHENTICATE \"PLAIN\" \"" + plain + "\"");
            if (!r.ok()) {
                throw new AuthenticationException("the ManageSieve server " + s.server + " refused the login of " + login
                        + (r.text().isEmpty() ? "" : " (" + r.text() + ")"), null);
            }
            return s;
        } catch (SSLException x) {
            s.close();
            if (!capturing.lastChain().isEmpty()) {
                throw new UntrustedCertificateException("the certificate of " + s.server + " is not trusted",
                        capturing.lastChain(), x);
            }
            throw new ConnectionException("TLS with " + s.server + " failed: " + x.getMessage(), x);
        } catch (IOException x) {
            s.close();
            throw new ConnectionException("the ManageSieve server " + s.server + " cannot be reached: " + x.getMessage(), x);
        } catch (RuntimeException x) {
            s.close();
            throw x;
        }
    }

    /** {@return the server's capabilities after login, name to value (e.g. SIEVE to its extensions)} */
    public Map<String, String> capabilities() {
        return capabilities;
    }

    /**
     * Stores a script; the server checks it and says where it is wrong.
     *
     * @param name   the script's name
     * @param script its text
     * @throws io.icesync.core.ProtocolException when the server refuses it, with its reason
     */
    public void putScript(String name, String script) {
        byte[] b = script.getBytes(StandardCharsets.UTF_8);
        Reply r = send("PUTSCRIPT " + q(name) + " {" + b.length + "+}\r\n" + script);
        if (!r.ok()) {
            throw new ProtocolException("the ManageSieve server " + server + " refused the script '" + name + "': "
                    + r.text(), null, null);
        }
    }

    /**
     * Makes a stored script the one the server runs.
     *
     * @param name the script's name
     * @throws io.icesync.core.ProtocolException when the server cannot activate it
     */
    public void setActive(String name) {
        Reply r = send("SETACTIVE " + q(name));
        if (!r.ok()) {
            throw new ProtocolException("the ManageSieve server " + server + " cannot activate '" + name + "': " + r.text(),
                    null, null);
        }
    }

    /**
     * The script's text, or null when there is no such script.
     *
     * @param name the script's name
     * @return its text, or null
     */
    public String getScript(String name) {
        Reply r = send("GETSCRIPT " + q(name));
        if (!r.ok()) {
            return null;
        }
        return r.data().isEmpty() ? "" : r.data().get(0);
    }

    /** {@return script name to whether it is the active one, in the server's order} */
    public Map<String, Boolean> listScripts() {
        Reply r = send("LISTSCRIPTS");
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (String line : r.lines()) {
            if (line.startsWith("\"")) {
                int end = line.indexOf('"', 1);
                out.put(line.substring(1, end), line.substring(end + 1).trim().equalsIgnoreCase("ACTIVE"));
            }
        }
        return out;
    }

    @Override
    public void close() {
        try {
            if (out != null) {
                out.write("LOGOUT\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            // closing anyway
        }
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            // closed
        }
    }

    // ---- protocol

    /** A final response: OK or not, its text, the untagged lines before it, and literal data. */
    private record Reply(boolean ok, String text, List<String> lines, List<String> data) {
    }

    private void attach(Socket s) throws IOException {
        socket = s;
        in = new BufferedInputStream(s.getInputStream());
        out = s.getOutputStream();
    }

    private void tls(CapturingTrust trust, String host) throws IOException {
        try {
            SSLSocket ssl = (SSLSocket) trust.socketFactory().createSocket(socket, host, socket.getPort(), true);
            javax.net.ssl.SSLParameters p = ssl.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            ssl.setSSLParameters(p);
            ssl.startHandshake();
            attach(ssl);
        } catch (GeneralSecurityException e) {
            throw new SSLException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private Map<String, String> readCapabilities() throws IOException {
        Reply r = read();
        if (!r.ok()) {
            throw new ConnectionException("the ManageSieve server " + server + " is not ready: " + r.text(), null);
        }
        Map<String, String> caps = new LinkedHashMap<>();
        for (String line : r.lines()) {
            String[] parts = line.split("\"");
            if (parts.length >= 2) {
                caps.put(parts[1].toUpperCase(Locale.ROOT), parts.length >= 4 ? parts[3] : "");
            }
        }
        return caps;
    }

    private void command(String line) throws IOException {
        Reply r = send(line);
        if (!r.ok()) {
            throw new ConnectionException("the ManageSieve server " + server + " refused " + line + ": " + r.text(), null);
        }
    }

    private Reply send(String command) {
        try {
            out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return read();
        } catch (IOException e) {
            throw new ConnectionException("the connection to the ManageSieve server " + server + " broke: "
                    + e.getMessage(), e);
        }
    }

    private Reply read() throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> data = new ArrayList<>();
        while (true) {
            String line = line();
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith("OK") || upper.startsWith("NO") || upper.startsWith("BYE")) {
                String text = line.length() > 2 ? line.substring(upper.startsWith("BYE") ? 3 : 2).trim() : "";
                if (text.endsWith("}") && text.contains("{")) {
                    text = text.substring(0, text.lastIndexOf('{')) + literal(text);
                }
                return new Reply(upper.startsWith("OK"), text.replaceAll("^\\([^)]*\\)\\s*", "").replace("\"", "").trim(),
                        lines, data);
            }
            if (line.startsWith("{") && line.endsWith("}")) {
                data.add(literal(line));
                continue;
            }
            lines.add(line);
        }
    }

    private String literal(String marker) throws IOException {
        String n = marker.substring(marker.lastIndexOf('{') + 1, marker.length() - 1).replace("+", "");
        byte[] b = in.readNBytes(Integer.parseInt(n));
        return new String(b, StandardCharsets.UTF_8);
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        if (c < 0 && b.size() == 0) {
            throw new IOException("the server closed the connection");
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
