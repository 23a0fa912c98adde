package io.poolforge.azure.sdk;

import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.resourcemanager.resources.fluentcore.utils.ResourceManagerUtils;
import io.poolforge.azure.BatchGateway;
import io.poolforge.azure.ComputeGateway;
import io.poolforge.azure.Connection;
import io.poolforge.azure.OperationMonitor;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.sandbox.RequestLogs;
import io.poolforge.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A sandbox and the app's own adapters on it, built the way the app builds them: {@link SdkConnector#sandbox}
 * (default retry policy, SandboxCredential, one shared HTTP client). Close it after the test.
 */
final class AdapterSandbox implements AutoCloseable {
    static final String SUB = "5a4db0c0-0000-4000-8000-0000000000a1";
    static final String SUB_DEV = "5a4db0c0-0000-4000-8000-0000000000b2";
    static final String RENDER_VM = "/subscriptions/" + SUB + "/resourceGroups/rg-render/providers/Microsoft.Compute/virtualMachines/";
    static final String GALLERY = "/subscriptions/" + SUB + "/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/gal_pf_images";
    static final String RENDER_VERSION = GALLERY + "/images/ubuntu2204-render/versions/1.0.0";
    static final Path HOME = Path.of(System.getProperty("poolforge.home", System.getProperty("java.io.tmpdir")), "azure-sdk-tests");

    static {
        // Only the fluent calls that block inside the SDK use this (Lro.java polls by itself at Retry-After).
        ResourceManagerUtils.InternalRuntimeContext.setDelayProvider(d -> Duration.ofMillis(20));
    }

    final Sandbox sandbox;
    final Connection connection;
    private final List<String> log;

    private AdapterSandbox(Sandbox sandbox, Connection connection, List<String> log) {
        this.sandbox = sandbox;
        this.connection = connection;
        this.log = log;
    }

    /** demo at time scale 0 unless the options say otherwise. */
    static AdapterSandbox start(UnaryOperator<Sandbox.Builder> options) {
        return start("demo", options);
    }

    static AdapterSandbox start(String scenario, UnaryOperator<Sandbox.Builder> options) {
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicReference<Sandbox> started = new AtomicReference<>();
        SdkConnector connector = new SdkConnector(sc -> {
            Sandbox s = options.apply(Sandbox.builder().scenario(sc).timeScale(0).certificateDirectory(HOME.resolve("certs"))
                    .requestLog(log::add)).start();
            started.set(s);
            return new SdkConnector.RunningSandbox(s.armUrl(), s.authorityUrl(), s.tokenUrl(), s.tenantId(), s.certificatePath(), s);
        }, Sandbox.SCENARIOS, HOME);
        Connection c = connector.sandbox(scenario);
        return new AdapterSandbox(started.get(), c, log);
    }

    /**
     * The same adapters built from {@link SdkClients} and their constructors with a short back-off: for the
     * failures that are retried to the end (the default policy waits about 6 s before giving up).
     */
    static AdapterSandbox startFast(UnaryOperator<Sandbox.Builder> options) {
        List<String> log = new CopyOnWriteArrayList<>();
        Sandbox s = options.apply(Sandbox.builder().timeScale(0).certificateDirectory(HOME.resolve("certs")).requestLog(log::add)).start();
        SdkClients clients = SdkClients.forSandbox(s.armUrl(), s.tokenUrl(), s.tenantId(), s.certificatePath())
                .with(new RetryPolicy(new ExponentialBackoff(2, Duration.ofMillis(5), Duration.ofMillis(20))), Duration.ofMillis(20));
        Map<String, com.azure.resourcemanager.compute.fluent.ComputeManagementClient> compute = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, com.azure.resourcemanager.batch.BatchManager> batch = new java.util.concurrent.ConcurrentHashMap<>();
        SdkIdentity identity = new SdkIdentity(io.poolforge.azure.AzureEndpoints.sandbox(java.net.URI.create(s.armUrl()),
                java.net.URI.create(s.authorityUrl()), s.certificatePath()), clients.httpClient(), clients.profile(null), null, null);
        identity.useCredential(clients.credential(), "tests@sandbox.poolforge", s.tenantId());
        Connection c = new Connection(identity, new SdkComputeGateway(sub -> compute.computeIfAbsent(sub, clients::compute), clients::resources),
                new SdkBatchGateway(sub -> batch.computeIfAbsent(sub, clients::batch), clients::batchPools,
                        new BatchDataPlane(clients.batchDataPlane())), s);
        return new AdapterSandbox(s, c, log);
    }

    ComputeGateway compute() {
        return connection.compute();
    }

    BatchGateway batch() {
        return connection.batch();
    }

    BatchAccountInfo account(String name) {
        return batch().listAccounts(SUB).stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    int count(String type) {
        return sandbox.counts().getOrDefault(type, 0);
    }

    Map<String, Integer> counts() {
        return sandbox.counts();
    }

    /** Request lines (method path?kept-query status time) since the last {@link #clearLog()}, once settled ({@link RequestLogs}). */
    List<String> log() {
        return RequestLogs.settled(log);
    }

    /** Clears the log once it has settled: a request answered just before may log its line after the answer. */
    void clearLog() {
        RequestLogs.settled(log);
        log.clear();
    }

    /** A client factory like the app's, with a short back-off (for the network tests, where the default waits seconds). */
    SdkClients fastClients() {
        return SdkClients.forSandbox(sandbox.armUrl(), sandbox.tokenUrl(), sandbox.tenantId(), sandbox.certificatePath())
                .with(new RetryPolicy(new ExponentialBackoff(2, Duration.ofMillis(5), Duration.ofMillis(20))), Duration.ofMillis(20));
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }

    /** The PoolForgeException a call throws (fails the test when it throws nothing). */
    static PoolForgeException failure(Runnable call) {
        try {
            call.run();
        } catch (PoolForgeException e) {
            return e;
        }
        throw new AssertionError("expected a PoolForgeException");
    }

    /** Records every status; asks to cancel once it has seen {@code cancelAfter} of them (-1: never). */
    static final class Monitor implements OperationMonitor {
        final List<String> statuses = new CopyOnWriteArrayList<>();
        private final int cancelAfter;
        private final Runnable onProgress;

        Monitor(int cancelAfter, Runnable onProgress) {
            this.cancelAfter = cancelAfter;
            this.onProgress = onProgress;
        }

        Monitor() {
            this(-1, () -> { });
        }

        static Monitor cancelAfter(int statuses) {
            return new Monitor(statuses, () -> { });
        }

        @Override
        public void progress(String status, int percent) {
            statuses.add(status + " " + percent);
            onProgress.run();
        }

        @Override
        public boolean cancelRequested() {
            return cancelAfter >= 0 && statuses.size() >= cancelAfter;
        }

        String last() {
            return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
        }
    }
}
