package io.icesync.rules;

import io.icesync.core.PolicyLockedException;
import io.icesync.core.ServiceAccess;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.core.xml.SafeDom;
import io.icesync.net.HttpClientFactory;
import io.icesync.rules.internal.IceWarpAccountXml;
import io.icesync.rules.internal.IceWarpApi;
import java.io.Closeable;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * The user's mail signature as WebClient uses it (F10.6), through IceWarp's XML API
 * ({@code /icewarpapi/}): the account property {@link #PROPERTY}, a string holding the signature's
 * HTML, read with {@code getaccountproperties} and written with {@code setaccountproperties}. The
 * property's name is inferred (see ICEWARP-PROTOCOL notes in docs/ARCHITECTURE.md); the right the
 * server gives with it is honoured: a signature the administrator locked reads, and {@link #write}
 * refuses it before anything is sent.
 */
public final class IceWarpSignature implements Closeable {
    /** The account property that holds the signature's HTML. */
    public static final String PROPERTY = "A_Signature";
    /** TPermission values that allow writing: ReadWrite and ForcedReadWrite. */
    private static final Set<Integer> WRITABLE = Set.of(2, 5);

    private final IceWarpApi api;
    private final String who;

    private IceWarpSignature(IceWarpApi api, String who) {
        this.api = api;
        this.who = who;
    }

    /**
     * Logs in to the API at {@code api} (such as {@code https://mail.example.com/icewarpapi/}) as {@code login}, with 15 s timeouts.
     *
     * @param api      the API's URL
     * @param login    the account's login
     * @param password its password, not kept beyond the session's login
     * @param trust    certificates accepted beyond the system's CAs
     * @return the signature of that account; close it when done
     * @throws io.icesync.core.AuthenticationException when the login is refused
     * @throws io.icesync.core.UntrustedCertificateException when the server's certificate is not trusted
     * @throws io.icesync.core.ConnectionException when the server cannot be reached
     */
    public static IceWarpSignature connect(URI api, String login, char[] password, CertificateTrust trust) {
        Objects.requireNonNull(trust, "trust");
        return connect(api, ServiceAccess.builder().credentials(login, password).trust(trust)
                .timeout(Duration.ofSeconds(15)).build(), HttpClientFactory.standard());
    }

    /**
     * Logs in with {@code access}'s credentials (required), timeouts, trust and proxy.
     *
     * @param api     the API's URL
     * @param access  credentials, trust, timeouts and proxy
     * @param clients makes the HTTP client
     * @return the signature of that account; close it when done
     * @throws IllegalArgumentException when {@code access} has no credentials
     * @throws io.icesync.core.AuthenticationException when the login is refused
     * @throws io.icesync.core.UntrustedCertificateException when the server's certificate is not trusted
     * @throws io.icesync.core.ConnectionException when the server cannot be reached
     */
    public static IceWarpSignature connect(URI api, ServiceAccess access, HttpClientFactory clients) {
        if (!access.hasCredentials()) {
            throw new IllegalArgumentException("the IceWarp API needs a login: ServiceAccess.credentials(...)");
        }
        return new IceWarpSignature(IceWarpApi.login(api, access, clients), access.user());
    }

    /** The signature as the server holds it, with whether the user may change it. */
    public record Stored(String html, boolean writable) {
        /**
         * Checks the text.
         *
         * @param html     the signature's HTML, "" for none
         * @param writable whether the user may change it
         */
        public Stored {
            Objects.requireNonNull(html, "html");
        }
    }

    /**
     * Reads the signature; "" when the account has none (or may not read it).
     *
     * @return the HTML and whether the user may change it
     * @throws IceWarpApiException when the API answers with an error or without the property
     */
    public Stored read() {
        Element result = api.call("getaccountproperties", p -> {
            SafeDom.append(p, "accountemail", who);
            Element list = SafeDom.append(p, "accountpropertylist");
            SafeDom.append(list, "classname", "TPropertyStringList");
            SafeDom.append(SafeDom.append(list, "val"), "item", PROPERTY);
        });
        for (Element item : SafeDom.children(SafeDom.child(result, "items"), "item")) {
            String name = SafeDom.trimmed(SafeDom.child(item, "apiproperty"), "propname");
            if (!PROPERTY.equalsIgnoreCase(name)) {
                continue;
            }
            String right = SafeDom.trimmed(item, "propertyright");
            int r;
            try {
                r = right == null || right.isEmpty() ? 2 : Integer.parseInt(right);
            } catch (NumberFormatException e) {
                throw new IceWarpApiException("the IceWarp API at " + api.url() + " gave the right '" + right
                        + "' for " + PROPERTY, "getaccountproperties", "");
            }
            Element value = SafeDom.child(item, "propertyval");
            return new Stored(value == null ? "" : IceWarpAccountXml.readString(value), WRITABLE.contains(r));
        }
        throw new IceWarpApiException("the IceWarp API at " + api.url() + " did not return " + PROPERTY,
                "getaccountproperties", "");
    }

    /**
     * Writes the signature's HTML.
     *
     * @param html the new signature, "" to clear it
     * @throws PolicyLockedException when the administrator locked it (nothing is sent)
     * @throws IceWarpApiException when the API refuses it
     */
    public void write(String html) {
        Objects.requireNonNull(html, "html");
        if (!read().writable()) {
            throw new PolicyLockedException("signature", "server administrator's");
        }
        api.expectOk("setaccountproperties", p -> {
            SafeDom.append(p, "accountemail", who);
            Element item = SafeDom.append(SafeDom.append(SafeDom.append(p, "propertyvaluelist"), "items"), "item");
            SafeDom.append(SafeDom.append(item, "apiproperty"), "propname", PROPERTY);
            IceWarpAccountXml.writeString(SafeDom.append(item, "propertyval"), html);
        });
    }

    @Override
    public void close() {
        api.close();
    }
}
