package io.poolforge.sandbox;

import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.resourcemanager.batch.BatchManager;
import com.azure.resourcemanager.compute.ComputeManager;
import com.azure.resourcemanager.resources.fluentcore.utils.ResourceManagerUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolforge.azure.sdk.SdkClients;
import io.poolforge.sandbox.scenarios.Scenarios;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one test fixture: starts a sandbox for a test class and builds the SDK clients exactly as the app
 * does ({@link SdkClients#forSandbox}), with a short retry back-off and poll interval so tests stay fast.
 * {@code @RegisterExtension static final SandboxExtension SB = new SandboxExtension(b -> b.scenario("demo"));}
 */
final class SandboxExtension implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, AutoCloseable {
    static final String SUB = Scenarios.SUB_PROD;
    static final String SUB_DEV = Scenarios.SUB_DEV;
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CERT_DIR = Path.of(System.getProperty("poolforge.home", System.getProperty("java.io.tmpdir")), "sandbox-certs");

    static {
        // Compute's LROs poll every 30 s unless told otherwise; the sandbox says Retry-After: 0 at time scale 0.
        ResourceManagerUtils.InternalRuntimeContext.setDelayProvider(d -> Duration.ofMillis(20));
    }

    private final UnaryOperator<Sandbox.Builder> options;
    private final List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Sandbox sandbox;
    private SdkClients clients;
    private HttpClient raw;
    private long startMillis;

    SandboxExtension(UnaryOperator<Sandbox.Builder> options) {
        this.options = options;
    }

    /** demo, time scale 0. */
    SandboxExtension() {
        this(b -> b);
    }

    /** A sandbox for one test (close it): {@code try (var sb = SandboxExtension.started(b -> b.scenario("empty"))) {...}}. */
    static SandboxExtension started(UnaryOperator<Sandbox.Builder> options) {
        SandboxExtension e = new SandboxExtension(options);
        e.beforeAll(null);
        return e;
    }

    @Override
    public void close() {
        afterAll(null);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        long t0 = System.nanoTime();
        sandbox = options.apply(Sandbox.builder().timeScale(0).certificateDirectory(CERT_DIR).requestLog(log::add)).start();
        startMillis = (System.nanoTime() - t0) / 1_000_000;
        clients = SdkClients.forSandbox(sandbox.armUrl(), sandbox.tokenUrl(), sandbox.tenantId(), sandbox.certificatePath())
                .with(new RetryPolicy(new ExponentialBackoff(3, Duration.ofMillis(10), Duration.ofMillis(40))), Duration.ofMillis(20));
        raw = HttpClient.newBuilder().sslContext(trusting(sandbox.certificatePath())).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        sandbox.faults().clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (sandbox != null) sandbox.close();
    }

    Sandbox sandbox() {
        return sandbox;
    }

    SdkClients clients() {
        return clients;
    }

    long startMillis() {
        return startMillis;
    }

    ComputeManager compute() {
        return clients.computeManager(SUB);
    }

    BatchManager batch() {
        return clients.batch(SUB);
    }

    /** Request lines logged so far (method path?kept-query status time), once settled ({@link RequestLogs}). */
    List<String> log() {
        return RequestLogs.settled(log);
    }

    /** Clears the log once it has settled: a request answered just before may log its line after the answer. */
    void clearLog() {
        RequestLogs.settled(log);
        log.clear();
    }

    String token(String scope) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(sandbox.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=tests&client_secret=sandbox&scope="
                        + java.net.URLEncoder.encode(scope, StandardCharsets.UTF_8))).build());
        return json(r.body()).path("access_token").asText();
    }

    /** GET with an ARM (or Batch, for /batch/ paths) token. */
    HttpResponse<String> get(String pathAndQuery) {
        String scope = pathAndQuery.startsWith("/batch/") ? SdkClients.BATCH_SCOPE : SdkClients.ARM_SCOPE;
        return send(HttpRequest.newBuilder(URI.create(sandbox.armUrl() + pathAndQuery.substring(1)))
                .header("Authorization", "Bearer " + token(scope)).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return raw.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient raw() {
        return raw;
    }

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SSLContext trusting(Path pem) {
        try (var in = Files.newInputStream(pem)) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            ks.setCertificateEntry("sb", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Clock fixed() {
        return new MutableClock(java.time.Instant.parse("2026-11-20T09:00:00Z"));
    }
}
