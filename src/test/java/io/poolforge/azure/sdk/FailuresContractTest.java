package io.poolforge.azure.sdk;

import io.poolforge.sandbox.MutableClock;
import static io.poolforge.azure.sdk.AdapterSandbox.GALLERY;
import static io.poolforge.azure.sdk.AdapterSandbox.RENDER_VERSION;
import static io.poolforge.azure.sdk.AdapterSandbox.RENDER_VM;
import static io.poolforge.azure.sdk.AdapterSandbox.SUB;
import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.azure.OperationMonitor;
import io.poolforge.azure.SnapshotInfo;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.PoolPlan;
import io.poolforge.i18n.Messages;
import io.poolforge.sandbox.state.LroStyle;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the adapters make of Azure's failures (AzureErrors: a localized key per kind, Azure's code), retries that
 * end in success, cancellation (and what it leaves in Azure), and token refresh — all against the sandbox.
 */
class FailuresContractTest {
    static final String SNAPSHOTS = "Microsoft.Compute/snapshots";
    static final Messages EN = new Messages(Locale.ENGLISH);
    static final Messages ES = new Messages(new Locale("es"));
    /** The app's own wiring (SdkConnector.sandbox: default retry policy). */
    static AdapterSandbox sb;
    /** The same adapters with a short back-off, for failures retried until the policy gives up. */
    static AdapterSandbox fast;
    static BatchAccountInfo weu;
    static String renderDisk;

    @BeforeAll
    static void start() {
        sb = AdapterSandbox.start(b -> b);
        fast = AdapterSandbox.startFast(b -> b);
        weu = sb.account("pfdemobatchweu");
        renderDisk = sb.compute().getVm(RENDER_VM + "vm-render-ubuntu2204").osDisk().id();
    }

    @AfterAll
    static void stop() throws Exception {
        sb.close();
        fast.close();
    }

    @AfterEach
    void clearFaults() {
        sb.sandbox.faults().clear();
        fast.sandbox.faults().clear();
    }

