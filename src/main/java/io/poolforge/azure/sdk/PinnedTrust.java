package io.poolforge.azure.sdk;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a server only if the certificate it presents is exactly one of the given ones (byte for byte) and is within
 * its validity dates: the sandbox's self-signed certificate, which the client reads from the PEM the sandbox wrote.
 *
 * <p>Stricter than a trust store holding that certificate as an anchor (the JDK's PKIX validation would also accept a
 * certificate the sandbox's key signed), and it skips what PKIX costs on the first handshake: the JDK's validator, and
 * its algorithm check's list of the JDK's own CAs ({@code sun.security.util.AnchorCertificates} reads the whole
 * {@code lib/security/cacerts}, ~140 certificates, cold, on the connection's path; PF-21 sixth pass). The server still
 * proves it holds the certificate's key: JSSE checks its handshake signature whatever the trust manager says. Used
 * only for the sandbox; connections to Azure keep the JDK's default trust.
 */
final class PinnedTrust extends X509ExtendedTrustManager {
    private final List<X509Certificate> pinned;

    PinnedTrust(List<X509Certificate> pinned) {
        if (pinned.isEmpty()) throw new IllegalArgumentException("no certificate to trust");
        this.pinned = List.copyOf(pinned);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("This client trusts no client certificate");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("This client trusts no client certificate");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("This client trusts no client certificate");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pinned.toArray(X509Certificate[]::new);
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) throw new CertificateException("The server presented no certificate");
        X509Certificate leaf = chain[0];
        for (X509Certificate p : pinned) {
            if (p.equals(leaf)) {
                leaf.checkValidity();
                return;
            }
        }
        throw new CertificateException("The server's certificate is not the one trusted here: "
                + leaf.getSubjectX500Principal() + ", serial " + leaf.getSerialNumber().toString(16));
    }
}
