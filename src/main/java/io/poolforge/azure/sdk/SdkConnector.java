package io.poolforge.azure.sdk;

import com.azure.core.management.AzureEnvironment;
import io.poolforge.azure.AzureConnector;
import io.poolforge.azure.AzureEndpoints;
import io.poolforge.azure.CloudProfile;
import io.poolforge.azure.Connection;
import io.poolforge.domain.PoolForgeException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens connections: to a real cloud through {@link SdkIdentity} (browser sign-in), or to a sandbox
 * started by the composition root, signed in with the sandbox's client-credentials grant. Either
 * way the gateways are the same SDK adapters over one shared HTTP client; managers are built once
 * per subscription.
 */
public final class SdkConnector implements AzureConnector {
    static {
        SdkThreads.install(); // azure-core's shared executor: threads reused, none capped (PF-21)
    }


    /** A sandbox the app started, as the SDK needs to reach it. */
    public record RunningSandbox(String armUrl, String authorityUrl, String tokenUrl, String tenantId, Path certificate,
                                 AutoCloseable stop, CloudProfile cloud) {
        public RunningSandbox {
            if (cloud == null) cloud = CloudProfile.AZURE_CLOUD;
        }

        /** A sandbox presenting itself as Azure public. */
        public RunningSandbox(String armUrl, String authorityUrl, String tokenUrl, String tenantId, Path certificate, AutoCloseable stop) {
            this(armUrl, authorityUrl, tokenUrl, tenantId, certificate, stop, CloudProfile.AZURE_CLOUD);
        }
    }

    /** Starts a sandbox with a scenario (the app wires io.poolforge.sandbox.Sandbox here). */
    @FunctionalInterface
    public interface SandboxStarter {
        RunningSandbox start(String scenario);
    }

    private final SandboxStarter sandboxStarter;
    private final List<String> scenarios;
    private final Path home;

    /**
     * @param home the PoolForge folder (the sign-in record lives there; never a token)
     */
    public SdkConnector(SandboxStarter sandboxStarter, List<String> scenarios, Path home) {
        this.sandboxStarter = sandboxStarter;
        this.scenarios = List.copyOf(scenarios);
        this.home = home;
    }

    @Override
    public List<String> sandboxScenarios() { return scenarios; }

    @Override
    public Connection sandbox(String scenario) {
        if (Boolean.getBoolean("poolforge.sdkWarmUp")) warmUpBeside();
        RunningSandbox s = sandboxStarter.start(scenario);
        try {
            SdkClients clients = SdkClients.forSandbox(s.armUrl(), s.tokenUrl(), s.tenantId(), s.certificate(), s.cloud());
            // AzureEndpoints names the authority host; the sandbox's authority URL ends in its tenant.
            AzureEndpoints endpoints = AzureEndpoints.sandbox(URI.create(s.armUrl()), URI.create(s.authorityUrl()).resolve("/"),
                    s.certificate(), s.cloud());
            SdkIdentity identity = new SdkIdentity(endpoints, clients.httpClient(), clients.profile(null), null, null);
            identity.useCredential(clients.credential(), "demo@sandbox.poolforge", s.tenantId());
            return connection(identity, clients, s.stop());
        } catch (RuntimeException e) {
            closeQuietly(s.stop());
            throw e;
        }
    }

    /**
     * While the sandbox starts (its certificate, estate and HTTPS server, ~0.3 s), another thread builds what the first
     * requests after it need: Resource Manager's pipeline and subscription client (azure-core, the management
     * serializer), then the Batch manager and the compute client, with an HTTP client and a credential that send
     * nothing, then a TLS client's first message ({@link #warmUpTls}). Class loading and static initialisation
     * only, so the connection's first read does not do them after the sandbox is up (PF-21 second pass,
     * docs/BENCHMARKS.md). A failure here changes nothing: the real path builds the same classes. Only with
     * {@code -Dpoolforge.sdkWarmUp=true}, which the README path's relaunch sets when it has no class-data archive
     * yet: without the archive it shortened the connection (paired, n=5: 2.0 → 1.5 s after the first screen), with
     * it the SDK's classes are already parsed and the warm-up only slowed the sandbox's start (2.45 → 2.91 s).
     */
    private static final String WARM_UP_ID = "00000000-0000-0000-0000-000000000000";

