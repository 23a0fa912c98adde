package io.poolforge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreSpi;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's HTTPS server does not read the JVM's trust store: it asks no client for a certificate, so it has
 * nothing to trust. It used to initialise its TLS context with the default trust managers, which made JSSE load the
 * JDK's {@code cacerts} (~140 certificates parsed, cold, while the first-run sandbox starts; PF-21 sixth pass,
 * docs/BENCHMARKS.md). The child JVM's trust store is a key store of a type only this test provides, which counts
 * its loads. Run in a child JVM, since the JDK keeps the trust store it loaded for the whole process.
 */
class SandboxTrustStoreTest {

    @Test
    void theSandboxStartsAndAnswersWithoutReadingTheJvmsTrustStore(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("trust-store.probe");
        Files.writeString(store, "read by ProbeKeyStore only\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Djavax.net.ssl.trustStore=" + store,
                "-Djavax.net.ssl.trustStoreType=" + ProbeKeyStore.TYPE, "-Duser.home=" + dir,
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), dir.toString()))
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // The probe works: the JVM's default trust managers read the store once when asked for them.
        assertThat(out).as(out).contains("probe-after-default-trust=1");
        // The sandbox answered an unauthenticated ARM request over TLS (401, as ARM does) without reading it.
        assertThat(out).as(out).contains("status=401").contains("trust-store-loads=0");
        assertThat(p.exitValue()).as(out).isZero();
    }

    /** The child JVM: starts a sandbox and sends it one HTTPS request, trusting only the sandbox's certificate. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Security.addProvider(new Provider("PoolForgeProbe", "1", "counts trust store loads") {
                {
                    put("KeyStore." + ProbeKeyStore.TYPE, ProbeKeyStore.class.getName());
                }
            });
            try (Sandbox sb = Sandbox.builder().scenario("demo").timeScale(0).certificateDirectory(Path.of(args[0])).start()) {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                trust.setCertificateEntry("sandbox", sb.certificate());
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, tmf.getTrustManagers(), null);
                HttpResponse<String> r = HttpClient.newBuilder().sslContext(ctx).build().send(
                        HttpRequest.newBuilder(URI.create(sb.armUrl() + "subscriptions?api-version=2022-12-01")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                System.out.println("status=" + r.statusCode());
                System.out.println("trust-store-loads=" + ProbeKeyStore.LOADS.get());
            }
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm()).init((KeyStore) null);
            System.out.println("probe-after-default-trust=" + ProbeKeyStore.LOADS.get());
        }
    }

    /** An empty key store that counts how often it is loaded. */
    public static final class ProbeKeyStore extends KeyStoreSpi {
        static final String TYPE = "PoolForgeProbe";
        static final AtomicInteger LOADS = new AtomicInteger();

        @Override public void engineLoad(InputStream in, char[] password) { LOADS.incrementAndGet(); }
        @Override public Key engineGetKey(String alias, char[] password) { return null; }
        @Override public Certificate[] engineGetCertificateChain(String alias) { return null; }
        @Override public Certificate engineGetCertificate(String alias) { return null; }
        @Override public Date engineGetCreationDate(String alias) { return null; }
        @Override public void engineSetKeyEntry(String alias, Key key, char[] password, Certificate[] chain) { }
        @Override public void engineSetKeyEntry(String alias, byte[] key, Certificate[] chain) { }
        @Override public void engineSetCertificateEntry(String alias, Certificate cert) { }
        @Override public void engineDeleteEntry(String alias) { }
        @Override public Enumeration<String> engineAliases() { return Collections.emptyEnumeration(); }
        @Override public boolean engineContainsAlias(String alias) { return false; }
        @Override public int engineSize() { return 0; }
        @Override public boolean engineIsKeyEntry(String alias) { return false; }
        @Override public boolean engineIsCertificateEntry(String alias) { return false; }
        @Override public String engineGetCertificateAlias(Certificate cert) { return null; }
        @Override public void engineStore(OutputStream out, char[] password) { }
    }
}
