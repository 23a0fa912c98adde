package io.poolforge.sandbox.http;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Makes the sandbox's self-signed server certificate in-process: EC P-256, SHA256withECDSA,
 * SAN IP 127.0.0.1 and DNS localhost (clients check the host name), the extensions
 * {@code openssl req -x509} writes, so JDK, curl/OpenSSL and Python all accept it as a trust anchor.
 */
public final class CertificateMaker {
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The certificate, its key and a server SSLContext using them. */
    public record Made(X509Certificate certificate, KeyPair keyPair, SSLContext serverContext) {
        public String pem() {
            try {
                return "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                        + "\n-----END CERTIFICATE-----\n";
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private CertificateMaker() {
    }

    public static Made make(Instant now) {
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
            kpg.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair kp = kpg.generateKeyPair();
            byte[] spki = kp.getPublic().getEncoded();
            byte[] keyId = MessageDigest.getInstance("SHA-1").digest(spki);
            byte[] sigAlg = Der.seq(Der.oid("1.2.840.10045.4.3.2"));
            byte[] name = Der.seq(Der.set(Der.seq(Der.oid("2.5.4.3"), Der.utf8("PoolForge Sandbox"))),
                    Der.set(Der.seq(Der.oid("2.5.4.10"), Der.utf8("PoolForge"))));
            byte[] validity = Der.seq(Der.utcTime(UTC_TIME.format(now.minus(1, ChronoUnit.DAYS))),
                    Der.utcTime(UTC_TIME.format(now.plus(825, ChronoUnit.DAYS))));
            byte[] san = Der.seq(Der.ctx(7, false, new byte[] {127, 0, 0, 1}),
                    Der.ctx(2, false, "localhost".getBytes(StandardCharsets.US_ASCII)));
            byte[] extensions = Der.seq(
                    Der.seq(Der.oid("2.5.29.14"), Der.octets(Der.octets(keyId))),
                    Der.seq(Der.oid("2.5.29.35"), Der.octets(Der.seq(Der.ctx(0, false, keyId)))),
                    Der.seq(Der.oid("2.5.29.19"), Der.bool(true), Der.octets(Der.seq(Der.bool(true)))),
                    Der.seq(Der.oid("2.5.29.15"), Der.bool(true), Der.octets(Der.bits(2, new byte[] {(byte) 0x84}))),
                    Der.seq(Der.oid("2.5.29.37"), Der.octets(Der.seq(Der.oid("1.3.6.1.5.5.7.3.1")))),
                    Der.seq(Der.oid("2.5.29.17"), Der.octets(san)));
            BigInteger serial = new BigInteger(64, new SecureRandom()).setBit(62);
            byte[] tbs = Der.seq(Der.ctx(0, true, Der.integer(BigInteger.TWO)), Der.integer(serial), sigAlg, name, validity, name,
                    spki, Der.ctx(3, true, extensions));
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(kp.getPrivate());
            signer.update(tbs);
            byte[] cert = Der.seq(tbs, sigAlg, Der.bits(0, signer.sign()));
            X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(cert));

            // A key manager over the key and certificate in memory: a PKCS12 key store would encrypt the key (slow, and pointless here).
            SSLContext ctx = SSLContext.getInstance("TLS");
            // No trust managers: the server asks no client for a certificate, so it trusts nothing. Passing null would
            // make JSSE load the JDK's whole trust store (cacerts, ~140 certificates parsed) for a server that never uses it.
            ctx.init(new KeyManager[] {new OneKey(kp.getPrivate(), x509)}, new javax.net.ssl.TrustManager[0], null);
            return new Made(x509, kp, ctx);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not make the sandbox certificate", e);
        }
    }

    /** Serves the one key and certificate. */
    private static final class OneKey extends X509ExtendedKeyManager {
        private final PrivateKey key;
        private final X509Certificate cert;

        OneKey(PrivateKey key, X509Certificate cert) {
            this.key = key;
            this.cert = cert;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[0];
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return "EC".equals(keyType) ? new String[] {"sandbox"} : new String[0];
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return "EC".equals(keyType) ? "sandbox" : null;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return chooseServerAlias(keyType, issuers, null);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return new X509Certificate[] {cert};
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return key;
        }
    }
}
