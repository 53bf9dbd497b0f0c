package io.icesync.examples.cli;

import io.icesync.core.Endpoint;
import io.icesync.core.Security;
import io.icesync.core.tls.CapturingTrust;
import io.icesync.smartdiscover.Dns;
import io.icesync.smartdiscover.SmartDiscover;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The options that shape discovery, shared by {@code discover} and {@code profile create}. */
final class DiscoveryOptions {
    @Option(names = "--dns", paramLabel = "HOST:PORT", description = "Ask this DNS server (default: the system's).")
    String dns;

    @Option(names = "--https-port", paramLabel = "PORT", description = "The port of https URLs that name none "
            + "(default 443; for test servers).")
    Integer httpsPort;

    @Option(names = "--allow-host", paramLabel = "HOST", description = "Let the password go to this host outside "
            + "the address's domain if discovery is sent there (repeatable).")
    List<String> allowHosts = new ArrayList<>();

    SmartDiscover discovery(List<X509Certificate> trusted) {
        SmartDiscover.Builder b = SmartDiscover.builder().trust(trusted.toArray(new X509Certificate[0]));
        if (dns != null) {
            Endpoint e = Endpoint.parse(dns, Security.PLAIN);
            b.dns(Dns.at(new InetSocketAddress(e.host(), e.port()), Duration.ofSeconds(3)));
        }
        if (httpsPort != null) {
            b.httpsPort(httpsPort);
        }
        List<String> allowed = allowHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        return b.consent(uri -> allowed.contains(uri.getHost().toLowerCase(Locale.ROOT))).build();
    }

    /** Certificates from a PEM file given with --trust-cert (none when no file). */
    static List<X509Certificate> certificates(Path pem) throws IOException, CertificateException {
        if (pem == null) {
            return List.of();
        }
        return CapturingTrust.parsePem(Files.readString(pem, StandardCharsets.US_ASCII));
    }
}