    static void warmUpBeside() {
        Thread t = new Thread(() -> {
            try {
                warmUp(request -> reactor.core.publisher.Mono.error(new IllegalStateException("the warm-up sends nothing")),
                        request -> reactor.core.publisher.Mono.error(new IllegalStateException("the warm-up asks for no token")));
                warmUpTls();
            } catch (RuntimeException | LinkageError | java.security.GeneralSecurityException | java.io.IOException e) {
                // Nothing to do: the connection builds these itself.
            }
        }, "poolforge-sdk-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        t.start();
    }

    /** Builds the clients over {@code http} and {@code credential} without sending a request or asking for a token. */
    static void warmUp(com.azure.core.http.HttpClient http, com.azure.core.credential.TokenCredential credential) {
        com.azure.resourcemanager.resources.ResourceManager.configure().withHttpClient(http)
                .authenticate(credential, new com.azure.core.management.profile.AzureProfile(AzureEnvironment.AZURE))
                .subscriptions().list();
        // Then the Batch accounts' and the account facts' clients (the reads that follow the subscriptions).
        SdkClients warm = new SdkClients(http, AzureEnvironment.AZURE, credential, WARM_UP_ID, null, null);
        warm.batch(WARM_UP_ID);
        warm.compute(WARM_UP_ID);
    }

    /**
     * The client side of the first TLS handshake, up to its first message: a ClientHello written by an engine that
     * trusts nothing and is never connected (its key shares are the first elliptic-curve work of the client's TLS).
     */
    static void warmUpTls() throws java.security.GeneralSecurityException, java.io.IOException {
        java.security.KeyStore none = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
        none.load(null, null);
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(none);
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        javax.net.ssl.SSLEngine engine = ctx.createSSLEngine("localhost", 443);
        engine.setUseClientMode(true);
        engine.wrap(java.nio.ByteBuffer.allocate(0), java.nio.ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
    }

    @Override
    public Connection azure(AzureEndpoints endpoints, String tenantId, String clientId) {
        AzureEnvironment env = environmentOf(endpoints);
        var http = new com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder().build();
        SdkIdentity identity = new SdkIdentity(endpoints, http,
                new com.azure.core.management.profile.AzureProfile(tenantId, null, env), clientId, home.resolve("auth-record.json"));
        var account = identity.signIn(tenantId);
        SdkClients clients = new SdkClients(http, env, identity.credential(), account.tenantId(), null, null, endpoints.profile());
        return connection(identity, clients, null);
    }

    @Override
    public Connection azureWithDeviceCode(AzureEndpoints endpoints, String tenantId, String clientId,
                                          java.util.function.BiConsumer<String, String> showCode) {
        AzureEnvironment env = environmentOf(endpoints);
        var http = new com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder().build();
        SdkIdentity identity = new SdkIdentity(endpoints, http,
                new com.azure.core.management.profile.AzureProfile(tenantId, null, env), clientId, home.resolve("auth-record.json"));
        var account = identity.signInWithDeviceCode(tenantId, showCode);
        SdkClients clients = new SdkClients(http, env, identity.credential(), account.tenantId(), null, null, endpoints.profile());
        return connection(identity, clients, null);
    }

    private static AzureEnvironment environmentOf(AzureEndpoints endpoints) {
        return switch (endpoints.cloud()) {
            case AZURE_US_GOVERNMENT -> AzureEnvironment.AZURE_US_GOVERNMENT;
            case AZURE_CHINA -> AzureEnvironment.AZURE_CHINA;
            case AZURE_PUBLIC -> AzureEnvironment.AZURE;
            case SANDBOX -> throw new IllegalArgumentException("use sandbox(scenario)");
        };
    }

    private static Connection connection(SdkIdentity identity, SdkClients clients, AutoCloseable stop) {
        Map<String, com.azure.resourcemanager.compute.fluent.ComputeManagementClient> compute = new ConcurrentHashMap<>();
        Map<String, com.azure.resourcemanager.batch.BatchManager> batch = new ConcurrentHashMap<>();
        Map<String, com.azure.resourcemanager.resources.fluent.ResourceManagementClient> resources = new ConcurrentHashMap<>();
        var computeGateway = new SdkComputeGateway(sub -> compute.computeIfAbsent(sub, clients::compute),
                sub -> resources.computeIfAbsent(sub, clients::resources));
        Map<String, BatchPoolsClient> pools = new ConcurrentHashMap<>();
        var batchGateway = new SdkBatchGateway(sub -> batch.computeIfAbsent(sub, clients::batch),
                sub -> pools.computeIfAbsent(sub, clients::batchPools), new BatchDataPlane(clients.batchDataPlane()));
        return new Connection(identity, computeGateway, batchGateway, stop);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (Exception e) {
            throw new PoolForgeException("azure.error.unexpected", e, null, null, "sandbox", io.poolforge.domain.FailureWords.of(e));
        }
    }
}
