package io.icesync.testkit.internal.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A fresh self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made at server start. */
public record TestCertificate(X509Certificate certificate, PrivateKey key) {

    /** A certificate for localhost, the loopback addresses, the host and these extra DNS names ({@code *.x} allowed). */
    public static TestCertificate generate(String host, java.util.Collection<String> dnsNames) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(256, new SecureRandom());
            KeyPair pair = g.generateKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name("CN=localhost, O=IceSync test server");
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic());
            java.util.List<GeneralName> names = new java.util.ArrayList<>(java.util.List.of(
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.iPAddress, "::1")));
            if (!host.equals("localhost") && !isAddress(host)) {
                names.add(new GeneralName(GeneralName.dNSName, host));
            }
            dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
            GeneralNames sans = new GeneralNames(names.toArray(new GeneralName[0]));
            b.addExtension(Extension.subjectAlternativeName, false, sans);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            return new TestCertificate(cert, pair.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("could not make the test server's certificate: " + e, e);
        }
    }

    private static boolean isAddress(String host) {
        try {
            return InetAddress.getByName(host).getHostAddress().equals(host);
        } catch (IOException e) {
            return false;
        }
    }

    /** The certificate in PEM, for a client to trust. */
    public String pem() {
        try (StringWriter s = new StringWriter(); JcaPEMWriter w = new JcaPEMWriter(s)) {
            w.writeObject(certificate);
            w.flush();
            return s.toString();
        } catch (IOException e) {
            throw new IllegalStateException("could not write a certificate as PEM", e);
        }
    }
}
