package io.poolforge.azure.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import io.poolforge.sandbox.Sandbox;
import io.poolforge.sandbox.http.CertificateMaker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's HTTP client trusts exactly the sandbox's certificate ({@link PinnedTrust}), and its first connection
 * no longer runs the JDK's PKIX validation, whose algorithm check read the JDK's whole {@code cacerts} on the
 * connection's path (PF-21 sixth pass).
 */
class PinnedTrustTest {

    @Test
    void trustsOnlyThePinnedCertificateWithinItsDates() throws Exception {
        X509Certificate sandbox = CertificateMaker.make(Instant.now()).certificate();
        PinnedTrust trust = new PinnedTrust(List.of(sandbox));
        trust.checkServerTrusted(new X509Certificate[] {sandbox}, "EC");
        assertThat(trust.getAcceptedIssuers()).containsExactly(sandbox);

        // Another certificate with the same subject and the same kind of key: refused.
        X509Certificate other = CertificateMaker.make(Instant.now()).certificate();
        assertThat(other.getSubjectX500Principal()).isEqualTo(sandbox.getSubjectX500Principal());
        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] {other}, "EC"))
                .isInstanceOf(CertificateException.class).hasMessageContaining("not the one trusted here");
        // The pinned certificate after its dates (made 900 days ago, valid for 825): refused.
        X509Certificate old = CertificateMaker.make(Instant.now().minus(900, ChronoUnit.DAYS)).certificate();
        assertThatThrownBy(() -> new PinnedTrust(List.of(old)).checkServerTrusted(new X509Certificate[] {old}, "EC"))
                .isInstanceOf(CertificateExpiredException.class);
        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[0], "EC")).isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> trust.checkClientTrusted(new X509Certificate[] {sandbox}, "EC")).isInstanceOf(CertificateException.class);
    }

    @Test
    void aClientPinnedToAnotherCertificateCannotConnect(@TempDir Path dir) throws Exception {
        try (Sandbox sb = Sandbox.builder().scenario("demo").timeScale(0).certificateDirectory(dir).start()) {
            Path otherPem = dir.resolve("other.pem");
            java.nio.file.Files.writeString(otherPem, CertificateMaker.make(Instant.now()).pem());
            var wrong = SdkClients.trustingHttpClient(otherPem);
            HttpRequest get = new HttpRequest(HttpMethod.GET, sb.armUrl() + "subscriptions?api-version=2022-12-01");
            assertThatThrownBy(() -> wrong.send(get).block()).hasStackTraceContaining("not the one trusted here");
            // The sandbox's own certificate: connected, and ARM's answer to a request without a token.
            assertThat(SdkClients.trustingHttpClient(sb.certificatePath()).send(get).block().getStatusCode()).isEqualTo(401);
        }
    }

    @Test
    void theFirstConnectionDoesNotLoadTheJdksListOfItsOwnCas(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xlog:class+load=info:stdout", "-Duser.home=" + dir,
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), dir.toString()))
                .redirectErrorStream(true).start();
        byte[] bytes = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
        String out = new String(bytes, StandardCharsets.UTF_8);
        int connected = out.indexOf("status=401");
        int probe = out.indexOf("probe: loading AnchorCertificates");
        assertThat(connected).as("the child connected to its sandbox").isPositive();
        assertThat(probe).as("the child's probe ran").isGreaterThan(connected);
        // The class is loaded only where the probe asks for it (the log line proves the log would show it).
        int loaded = out.indexOf("sun.security.util.AnchorCertificates ");
        assertThat(loaded).as("AnchorCertificates loaded by the probe, not by the connection").isGreaterThan(probe);
        assertThat(p.exitValue()).isZero();
    }

    /** The child JVM: a sandbox, one request through the sandbox's client, then the probe. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            try (Sandbox sb = Sandbox.builder().scenario("demo").timeScale(0).certificateDirectory(Path.of(args[0])).start()) {
                var http = SdkClients.trustingHttpClient(sb.certificatePath());
                int status = http.send(new HttpRequest(HttpMethod.GET, sb.armUrl() + "subscriptions?api-version=2022-12-01"))
                        .block().getStatusCode();
                System.out.println("status=" + status);
            }
            System.out.println("probe: loading AnchorCertificates");
            Class.forName("sun.security.util.AnchorCertificates", false, null);
            System.out.println("probe: done");
            System.exit(0);
        }
    }
}
