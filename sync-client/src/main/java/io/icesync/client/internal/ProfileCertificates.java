package io.icesync.client.internal;

import io.icesync.client.Profile;
import io.icesync.core.InvalidSettingException;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.core.tls.CapturingTrust;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A profile's accepted certificates (F2.3), kept as PEM in {@code profile.json} so that the file
 * alone describes the account. Changes are written at once; stores read the list at each connection.
 */
public final class ProfileCertificates implements CertificateTrust {
    private final Path file;
    private volatile String pem;

    public ProfileCertificates(Path profileFile, String pem) {
        this.file = profileFile;
        this.pem = pem;
        parse(pem); // a bad PEM is refused when the profile opens, not at the first connection
    }

    /** The PEM text of every accepted certificate, or null when there is none. */
    public String pem() {
        return pem;
    }

    @Override
    public List<X509Certificate> accepted() {
        return parse(pem);
    }

    @Override
    public synchronized void accept(X509Certificate certificate) {
        List<X509Certificate> now = new ArrayList<>(accepted());
        if (now.contains(certificate)) {
            return;
        }
        now.add(certificate);
        save(now);
    }

    @Override
    public synchronized boolean remove(String sha256) {
        List<X509Certificate> now = new ArrayList<>(accepted());
        boolean removed = now.removeIf(c -> CertificateTrust.sameFingerprint(CertificateTrust.sha256(c), sha256));
        if (removed) {
            save(now);
        }
        return removed;
    }

    /** Runs a change of the profile file under the same lock as certificate changes. */
    public synchronized void write(Profile p) {
        if (file != null) {
            ProfileJson.write(file, p.withTrustedCertificatePem(pem));
        }
    }

    private void save(List<X509Certificate> certs) {
        String next = certs.isEmpty() ? null : toPem(certs);
        if (file != null) {
            Profile onDisk = ProfileJson.read(file);
            ProfileJson.write(file, onDisk.withTrustedCertificatePem(next));
        }
        pem = next;
    }

    private static List<X509Certificate> parse(String pem) {
        if (pem == null || pem.isBlank()) {
            return List.of();
        }
        try {
            return CapturingTrust.parsePem(pem);
        } catch (CertificateException e) {
            throw new InvalidSettingException("trustedCertificatePem", "not a PEM certificate: " + e.getMessage(), e);
        }
    }

    static String toPem(List<X509Certificate> certs) {
        StringWriter w = new StringWriter();
        Base64.Encoder b64 = Base64.getMimeEncoder(64, new byte[] {'\n'});
        for (X509Certificate c : certs) {
            try {
                w.append("-----BEGIN CERTIFICATE-----\n").append(b64.encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("cannot encode a certificate", e);
            }
        }
        return w.toString();
    }
}
