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
        var computeGateway = new SdkComputeGateway(sub -> compute.computeIfAbsent(sub, clients::compute));
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
