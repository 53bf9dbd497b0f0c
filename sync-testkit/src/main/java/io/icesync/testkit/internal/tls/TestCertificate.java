package io.icesync.testkit.internal.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * A fresh self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made at server start.
 * Its names follow the server's accounts (SmartDiscover is reached at {@code autodiscover.<domain>}), so
 * it is made, not bundled: the JDK signs it, {@link Der} encodes it.
 */
public record TestCertificate(X509Certificate certificate, PrivateKey key) {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String ORGANIZATION = "2.5.4.10";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";

    /** A certificate for localhost, the loopback addresses, the host and these extra DNS names ({@code *.x} allowed). */
    public static TestCertificate generate(String host, Collection<String> dnsNames) {
        try {
            SecureRandom random = new SecureRandom();
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(256, random);
            KeyPair pair = g.generateKeyPair();
            List<byte[]> names = new ArrayList<>(List.of(
                    dnsName("localhost"),
                    ipAddress("127.0.0.1"),
                    ipAddress("::1")));
            if (!host.equals("localhost") && !isAddress(host)) {
                names.add(dnsName(host));
            }
            dnsNames.forEach(n -> names.add(dnsName(n)));
            byte[] algorithm = Der.sequence(Der.oid(ECDSA_SHA256));
            byte[] name = Der.sequence(
                    Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8("localhost"))),
                    Der.set(Der.sequence(Der.oid(ORGANIZATION), Der.utf8("IceSync test server"))));
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).withNano(0);
            byte[] tbs = Der.sequence(
                    Der.context(0, true, Der.integer(BigInteger.TWO)),          // v3
                    Der.integer(new BigInteger(64, random).add(BigInteger.ONE)),
                    algorithm,
                    name,
                    Der.sequence(Der.time(now.minusDays(1)), Der.time(now.plusDays(3650))),
                    name,
                    pair.getPublic().getEncoded(),
                    Der.context(3, true, Der.sequence(
                            Der.sequence(Der.oid(SUBJECT_ALT_NAME),
                                    Der.octets(Der.sequence(names.toArray(new byte[0][])))),
                            Der.sequence(Der.oid(BASIC_CONSTRAINTS), Der.bool(true),
                                    Der.octets(Der.sequence())))));
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(pair.getPrivate(), random);
            signer.update(tbs);
            byte[] der = Der.sequence(tbs, algorithm, Der.bits(signer.sign()));
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            cert.verify(pair.getPublic());
            return new TestCertificate(cert, pair.getPrivate());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("could not make the test server's certificate: " + e, e);
        }
    }

    private static byte[] dnsName(String name) {
        return Der.context(2, false, Der.ascii(name));
    }

    private static byte[] ipAddress(String literal) {
        try {
            return Der.context(7, false, InetAddress.getByName(literal).getAddress());
        } catch (IOException e) {
            throw new IllegalArgumentException("not an IP address: " + literal, e);
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
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(Der.ascii("-----BEGIN CERTIFICATE-----\n"));
            out.writeBytes(Base64.getMimeEncoder(64, new byte[] {'\n'}).encode(certificate.getEncoded()));
            out.writeBytes(Der.ascii("\n-----END CERTIFICATE-----\n"));
            return out.toString(java.nio.charset.StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not write a certificate as PEM", e);
        }
    }
}
