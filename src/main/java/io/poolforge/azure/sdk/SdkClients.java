package io.poolforge.azure.sdk;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.batch.BatchManager;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.resourcemanager.compute.fluent.ComputeManagementClient;
import com.azure.resourcemanager.compute.implementation.ComputeManagementClientBuilder;
import com.azure.resourcemanager.resources.fluentcore.utils.HttpPipelineProvider;
import io.poolforge.azure.CloudProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Builds the Azure SDK clients the same way everywhere (app, CLI, tests): ONE shared azure-core
 * {@link HttpClient}, an {@link AzureEnvironment} whose Resource Manager endpoint points at Azure or at the
 * sandbox, one credential, and the managers on top. In sandbox mode the HTTP client trusts exactly the
 * sandbox's certificate (plus nothing else) and the credential is a {@link SandboxCredential}.
 */
public final class SdkClients {
    static {
        SdkThreads.install(); // azure-core's shared executor: threads reused, none capped (PF-21)
    }

    /** The Batch data plane's token scope in AzureCloud (other clouds: {@link CloudProfile#batchScope()}). */
    public static final String BATCH_SCOPE = "https://batch.core.windows.net//.default";
    /** Azure Resource Manager's token scope in AzureCloud (other clouds: {@link CloudProfile#armScope()}). */
    public static final String ARM_SCOPE = "https://management.core.windows.net//.default";

    private final HttpClient http;
    private final AzureEnvironment environment;
    private final TokenCredential credential;
    private final String tenantId;
    private final RetryPolicy retryPolicy;
    private final Duration pollInterval;
    private final CloudProfile cloud;

    public SdkClients(HttpClient http, AzureEnvironment environment, TokenCredential credential, String tenantId,
                      RetryPolicy retryPolicy, Duration pollInterval) {
        this(http, environment, credential, tenantId, retryPolicy, pollInterval, CloudProfile.AZURE_CLOUD);
    }

    /** @param cloud the cloud whose scopes are asked for (for the sandbox: the cloud it presents itself as) */
    public SdkClients(HttpClient http, AzureEnvironment environment, TokenCredential credential, String tenantId,
                      RetryPolicy retryPolicy, Duration pollInterval, CloudProfile cloud) {
        this.cloud = cloud == null ? CloudProfile.AZURE_CLOUD : cloud;
        this.http = http;
        this.environment = environment;
        this.credential = credential;
        this.tenantId = tenantId;
        this.retryPolicy = retryPolicy;
        this.pollInterval = pollInterval;
    }

    /** Real Azure (public cloud) with the given credential (e.g. InteractiveBrowserCredential). */
    public static SdkClients forAzure(TokenCredential credential, String tenantId) {
        return new SdkClients(new JdkHttpClientBuilder().build(), AzureEnvironment.AZURE, credential, tenantId, null, null);
    }

    /** The sandbox: {@code armUrl} like {@code https://127.0.0.1:PORT/}, its token URL and its certificate PEM. */
    public static SdkClients forSandbox(String armUrl, String tokenUrl, String tenantId, Path certificatePem) {
        return forSandbox(armUrl, tokenUrl, tenantId, certificatePem, CloudProfile.AZURE_CLOUD);
    }

    /** The sandbox presenting itself as {@code cloud}: that cloud's scopes are asked for. */
    public static SdkClients forSandbox(String armUrl, String tokenUrl, String tenantId, Path certificatePem, CloudProfile cloud) {
        HttpClient http = trustingHttpClient(certificatePem);
        return new SdkClients(http, environment(armUrl, cloud), new SandboxCredential(tokenUrl, "poolforge", http), tenantId,
                null, null, cloud);
    }

    /**
     * The response timeout set with {@code -Dpoolforge.http.responseTimeoutMs=N} (the fault-matrix tests make
     * "no answer in time" happen quickly), or null for the HTTP client's default.
     */
    static Duration responseTimeout() {
        String v = System.getProperty("poolforge.http.responseTimeoutMs");
        if (v == null || !v.matches("\\d{1,9}")) return null;
        return Duration.ofMillis(Long.parseLong(v));
    }

    /** A copy of this factory with another retry policy (tests shorten the back-off) and LRO poll interval. */
    public SdkClients with(RetryPolicy retry, Duration defaultPollInterval) {
        return new SdkClients(http, environment, credential, tenantId, retry, defaultPollInterval, cloud);
    }

    /** {@link AzureEnvironment#AZURE}'s endpoints with the Resource Manager endpoint replaced. */
    public static AzureEnvironment environment(String armUrl) {
        return environment(armUrl, CloudProfile.AZURE_CLOUD);
    }

