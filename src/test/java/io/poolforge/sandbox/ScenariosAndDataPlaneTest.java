package io.poolforge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.resourcemanager.compute.models.VirtualMachine;
import com.fasterxml.jackson.databind.JsonNode;
import io.poolforge.sandbox.batch.engine.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The scenarios' estates, the Batch data plane through an azure-core pipeline, and the large scenario's paging. */
class ScenariosAndDataPlaneTest {
    @RegisterExtension
    static final SandboxExtension SB = new SandboxExtension();

    @Test
    void supportedImagesArePagedWithOdataNextLinkThroughTheSdkPipeline() {
        HttpPipeline pipeline = SB.clients().batchDataPlane();
        String url = SB.sandbox().batchAccountUrls().get("pfdemobatchweu") + "/supportedimages?api-version=2024-07-01.20.0&maxresults=4";
        List<JsonNode> images = new ArrayList<>();
        int pages = 0;
        while (url != null) {
            try (HttpResponse r = pipeline.send(new HttpRequest(HttpMethod.GET, url)).block()) {
                assertThat(r.getStatusCode()).isEqualTo(200);
                JsonNode page = SandboxExtension.json(r.getBodyAsString().block());
                page.path("value").forEach(images::add);
                url = page.path("odata.nextLink").asText(null);
                pages++;
            }
        }
        assertThat(pages).isEqualTo(3);
        assertThat(images).hasSize(Catalog.IMAGES.size());
        assertThat(images).anyMatch(i -> i.path("nodeAgentSKUId").asText().equals("batch.node.ubuntu 22.04"))
                .anyMatch(i -> i.path("nodeAgentSKUId").asText().equals("batch.node.windows amd64"));
    }

    @Test
    void dataPlanePoolShowsTheResizeErrorsOfTheOrphanedPool() {
        JsonNode pool = SandboxExtension.json(SB.get("/batch/pfdemobatchweu/pools/render-orphaned?api-version=2024-07-01.20.0").body());
        assertThat(pool.path("allocationState").asText()).isEqualTo("steady");
        assertThat(pool.path("targetDedicatedNodes").asInt()).isEqualTo(4);
        assertThat(pool.path("resizeErrors").get(0).path("code").asText()).isEqualTo("AllocationFailed");
        assertThat(pool.path("virtualMachineConfiguration").path("nodeAgentSKUId").asText()).isEqualTo("batch.node.ubuntu 22.04");
        JsonNode nodes = SandboxExtension.json(SB.get("/batch/pfdemobatchweu/pools/render-gallery/nodes?api-version=2024-07-01.20.0&maxresults=1").body());
        assertThat(nodes.path("value")).hasSize(1);
        assertThat(nodes.path("odata.nextLink").asText()).contains("$skiptoken=1");
    }

    @Test
    void theDemoHasAVmForEveryEligibilityOutcome() {
        List<VirtualMachine> vms = SB.compute().virtualMachines().list().stream().collect(Collectors.toList());
        assertThat(vms.size()).isGreaterThanOrEqualTo(12);
        assertThat(vms).extracting(VirtualMachine::name).contains("vm-render-ubuntu2204", "vm-build-win2022", "vm-legacy-vhd",
                "vm-with-extension", "vm-thirdparty-cis", "vm-westus2-ubuntu2204", "vm-render-datadisks", "vm-deallocated",
                "vm-trusted-launch", "vm-encrypted-os");
        assertThat(SB.clients().computeManager(SandboxExtension.SUB_DEV).virtualMachines().list().stream().count()).isEqualTo(1);
    }

    @Test
    void theEmptyScenarioHasAnAccountAndNothingElse() {
        try (SandboxExtension empty = SandboxExtension.started(b -> b.scenario("empty"))) {
            assertThat(empty.compute().virtualMachines().list().stream().count()).isZero();
            assertThat(empty.batch().batchAccounts().list().stream().count()).isEqualTo(1);
        }
    }

    @Test
    void theLargeScenarioHas10000VmsIn40GroupsPagedAt50() {
        try (SandboxExtension large = SandboxExtension.started(b -> b.scenario("large"))) {
            System.out.println("sandbox start (large scenario): " + large.startMillis() + " ms");
            large.clearLog();
            long t0 = System.nanoTime();
            // One resource group of the fleet: 250 VMs in pages of 50, as Azure pages a group's list (PF-21).
            long n = large.clients().computeManager(SandboxExtension.SUB).virtualMachines().listByResourceGroup("rg-fleet-16").stream().count();
            System.out.println("250 VMs of a group listed through the SDK in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            assertThat(n).isEqualTo(250);
            assertThat(large.log().stream().filter(l -> l.contains("/resourceGroups/rg-fleet-16/providers/Microsoft.Compute/virtualMachines"))).hasSize(5);
            // vm-fleet-04242 is the 243rd VM of group 16 (4,000 to 4,249).
            VirtualMachine one = large.clients().computeManager(SandboxExtension.SUB).virtualMachines().getByResourceGroup("rg-fleet-16", "vm-fleet-04242");
            assertThat(large.clients().computeManager(SandboxExtension.SUB).disks().getById(one.osDiskId()).name()).startsWith("vm-fleet-04242_OsDisk");
            assertThat(large.sandbox().counts().get("Microsoft.Compute/virtualMachines")).isGreaterThanOrEqualTo(10_000);
        }
    }

    @Test
    void startTimeIsMeasured() {
        for (int i = 0; i < 3; i++) {
            try (SandboxExtension sb = SandboxExtension.started(b -> b)) {
                System.out.println("sandbox start (demo scenario, run " + (i + 1) + "): " + sb.startMillis() + " ms");
                assertThat(sb.sandbox().port()).isPositive();
            }
        }
    }
}
