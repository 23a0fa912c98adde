package io.poolforge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.compute.ComputeManager;
import com.azure.resourcemanager.compute.fluent.models.SnapshotInner;
import com.azure.resourcemanager.compute.models.CreationData;
import com.azure.resourcemanager.compute.models.DiskCreateOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each fault, switched from code, as the real SDK sees it. */
class FaultsTest {
    @RegisterExtension
    static final SandboxExtension SB = new SandboxExtension();

    private static long count(List<String> log, String fragment, String status) {
        return log.stream().filter(l -> l.contains(fragment) && l.contains(" " + status + " ")).count();
    }

    @ParameterizedTest
    @CsvSource({
        "429:GET:/virtualMachines:2,       THROTTLE,       GET, 2",
        "429=7:*:/virtualMachines,         THROTTLE,       *,   -1",
        "500:PUT:/snapshots/:1,            SERVER_ERROR,   PUT, 1",
        "503:GET:@vm-get:*,                UNAVAILABLE,    GET, -1",
        "reset:GET:/subscriptions$:3,      RESET,          GET, 3",
        "latency=250:*:/batch/,            LATENCY,        *,   -1",
        "fail=QuotaExceeded:PUT:/images/:1, FAIL_OPERATION, PUT, 1",
        "expire:*:.*:1,                    TOKEN_EXPIRED,  *,   1"})
    void specsParse(String spec, FaultSpec.Kind kind, String method, int count) {
        FaultSpec f = FaultSpec.parse(spec);
        assertThat(f.kind()).isEqualTo(kind);
        assertThat(f.count()).isEqualTo(count);
        assertThat(f.toString()).contains(":" + method + ":");
        assertThat(FaultSpec.parse(f.toString()).toString()).isEqualTo(f.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"429", "429:GET", "418:GET:/x", "429:FETCH:/x", "latency=abc:GET:/x", "429:GET:([:1"})
    void badSpecsAreRefused(String spec) {
        assertThatThrownBy(() -> FaultSpec.parse(spec)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void throttlingIsRetriedAfterRetryAfter() {
        SB.sandbox().faults().add("429:GET:/virtualMachines/vm-render:2");
        SB.clearLog();
        assertThat(SB.compute().virtualMachines().getByResourceGroup("rg-render", "vm-render-ubuntu2204").name()).isEqualTo("vm-render-ubuntu2204");
        assertThat(count(SB.log(), "/virtualMachines/vm-render-ubuntu2204", "429")).isEqualTo(2);
        assertThat(count(SB.log(), "/virtualMachines/vm-render-ubuntu2204", "200")).isEqualTo(1);
        var r = sendWithFault("429=3:GET:/resourceGroups$:1", "/subscriptions/" + SandboxExtension.SUB + "/resourceGroups?api-version=2022-09-01");
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).contains("3");
        assertThat(SandboxExtension.json(r.body()).path("error").path("code").asText()).isEqualTo("TooManyRequests");
    }

    @Test
    void serverErrorsAndDroppedConnectionsAreRetriedThenSurface() {
        ComputeManager c = SB.compute();
        SB.sandbox().faults().add("500:GET:@vm-get:1").add("503:GET:@vm-get:1").add("reset:GET:@vm-get:1");
        SB.clearLog();
        assertThat(c.virtualMachines().getByResourceGroup("rg-render", "vm-debian11").name()).isEqualTo("vm-debian11");
        assertThat(SB.log()).anyMatch(l -> l.contains(" 500 ")).anyMatch(l -> l.contains(" 503 ")).anyMatch(l -> l.contains(" reset "));
        SB.sandbox().faults().add("500:GET:@vm-get:*");
        assertThatThrownBy(() -> c.virtualMachines().getByResourceGroup("rg-render", "vm-debian11"))
                .isInstanceOfSatisfying(ManagementException.class, e -> assertThat(e.getValue().getCode()).isEqualTo("InternalServerError"));
    }

    @Test
    void latencyDelaysButAnswers() {
        SB.sandbox().faults().add(FaultSpec.of(FaultSpec.Kind.LATENCY, "GET", "@batch-account-get", 1).withArgument(150));
        assertThat(SB.batch().batchAccounts().getByResourceGroup("rg-batch", "pfdemobatchweu").name()).isEqualTo("pfdemobatchweu");
        assertThat(SB.sandbox().faults().describe()).singleElement().asString().contains("left: 0");
    }

    @Test
    void anOperationCanEndFailed() {
        ComputeManager c = SB.compute();
        String disk = c.virtualMachines().getByResourceGroup("rg-render", "vm-render-ubuntu2204").osDiskId();
        SB.sandbox().faults().add("fail=OperationPreempted:PUT:/snapshots/snap-doomed:1");
        assertThatThrownBy(() -> c.serviceClient().getSnapshots().createOrUpdate("rg-render", "snap-doomed", new SnapshotInner()
                .withLocation("westeurope").withCreationData(new CreationData().withCreateOption(DiskCreateOption.COPY).withSourceResourceId(disk))))
                .isInstanceOfSatisfying(ManagementException.class, e -> assertThat(e.getValue().getCode()).isEqualTo("OperationPreempted"));
        assertThat(c.serviceClient().getSnapshots().getByResourceGroup("rg-render", "snap-doomed").provisioningState()).isEqualTo("Failed");
        assertThat(SB.log()).anyMatch(l -> l.contains("/operations/"));
    }

    @Test
    void anExpiredTokenIsRefusedWithArmsCode() {
        SB.sandbox().faults().add("expire:GET:@batch-account-list-all:1");
        assertThatThrownBy(() -> SB.batch().batchAccounts().list().stream().count())
                .isInstanceOfSatisfying(ManagementException.class, e -> {
                    assertThat(e.getResponse().getStatusCode()).isEqualTo(401);
                    assertThat(e.getValue().getCode()).isEqualTo("ExpiredAuthenticationToken");
                });
        assertThat(SB.batch().batchAccounts().list().stream().count()).isEqualTo(2);
    }

    @Test
    void faultsGivenAtStartApply() {
        try (SandboxExtension sb = SandboxExtension.started(b -> b.fault("503:GET:/tenants:1"))) {
            assertThat(sb.get("/tenants?api-version=2022-12-01").statusCode()).isEqualTo(503);
            assertThat(sb.get("/tenants?api-version=2022-12-01").statusCode()).isEqualTo(200);
        }
    }

    private static java.net.http.HttpResponse<String> sendWithFault(String spec, String path) {
        SB.sandbox().faults().add(spec);
        return SB.get(path);
    }
}