    static PoolPlan pool(String id, String vmSize) {
        return new PoolPlan(id, null, vmSize, RENDER_VERSION, "batch.node.ubuntu 22.04", 0, 0, Duration.ofMinutes(15));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("not found", null, (Consumer<AdapterSandbox>) s -> s.compute().getVm(RENDER_VM + "ghost"),
                        "azure.error.notFound", "ResourceNotFound", null),
                Arguments.of("forbidden", "403:GET:/virtualMachines:1", (Consumer<AdapterSandbox>) s -> s.compute().listVms(SUB, null),
                        "azure.error.forbidden", "AuthorizationFailed", null),
                Arguments.of("forbidden, naming the action", "403=Microsoft.Compute/snapshots/write:PUT:/snapshots/:1",
                        (Consumer<AdapterSandbox>) s -> s.compute().createSnapshot(SUB, "rg-images", "snap-403", "westeurope", renderDisk,
                                Map.of(), OperationMonitor.NONE),
                        "azure.error.forbiddenAction", "AuthorizationFailed", "Microsoft.Compute/snapshots/write"),
                Arguments.of("forbidden on the data plane", "403:GET:/supportedimages:1",
                        (Consumer<AdapterSandbox>) s -> s.batch().supportedImages(weu), "azure.error.forbidden", "AuthorizationFailed", null),
                Arguments.of("throttled beyond the retries", "429:GET:/virtualMachines:*",
                        (Consumer<AdapterSandbox>) s -> s.compute().listVms(SUB, null), "azure.error.throttled", "TooManyRequests", null),
                Arguments.of("throttled on the data plane", "429:GET:/nodecounts:*",
                        (Consumer<AdapterSandbox>) s -> s.batch().nodeCounts(weu, "render-gallery"), "azure.error.throttled", "TooManyRequests", null),
                Arguments.of("conflict", null, (Consumer<AdapterSandbox>) s -> s.compute().deleteGallery(GALLERY, OperationMonitor.NONE),
                        "azure.error.conflict", "CannotDeleteResource", null),
                Arguments.of("invalid parameter (pool)", null,
                        (Consumer<AdapterSandbox>) s -> s.batch().createPool(weu, pool("pf-bad-size", "Standard_Nope")),
                        "azure.error.invalid", "InvalidPropertyValue", null),
                Arguments.of("invalid parameter (snapshot in another region)", null,
                        (Consumer<AdapterSandbox>) s -> s.compute().createSnapshot(SUB, "rg-images", "snap-eus", "eastus", renderDisk,
                                Map.of(), OperationMonitor.NONE),
                        "azure.error.invalid", "InvalidParameter", null),
                Arguments.of("sign-in expired", "expire:GET:/virtualMachines:1",
                        (Consumer<AdapterSandbox>) s -> s.compute().listVms(SUB, null), "azure.error.signInExpired", "ExpiredAuthenticationToken", null),
                Arguments.of("sign-in expired on the data plane", "expire:GET:/supportedimages:1",
                        (Consumer<AdapterSandbox>) s -> s.batch().supportedImages(weu), "azure.error.signInExpired", "ExpiredAuthenticationToken", null),
                Arguments.of("server error beyond the retries", "500:GET:/batchAccounts:*",
                        (Consumer<AdapterSandbox>) s -> s.batch().listAccounts(SUB), "azure.error.service", "InternalServerError", null),
                Arguments.of("connection dropped beyond the retries", "reset:GET:/virtualMachines:*",
                        (Consumer<AdapterSandbox>) s -> s.compute().listVms(SUB, null), "azure.error.outcomeUnknown", null, null),
                Arguments.of("not a resource id", null, (Consumer<AdapterSandbox>) s -> s.compute().getVm("vm-render-ubuntu2204"),
                        "azure.error.badResourceId", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void everyKindOfFailureBecomesALocalizedKey(String name, String fault, Consumer<AdapterSandbox> call, String key, String code,
                                                String missingAction) {
        if (fault != null) fast.sandbox.faults().add(fault);
        PoolForgeException e = AdapterSandbox.failure(() -> call.accept(fast));
        assertThat(e.key()).isEqualTo(key);
        assertThat(e.azureCode()).isEqualTo(code);
        if (missingAction != null) assertThat(e.args()).contains(missingAction);
        for (Messages m : new Messages[] {EN, ES}) {
            assertThat(m.has(key)).isTrue();
            assertThat(m.get(key, e.args())).doesNotContain("{0}", "{1}", "{2}", "Bearer", "eyJ");
        }
    }

    @Test
    void anExpiredSignInIsForgottenByTheNextCall() {
        sb.sandbox.faults().add("expire:GET:/virtualMachines:1");
        assertThat(AdapterSandbox.failure(() -> sb.compute().listVms(SUB, null)).key()).isEqualTo("azure.error.signInExpired");
        assertThat(sb.compute().listVms(SUB, null).items()).isNotEmpty();
    }

    @Test
    void aClosedPortIsNetworkUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String closed = "https://127.0.0.1:" + port + "/";
        SdkClients clients = SdkClients.forSandbox(closed, sb.sandbox.tokenUrl(), sb.sandbox.tenantId(), sb.sandbox.certificatePath())
                .with(new com.azure.core.http.policy.RetryPolicy(new com.azure.core.http.policy.ExponentialBackoff(1, Duration.ofMillis(5),
                        Duration.ofMillis(10))), Duration.ofMillis(20));
        PoolForgeException arm = AdapterSandbox.failure(() -> new SdkComputeGateway(clients::compute).listVms(SUB, null));
        assertThat(arm.key()).isEqualTo("azure.error.network");
        assertThat(arm.args()[0]).isEqualTo("virtualMachines");
        PoolForgeException dataPlane = AdapterSandbox.failure(() -> new BatchDataPlane(clients.batchDataPlane()).supportedImages(closed + "batch/x"));
        assertThat(dataPlane.key()).isEqualTo("azure.error.network");
        SdkClients noAuthority = SdkClients.forSandbox(sb.sandbox.armUrl(), closed + "tenant/oauth2/v2.0/token", sb.sandbox.tenantId(),
                sb.sandbox.certificatePath()).with(new com.azure.core.http.policy.RetryPolicy(
                        new com.azure.core.http.policy.ExponentialBackoff(1, Duration.ofMillis(5), Duration.ofMillis(10))), Duration.ofMillis(20));
        PoolForgeException signIn = AdapterSandbox.failure(() -> new SdkComputeGateway(noAuthority::compute).listVms(SUB, null));
        assertThat(signIn.key()).isEqualTo("azure.error.network");
    }

    @Test
    void reachingThePoolQuotaIsAQuotaError() throws Exception {
        try (AdapterSandbox s = AdapterSandbox.start(b -> b)) {
            BatchAccountInfo account = s.account("pfdemobatchweu");
            int existing = s.batch().listPools(account).size();
            for (int i = existing; i < account.poolQuota(); i++) s.batch().createPool(account, pool("pf-q" + i, "Standard_D4s_v5"));
            PoolForgeException e = AdapterSandbox.failure(() -> s.batch().createPool(account, pool("pf-one-too-many", "Standard_D4s_v5")));
            assertThat(e.key()).isEqualTo("azure.error.quota");
            assertThat(e.azureCode()).isEqualTo("PoolQuotaReached");
            assertThat(s.batch().listPools(account)).hasSize(account.poolQuota());
        }
    }

    @Test
    void anOperationThatEndsFailedIsOperationFailed() throws Exception {
        try (AdapterSandbox s = AdapterSandbox.start(b -> b.lroStyle(LroStyle.ASYNC_OPERATION).fault("fail=OperationPreempted:PUT:/snapshots/:1"))) {
            AdapterSandbox.Monitor m = new AdapterSandbox.Monitor();
            PoolForgeException e = AdapterSandbox.failure(() -> s.compute().createSnapshot(SUB, "rg-images", "snap-failed", "westeurope",
                    renderDisk, Map.of(), m));
            assertThat(e.key()).isEqualTo("azure.error.operationFailed");
            assertThat(e.azureCode()).isEqualTo("OperationPreempted");
            assertThat(e.args()[0]).isEqualTo("snap-failed");
            assertThat(m.last()).startsWith("FAILED");
        }
    }

    static Stream<Arguments> retried() {
        return Stream.of(
                Arguments.of("429=0:GET:/virtualMachines:2", (Consumer<AdapterSandbox>) s -> assertThat(s.compute().listVms(SUB, null).items()).isNotEmpty(), "429"),
                Arguments.of("503:GET:/batchAccounts:1", (Consumer<AdapterSandbox>) s -> assertThat(s.batch().listAccounts(SUB)).hasSize(2), "503"),
                Arguments.of("429=0:GET:/supportedimages:2", (Consumer<AdapterSandbox>) s -> assertThat(s.batch().supportedImages(weu)).isNotEmpty(), "429"),
                Arguments.of("503:GET:/nodes:1", (Consumer<AdapterSandbox>) s -> assertThat(s.batch().nodes(weu, "render-gallery")).hasSize(2), "503"),
                Arguments.of("500:GET:/pools/render-gallery$:1",
                        (Consumer<AdapterSandbox>) s -> assertThat(s.batch().getPool(weu, "render-gallery")).isPresent(), "500"),
                Arguments.of("reset:GET:/virtualMachines:1", (Consumer<AdapterSandbox>) s -> assertThat(s.compute().listVms(SUB, null).items()).isNotEmpty(), "reset"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("retried")
    void transientFailuresAreRetriedUntilTheCallSucceeds(String fault, Consumer<AdapterSandbox> call, String status) {
        sb.sandbox.faults().add(fault);
        sb.clearLog();
        call.accept(sb);
        int hits = Integer.parseInt(fault.substring(fault.lastIndexOf(':') + 1));
        assertThat(sb.log()).filteredOn(l -> l.contains(" " + status + " ")).hasSize(hits);
        assertThat(sb.sandbox.faults().describe()).allSatisfy(f -> assertThat(f).endsWith("(left: 0)"));
    }

    /** A PUT that met 503 is sent again: still one snapshot. */
    @Test
    void aRetriedPutNeverMakesASecondResource() {
        int before = sb.count(SNAPSHOTS);
        sb.sandbox.faults().add("503:PUT:/snapshots/:1");
        sb.clearLog();
        SnapshotInfo snap = sb.compute().createSnapshot(SUB, "rg-images", "snap-retried", "westeurope", renderDisk, Map.of(), OperationMonitor.NONE);
        assertThat(snap.provisioningState()).isEqualTo("Succeeded");
        assertThat(sb.count(SNAPSHOTS)).isEqualTo(before + 1);
        assertThat(sb.log()).filteredOn(l -> l.contains("PUT ") && l.contains("/snapshots/snap-retried")).hasSize(2);
        sb.compute().deleteSnapshot(snap.id(), OperationMonitor.NONE);
    }

    @Test
    void cancelledBeforeStartingSendsNothing() {
        int before = sb.count(SNAPSHOTS);
        sb.clearLog();
        PoolForgeException create = AdapterSandbox.failure(() -> sb.compute().createSnapshot(SUB, "rg-images", "snap-never", "westeurope",
                renderDisk, Map.of(), AdapterSandbox.Monitor.cancelAfter(0)));
        assertThat(create.key()).isEqualTo("azure.error.cancelled");
        assertThat(create.args()).containsExactly("snap-never");
        PoolForgeException delete = AdapterSandbox.failure(() -> sb.batch().deletePool(weu, "render-gallery", AdapterSandbox.Monitor.cancelAfter(0)));
        assertThat(delete.key()).isEqualTo("azure.error.cancelled");
        assertThat(sb.log()).noneMatch(l -> l.contains(" PUT ") || l.contains(" DELETE "));
        assertThat(sb.count(SNAPSHOTS)).isEqualTo(before);
        assertThat(sb.batch().getPool(weu, "render-gallery")).isPresent();
    }

    /** Cancelled while Azure works: the caller hears so at once; the resource stays and finishes in Azure. */
    @Test
    void cancelledInFlightLeavesTheOperationRunningInAzure() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T09:00:00Z"));
        try (AdapterSandbox s = AdapterSandbox.start(b -> b.timeScale(1).clock(clock).lroStyle(LroStyle.ASYNC_OPERATION)
                .tokenLifetime(Duration.ofDays(2)))) {
            int before = s.count(SNAPSHOTS);
            long t0 = System.nanoTime();
            PoolForgeException e = AdapterSandbox.failure(() -> s.compute().createSnapshot(SUB, "rg-images", "snap-cancelled", "westeurope",
                    renderDisk, Map.of(), AdapterSandbox.Monitor.cancelAfter(1)));
            assertThat(e.key()).isEqualTo("azure.error.cancelledInFlight");
            assertThat(e.args()).containsExactly("snap-cancelled");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("no wait for Retry-After").isLessThan(Duration.ofSeconds(4));
            String id = "/subscriptions/" + SUB + "/resourceGroups/rg-images/providers/Microsoft.Compute/snapshots/snap-cancelled";
            assertThat(s.compute().findSnapshot(id)).get().extracting(SnapshotInfo::provisioningState).isEqualTo("Creating");
            assertThat(s.count(SNAPSHOTS)).isEqualTo(before + 1);
            clock.advance(Duration.ofMinutes(1));
            assertThat(s.compute().findSnapshot(id)).get().extracting(SnapshotInfo::provisioningState).isEqualTo("Succeeded");

            PoolForgeException d = AdapterSandbox.failure(() -> s.compute().deleteSnapshot(id, AdapterSandbox.Monitor.cancelAfter(1)));
            assertThat(d.key()).isEqualTo("azure.error.cancelledInFlight");
            assertThat(s.compute().findSnapshot(id)).as("still there while Azure deletes it").isPresent();
            clock.advance(Duration.ofMinutes(1));
            assertThat(s.compute().findSnapshot(id)).isEmpty();
            assertThat(s.count(SNAPSHOTS)).isEqualTo(before);
        }
    }

    /** Tokens that last one second: the next call after expiry asks for a new one and succeeds. */
    @Test
    void anExpiredTokenIsRefreshedWithoutTheUserNoticing() throws Exception {
        try (AdapterSandbox s = AdapterSandbox.start(b -> b.tokenLifetime(Duration.ofSeconds(1)))) {
            assertThat(s.compute().listVms(SUB, null).items()).isNotEmpty();
            Thread.sleep(1_100);
            s.clearLog();
            assertThat(s.compute().listVms(SUB, null).items()).isNotEmpty();
            assertThat(s.batch().supportedImages(s.account("pfdemobatchweu"))).isNotEmpty();
            assertThat(s.log()).filteredOn(l -> l.contains("/oauth2/v2.0/token")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(s.log()).noneMatch(l -> l.contains(" 401 "));
        }
    }

    /**
     * Anything else keeps what it was working on and says the cause in words (PF-22: not the exception's type, which
     * showed as "IllegalStateException" for a sign-in failure); no Azure code.
     */
    @Test
    void somethingUnexpectedKeepsItsArguments() {
        PoolForgeException e = AzureErrors.translate(new IllegalStateException("odd"), "snap-x");
        assertThat(e.key()).isEqualTo("azure.error.unexpected");
        assertThat(e.args()).hasSize(2).startsWith("snap-x");
        assertThat(e.azureCode()).isNull();
        assertThat(EN.get(e.key(), e.args())).contains("snap-x", "the operation was not possible at this point")
                .doesNotContain("IllegalStateException");
    }
}
