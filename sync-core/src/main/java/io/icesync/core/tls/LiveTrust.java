package io.icesync.core.tls;

import io.icesync.core.spi.CertificateTrust;
import io.icesync.core.tls.CapturingTrust;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Checks each new TLS connection with a {@link CapturingTrust} over the user's trust list as it is at
 * that moment, so that a certificate accepted after an {@link io.icesync.core.UntrustedCertificateException}
 * works on the next request without building a new client. The chain is kept per thread: a classic
 * HttpClient handshakes on the thread that runs the request, which is the one that reports the error.
 */
public final class LiveTrust implements X509TrustManager {
    private final CertificateTrust source;
    private final ThreadLocal<List<X509Certificate>> lastChain = ThreadLocal.withInitial(List::of);
    private List<X509Certificate> builtFor;
    private CapturingTrust current;

    /**
     * A trust that reads {@code source} at each handshake.
     *
     * @param source the user's trust list; null trusts the JVM's CAs alone
     */
    public LiveTrust(CertificateTrust source) {
        this.source = source;
    }

    /**
     * A TLS context that checks servers with this trust.
     *
     * @return a new context using this trust
     * @throws IllegalStateException if the JDK cannot set up TLS
     */
    public SSLContext sslContext() {
        try {
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(null, new TrustManager[] {this}, null);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /**
     * The chain the server presented during this thread's last handshake, leaf first.
     *
     * @return an immutable list, empty when this thread made no handshake since {@link #forget()}
     */
    public List<X509Certificate> lastChain() {
        return lastChain.get();
    }

    /** Forgets this thread's last chain, before a new request. */
    public void forget() {
        lastChain.remove();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        lastChain.set(List.of(chain));
        delegate().checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate().checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        try {
            return delegate().getAcceptedIssuers();
        } catch (CertificateException e) {
            return new X509Certificate[0];
        }
    }

    /** Rebuilt only when the trust list changed: building one reads the JVM's CA file. */
    private synchronized CapturingTrust delegate() throws CertificateException {
        List<X509Certificate> accepted = source == null ? List.of() : source.accepted();
        if (current == null || !accepted.equals(builtFor)) {
            try {
                current = new CapturingTrust(accepted);
            } catch (GeneralSecurityException e) {
                throw new CertificateException("cannot set up certificate checks: " + e.getMessage(), e);
            }
            builtFor = List.copyOf(accepted);
        }
        return current;
    }
}