    /** The cloud's {@link AzureEnvironment} (so the SDK asks for that cloud's ARM scope) with the Resource Manager endpoint replaced. */
    public static AzureEnvironment environment(String armUrl, CloudProfile cloud) {
        AzureEnvironment base = environmentOf(cloud);
        Map<String, String> endpoints = new HashMap<>(base.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", armUrl.endsWith("/") ? armUrl : armUrl + "/");
        return new AzureEnvironment(endpoints);
    }

    /** The SDK's environment of a cloud. */
    public static AzureEnvironment environmentOf(CloudProfile cloud) {
        return switch (cloud.cloud()) {
            case AZURE_US_GOVERNMENT -> AzureEnvironment.AZURE_US_GOVERNMENT;
            case AZURE_CHINA -> AzureEnvironment.AZURE_CHINA;
            default -> AzureEnvironment.AZURE;
        };
    }

    public CloudProfile cloud() {
        return cloud;
    }

    /**
     * An HTTP client (the JDK's) that trusts exactly the certificate(s) in {@code pem}: a server must present one of
     * them ({@link PinnedTrust}).
     */
    public static HttpClient trustingHttpClient(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            java.util.List<X509Certificate> pinned = new java.util.ArrayList<>();
            for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) pinned.add((X509Certificate) cert);
            if (pinned.isEmpty()) throw new IllegalStateException("No certificate in " + pem);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new javax.net.ssl.TrustManager[] {new PinnedTrust(pinned)}, null);
            JdkHttpClientBuilder b = new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(ctx));
            Duration timeout = responseTimeout();
            if (timeout != null) b.responseTimeout(timeout);
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the certificate " + pem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot trust the certificate " + pem, e);
        }
    }

    public HttpClient httpClient() {
        return http;
    }

    public AzureEnvironment environment() {
        return environment;
    }

    public TokenCredential credential() {
        return credential;
    }

    public AzureProfile profile(String subscriptionId) {
        return new AzureProfile(tenantId, subscriptionId, environment);
    }

    /**
     * The compute service client for a subscription, with the pipeline {@code ComputeManager.authenticate} builds
     * (the same {@link HttpPipelineProvider}: user agent, request id, retry, date, ARM challenge authentication with
     * the cloud's scope, logging off) but without the fluent {@code ComputeManager}: its constructor also builds
     * the network, storage, authorization and MSI managers, ~1,800 classes PoolForge never uses, read from
     * signed jars (PF-13: the largest single cost of a cold {@code poolforge run}, docs/BENCHMARKS.md).
     */
    public ComputeManagementClient compute(String subscriptionId) {
        AzureProfile profile = profile(subscriptionId);
        HttpPipeline pipeline = HttpPipelineProvider.buildHttpPipeline(credential, profile, null,
                new HttpLogOptions().setLogLevel(HttpLogDetailLevel.NONE), null, retryPolicy, new java.util.ArrayList<>(), http);
        return new ComputeManagementClientBuilder().pipeline(pipeline)
                .endpoint(profile.getEnvironment().getResourceManagerEndpoint())
                .subscriptionId(subscriptionId).buildClient();
    }

    /**
     * The resources service client for a subscription (resource groups), on the same pipeline as {@link #compute}
     * (PF-21: the VM step lists VMs per resource group).
     */
    public com.azure.resourcemanager.resources.fluent.ResourceManagementClient resources(String subscriptionId) {
        AzureProfile profile = profile(subscriptionId);
        HttpPipeline pipeline = HttpPipelineProvider.buildHttpPipeline(credential, profile, null,
                new HttpLogOptions().setLogLevel(HttpLogDetailLevel.NONE), null, retryPolicy, new java.util.ArrayList<>(), http);
        return new com.azure.resourcemanager.resources.implementation.ResourceManagementClientBuilder().pipeline(pipeline)
                .endpoint(profile.getEnvironment().getResourceManagerEndpoint())
                .subscriptionId(subscriptionId).buildClient();
    }

    /**
     * The Batch management pool client of a subscription (PF-16): the same ARM pipeline as {@link #compute} (user agent, request
     * id, retry, ARM challenge authentication with the cloud's scope, logging off), at {@link io.poolforge.domain.PoolBody#MANAGEMENT_API_VERSION}.
     */
    public BatchPoolsClient batchPools(String subscriptionId) {
        AzureProfile profile = profile(subscriptionId);
        HttpPipeline pipeline = HttpPipelineProvider.buildHttpPipeline(credential, profile, null,
                new HttpLogOptions().setLogLevel(HttpLogDetailLevel.NONE), null, retryPolicy, new java.util.ArrayList<>(), http);
        return new BatchPoolsClient(pipeline, profile.getEnvironment().getResourceManagerEndpoint(), pollInterval);
    }

    /** The fluent ComputeManager (network, storage, authorization and MSI managers included): for the sandbox's contract tests. */
    public com.azure.resourcemanager.compute.ComputeManager computeManager(String subscriptionId) {
        var c = com.azure.resourcemanager.compute.ComputeManager.configure().withHttpClient(http);
        if (retryPolicy != null) c = c.withRetryPolicy(retryPolicy);
        return c.authenticate(credential, profile(subscriptionId));
    }

    public BatchManager batch(String subscriptionId) {
        BatchManager.Configurable c = BatchManager.configure().withHttpClient(http);
        if (retryPolicy != null) c = c.withRetryPolicy(retryPolicy);
        if (pollInterval != null) c = c.withDefaultPollInterval(pollInterval);
        return c.authenticate(credential, profile(subscriptionId));
    }

    /** A pipeline for the Batch data plane ({@code {accountEndpoint}/supportedimages?api-version=...}). */
    public HttpPipeline batchDataPlane() {
        return new HttpPipelineBuilder().httpClient(http)
                .policies(new UserAgentPolicy("poolforge"), new RequestIdPolicy("client-request-id"),
                        retryPolicy != null ? retryPolicy : new RetryPolicy(new ExponentialBackoff()),
                        new CaeBearerTokenPolicy(credential, cloud.batchScope()))
                .build();
    }
}
