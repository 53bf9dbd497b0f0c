package io.icesync.core.tls;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts the JVM's CAs plus certificates the user chose to trust (F2.3), and remembers the chain
 * the server presented so that an untrusted one can be shown to the user.
 */
public final class CapturingTrust implements X509TrustManager {
    /** The JVM's CAs, read on first use: a plain-text connection never pays for loading them. */
    private volatile X509TrustManager system;
    private final X509TrustManager extra;
    private volatile List<X509Certificate> lastChain = List.of();

    /**
     * A trust over the JVM's CAs plus {@code trusted}; the CAs themselves are read at the first check.
     *
     * @param trusted certificates the user accepted, possibly empty; copied
     * @throws GeneralSecurityException if the JDK cannot build a trust manager over {@code trusted}
     */
    public CapturingTrust(Collection<X509Certificate> trusted) throws GeneralSecurityException {
        if (trusted.isEmpty()) {
            this.extra = null;
        } else {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            try {
                ks.load(null, null);
            } catch (java.io.IOException e) {
                throw new GeneralSecurityException(e);
            }
            int i = 0;
            for (X509Certificate c : trusted) {
                ks.setCertificateEntry("trusted-" + i++, c);
            }
            this.extra = manager(ks);
        }
    }

    private static X509TrustManager manager(KeyStore ks) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(ks);
        for (TrustManager t : f.getTrustManagers()) {
            if (t instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X509 trust manager available");
    }

    /**
     * Parses PEM text holding one or more certificates.
     *
     * @param pem one or more {@code -----BEGIN CERTIFICATE-----} blocks
     * @return the certificates in the order of the text, never empty
     * @throws CertificateException if the text holds no certificate or a damaged one
     */
    public static List<X509Certificate> parsePem(String pem) throws CertificateException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        for (var c : cf.generateCertificates(new ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))) {
            out.add((X509Certificate) c);
        }
        if (out.isEmpty()) {
            throw new CertificateException("no certificate found in the PEM text");
        }
        return out;
    }

    /**
     * TLS sockets whose server certificates are checked by this trust.
     *
     * @return a new factory over a TLS context using this trust
     * @throws GeneralSecurityException if the JDK cannot set up the TLS context
     */
    public SSLSocketFactory socketFactory() throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {this}, null);
        return ctx.getSocketFactory();
    }

    /**
     * The chain of the last server that was checked, leaf first.
     *
     * @return an immutable list, empty before the first check
     */
    public List<X509Certificate> lastChain() {
        return lastChain;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        lastChain = List.copyOf(Arrays.asList(chain));
        try {
            system().checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            if (extra == null) {
                throw e;
            }
            extra.checkServerTrusted(chain, authType);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        system().checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        try {
            return system().getAcceptedIssuers();
        } catch (CertificateException e) {
            return new X509Certificate[0];
        }
    }

    private X509TrustManager system() throws CertificateException {
        X509TrustManager s = system;
        if (s == null) {
            try {
                s = manager(null);
            } catch (GeneralSecurityException e) {
                throw new CertificateException("the JVM's trusted certificates cannot be read: " + e.getMessage(), e);
            }
            system = s;
        }
        return s;
    }
}
