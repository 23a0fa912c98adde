package io.poolforge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.batch.BatchManager;
import com.azure.resourcemanager.batch.models.AllocationState;
import com.azure.resourcemanager.batch.models.BatchAccount;
import com.azure.resourcemanager.batch.models.DeploymentConfiguration;
import com.azure.resourcemanager.batch.models.FixedScaleSettings;
import com.azure.resourcemanager.batch.models.ImageReference;
import com.azure.resourcemanager.batch.models.Pool;
import com.azure.resourcemanager.batch.models.PoolAllocationMode;
import com.azure.resourcemanager.batch.models.ResizeError;
import com.azure.resourcemanager.batch.models.ScaleSettings;
import com.azure.resourcemanager.batch.models.VirtualMachineConfiguration;
import com.azure.resourcemanager.compute.ComputeManager;
import com.azure.resourcemanager.compute.fluent.models.GalleryImageVersionInner;
import com.azure.resourcemanager.compute.fluent.models.SnapshotInner;
import com.azure.resourcemanager.compute.models.CreationData;
import com.azure.resourcemanager.compute.models.DiskCreateOption;
import com.azure.resourcemanager.compute.models.GalleryDiskImageSource;
import com.azure.resourcemanager.compute.models.GalleryImageVersionStorageProfile;
import com.azure.resourcemanager.compute.models.GalleryOSDiskImage;
import com.fasterxml.jackson.databind.JsonNode;
import io.poolforge.sandbox.batch.engine.PoolRules;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real BatchManager (and ComputeManager where the image changes) against the sandbox: pools and the platform's rules. */
class BatchContractTest {
    @RegisterExtension
    static final SandboxExtension SB = new SandboxExtension();

    static final String SUB = SandboxExtension.SUB;
    static final String GALLERY = "/subscriptions/" + SUB + "/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/gal_pf_images";
    static final String RENDER_V1 = GALLERY + "/images/ubuntu2204-render/versions/1.0.0";
    static final String MANAGED = "/subscriptions/" + SUB + "/resourceGroups/rg-images/providers/Microsoft.Compute/images/img-render-2019";

    static Pool create(BatchManager b, String account, String rg, String name, String size, String imageId, String agent, int dedicated, int low) {
        return b.pools().define(name).withExistingBatchAccount(rg, account).withVmSize(size)
                .withDeploymentConfiguration(new DeploymentConfiguration().withVirtualMachineConfiguration(new VirtualMachineConfiguration()
                        .withImageReference(new ImageReference().withId(imageId)).withNodeAgentSkuId(agent)))
                .withScaleSettings(new ScaleSettings().withFixedScale(new FixedScaleSettings().withTargetDedicatedNodes(dedicated)
                        .withTargetLowPriorityNodes(low).withResizeTimeout(Duration.ofMinutes(15))))
                .create();
    }

    static Pool weu(BatchManager b, String name, String size, String imageId, String agent, int dedicated, int low) {
        return create(b, "pfdemobatchweu", "rg-batch", name, size, imageId, agent, dedicated, low);
    }

    static List<String> codes(Pool p) {
        List<ResizeError> errors = p.resizeOperationStatus() == null ? null : p.resizeOperationStatus().errors();
        return errors == null ? List.of() : errors.stream().map(ResizeError::code).collect(Collectors.toList());
    }

    static String message(ManagementException e) {
        return e.getValue().getCode() + ": " + e.getValue().getMessage();
    }

    @Test
    void accountsQuotasAndSkus() {
        BatchManager b = SB.batch();
        List<BatchAccount> accounts = b.batchAccounts().list().stream().collect(Collectors.toList());
        assertThat(accounts).extracting(BatchAccount::name).containsExactlyInAnyOrder("pfdemobatchweu", "pfdemobatcheus");
        BatchAccount weu = b.batchAccounts().getByResourceGroup("rg-batch", "pfdemobatchweu");
        assertThat(weu.poolAllocationMode()).isEqualTo(PoolAllocationMode.BATCH_SERVICE);
        assertThat(weu.dedicatedCoreQuota()).isEqualTo(48);
        assertThat(weu.lowPriorityCoreQuota()).isEqualTo(24);
        assertThat(weu.poolQuota()).isEqualTo(20);
        assertThat(weu.dedicatedCoreQuotaPerVMFamily()).anyMatch(f -> f.name().equals("standardDSv5Family") && f.coreQuota() == 32);
        assertThat(weu.accountEndpoint()).isEqualTo("127.0.0.1:" + SB.sandbox().port() + "/batch/pfdemobatchweu");
        assertThat(b.batchAccounts().getByResourceGroup("rg-batch-eastus", "pfdemobatcheus").poolAllocationMode())
                .isEqualTo(PoolAllocationMode.USER_SUBSCRIPTION);
        assertThat(b.locations().getQuotas("westeurope").accountQuota()).isEqualTo(3);
        var skus = b.locations().listSupportedVirtualMachineSkus("westeurope").stream().collect(Collectors.toList());
        assertThat(skus).anyMatch(s -> s.name().equals("Standard_D4s_v5") && s.familyName().equals("standardDSv5Family")
                && s.capabilities().stream().anyMatch(c -> c.name().equals("vCPUs") && c.value().equals("4")));
    }

    @Test
    void seededPoolsIncludeAManagedImageOneAndOneWhoseImageWasDeleted() {
        BatchManager b = SB.batch();
        Pool orphan = b.pools().get("rg-batch", "pfdemobatchweu", "render-orphaned");
        assertThat(orphan.allocationState()).isEqualTo(AllocationState.STEADY);
        assertThat(orphan.currentDedicatedNodes()).isZero();
        assertThat(orphan.resizeOperationStatus().targetDedicatedNodes()).isEqualTo(4);
        assertThat(orphan.resizeOperationStatus().errors().get(0).code()).isEqualTo("AllocationFailed");
        assertThat(orphan.resizeOperationStatus().errors().get(0).message()).isEqualTo(PoolRules.ALLOCATION_FAILED);
        Pool legacy = b.pools().get("rg-batch", "pfdemobatchweu", "legacy-managed-image");
        assertThat(legacy.deploymentConfiguration().virtualMachineConfiguration().imageReference().id()).isEqualToIgnoringCase(MANAGED);
        assertThat(legacy.currentDedicatedNodes()).isEqualTo(1);
        assertThat(b.pools().get("rg-batch", "pfdemobatchweu", "render-gallery").currentDedicatedNodes()).isEqualTo(2);
    }

    @Test
    void galleryPoolIsCreatedResizedAndDeleted() {
        BatchManager b = SB.batch();
        Pool p = weu(b, "contract-gallery", "Standard_D2s_v5", RENDER_V1, "batch.node.ubuntu 22.04", 2, 0);
        assertThat(p.allocationState()).isEqualTo(AllocationState.STEADY);
        assertThat(p.currentDedicatedNodes()).isEqualTo(2);
        p.update().withScaleSettings(new ScaleSettings().withFixedScale(new FixedScaleSettings().withTargetDedicatedNodes(3)
                .withResizeTimeout(Duration.ofMinutes(15)))).apply();
        Pool again = b.pools().get("rg-batch", "pfdemobatchweu", "contract-gallery");
        assertThat(again.currentDedicatedNodes()).isEqualTo(3);
        assertThat(codes(again)).isEmpty();
        JsonNode nodes = SandboxExtension.json(SB.get("/batch/pfdemobatchweu/pools/contract-gallery/nodes?api-version=2024-07-01.20.0").body());
        assertThat(nodes.path("value")).hasSize(3).allMatch(n -> n.path("state").asText().equals("idle"));
        int pools = SB.sandbox().counts().get("Microsoft.Batch/batchAccounts/pools");
        b.pools().delete("rg-batch", "pfdemobatchweu", "contract-gallery");
        assertThat(SB.sandbox().counts().get("Microsoft.Batch/batchAccounts/pools")).isEqualTo(pools - 1);
        assertThatThrownBy(() -> b.pools().get("rg-batch", "pfdemobatchweu", "contract-gallery"))
                .isInstanceOfSatisfying(ManagementException.class, e -> assertThat(e.getValue().getCode()).isEqualTo("PoolNotFound"));
    }

    @Test
    void poolSourcesBatchNoLongerAcceptsAreRefused() {
        BatchManager b = SB.batch();
        assertThatThrownBy(() -> weu(b, "from-managed", "Standard_D2s_v3", MANAGED, "batch.node.ubuntu 22.04", 1, 0))
                .isInstanceOfSatisfying(ManagementException.class, e -> assertThat(message(e)).startsWith("InvalidPropertyValue").contains("31 March 2026"));
        assertThatThrownBy(() -> weu(b, "from-special", "Standard_D2s_v3", GALLERY + "/images/ubuntu-specialized/versions/1.0.0",
                "batch.node.ubuntu 22.04", 1, 0))
                .isInstanceOfSatisfying(ManagementException.class, e -> assertThat(message(e)).contains("specialized"));
        assertThatThrownBy(() -> create(b, "pfdemobatcheus", "rg-batch-eastus", "no-replica", "Standard_D2s_v5",
                GALLERY + "/images/win2022-build/versions/1.0.0", "batch.node.windows amd64", 1, 0))
                .isInstanceOfSatisfying(ManagementException.class, e -> assertThat(message(e)).contains("no replica").contains("eastus"));
        String devImage = "/subscriptions/" + SandboxExtension.SUB_DEV + "/resourceGroups/rg-dev/providers/Microsoft.Compute/galleries/gal_dev"
                + "/images/ubuntu-dev/versions/1.0.0";
        assertThatThrownBy(() -> weu(b, "other-sub", "Standard_D2s_v3", devImage, "batch.node.ubuntu 22.04", 1, 0))
                .isInstanceOfSatisfying(ManagementException.class, e -> assertThat(message(e)).contains("Microsoft.Batch"));
        assertThatThrownBy(() -> weu(b, "bad id!", "Standard_D2s_v3", RENDER_V1, "batch.node.ubuntu 22.04", 1, 0))
                .isInstanceOf(ManagementException.class);
        assertThat(SB.sandbox().counts().get("Microsoft.Batch/batchAccounts/pools")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theLegacy2019ScenarioAcceptsManagedImagePools() {
        try (SandboxExtension legacy = SandboxExtension.started(b -> b.scenario("legacy-2019"))) {
            Pool p = weu(legacy.batch(), "from-managed", "Standard_D2s_v3", MANAGED, "batch.node.ubuntu 22.04", 2, 0);
            assertThat(p.currentDedicatedNodes()).isEqualTo(2);
        }
    }

    @Test
    void quotasEndResizesWithTheServiceErrorCodes() {
        try (SandboxExtension sb = SandboxExtension.started(b -> b)) {
            BatchManager b = sb.batch();
            Pool family = weu(b, "q-family", "Standard_D4s_v5", RENDER_V1, "batch.node.ubuntu 22.04", 10, 0);
            assertThat(codes(family)).containsExactly("AccountVMSeriesCoreQuotaReached");
            assertThat(family.currentDedicatedNodes()).isEqualTo(6);
            Pool account = weu(b, "q-account", "Standard_D8s_v3", RENDER_V1, "batch.node.ubuntu 22.04", 6, 0);
            assertThat(codes(account)).containsExactly("AccountCoreQuotaReached");
            Pool low = weu(b, "q-low", "Standard_D2s_v5", RENDER_V1, "batch.node.ubuntu 22.04", 0, 20);
            assertThat(codes(low)).containsExactly("AccountLowPriorityCoreQuotaReached");
            assertThat(low.currentLowPriorityNodes()).isEqualTo(12);
        }
    }

    @Test
    void deletingTheImageOrItsSourceMakesTheNextResizeFailWithAllocationFailed() {
        try (SandboxExtension sb = SandboxExtension.started(b -> b)) {
            ComputeManager c = sb.compute();
            BatchManager b = sb.batch();
            String disk = c.virtualMachines().getByResourceGroup("rg-render", "vm-render-ubuntu2204").osDiskId();
            for (String what : List.of("image", "source")) {
                SnapshotInner snap = c.serviceClient().getSnapshots().createOrUpdate("rg-images", "snap-" + what, new SnapshotInner()
                        .withLocation("westeurope").withCreationData(new CreationData().withCreateOption(DiskCreateOption.COPY).withSourceResourceId(disk)));
                GalleryImageVersionInner v = c.serviceClient().getGalleryImageVersions().createOrUpdate("rg-images", "gal_pf_images",
                        "ubuntu2204-render", what.equals("image") ? "5.0.0" : "5.0.1", new GalleryImageVersionInner().withLocation("westeurope")
                                .withStorageProfile(new GalleryImageVersionStorageProfile().withOsDiskImage(new GalleryOSDiskImage()
                                        .withSource(new GalleryDiskImageSource().withId(snap.id())))));
                Pool p = weu(b, "doomed-" + what, "Standard_D2s_v3", v.id(), "batch.node.ubuntu 22.04", 1, 0);
                assertThat(p.currentDedicatedNodes()).isEqualTo(1);
                if (what.equals("image")) {
                    c.serviceClient().getGalleryImageVersions().delete("rg-images", "gal_pf_images", "ubuntu2204-render", "5.0.0");
                } else {
                    c.serviceClient().getSnapshots().delete("rg-images", "snap-source");
                }
                p.update().withScaleSettings(new ScaleSettings().withFixedScale(new FixedScaleSettings().withTargetDedicatedNodes(3)
                        .withResizeTimeout(Duration.ofMinutes(15)))).apply();
                Pool after = b.pools().get("rg-batch", "pfdemobatchweu", "doomed-" + what);
                assertThat(after.allocationState()).isEqualTo(AllocationState.STEADY);
                assertThat(after.currentDedicatedNodes()).isEqualTo(1);
                assertThat(after.resizeOperationStatus().errors()).singleElement().satisfies(e -> {
                    assertThat(e.code()).isEqualTo("AllocationFailed");
                    assertThat(e.message()).isEqualTo("There was an error encountered while performing the last resize on the pool. "
                            + "Please try resizing the pool again. Code: AllocationFailed");
                });
            }
        }
    }

    @Test
    void aNodeAgentForAnotherOsMakesNodesUnusableAndAGen1SizeCannotBootAGen2Image() {
        BatchManager b = SB.batch();
        weu(b, "wrong-agent", "Standard_D2s_v3", RENDER_V1, "batch.node.windows amd64", 2, 0);
        JsonNode nodes = SandboxExtension.json(SB.get("/batch/pfdemobatchweu/pools/wrong-agent/nodes?api-version=2024-07-01.20.0").body());
        assertThat(nodes.path("value")).hasSize(2).allMatch(n -> n.path("state").asText().equals("unusable"));
        JsonNode counts = SandboxExtension.json(SB.get("/batch/pfdemobatchweu/nodecounts?api-version=2024-07-01.20.0").body());
        assertThat(counts.path("value")).anyMatch(c -> c.path("poolId").asText().equals("wrong-agent")
                && c.path("dedicated").path("unusable").asInt() == 2);
        Pool gen = weu(b, "gen1-size", "Standard_A2_v2", RENDER_V1, "batch.node.ubuntu 22.04", 2, 0);
        assertThat(gen.currentDedicatedNodes()).isZero();
        assertThat(gen.resizeOperationStatus().errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("AllocationFailed");
            assertThat(e.details().get(0).message()).contains("cannot boot Hypervisor Generation '2'");
        });
    }

    @Test
    void poolsAllocateOverScaledTimeAndStopResizeStopsThem() {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-20T09:00:00Z"));
        try (SandboxExtension sb = SandboxExtension.started(o -> o.timeScale(1).clock(clock).tokenLifetime(Duration.ofDays(2)))) {
            BatchManager b = sb.batch();
            Pool p = weu(b, "paced", "Standard_D2s_v3", RENDER_V1, "batch.node.ubuntu 22.04", 10, 0);
            assertThat(p.allocationState()).isEqualTo(AllocationState.RESIZING);
            assertThat(p.currentDedicatedNodes()).isZero();
            clock.advance(Duration.ofSeconds(10));
            JsonNode counts = SandboxExtension.json(sb.get("/batch/pfdemobatchweu/nodecounts?api-version=2024-07-01.20.0").body());
            JsonNode paced = null;
            for (JsonNode c : counts.path("value")) if (c.path("poolId").asText().equals("paced")) paced = c.path("dedicated");
            assertThat(paced.path("total").asInt()).isBetween(1, 9);
            assertThat(paced.path("creating").asInt() + paced.path("starting").asInt()).isPositive();
            clock.advance(Duration.ofSeconds(21));
            Pool steady = b.pools().get("rg-batch", "pfdemobatchweu", "paced");
            assertThat(steady.allocationState()).isEqualTo(AllocationState.STEADY);
            assertThat(steady.currentDedicatedNodes()).isEqualTo(10);

            Pool q = weu(b, "stopped", "Standard_D2s_v3", RENDER_V1, "batch.node.ubuntu 22.04", 10, 0);
            clock.advance(Duration.ofSeconds(8));
            b.pools().stopResize("rg-batch", "pfdemobatchweu", "stopped");
            assertThat(b.pools().get("rg-batch", "pfdemobatchweu", "stopped").allocationState()).isEqualTo(AllocationState.STOPPING);
            clock.advance(Duration.ofSeconds(3));
            Pool stopped = b.pools().get("rg-batch", "pfdemobatchweu", "stopped");
            assertThat(stopped.allocationState()).isEqualTo(AllocationState.STEADY);
            assertThat(stopped.currentDedicatedNodes()).isBetween(1, 9);
            assertThat(codes(stopped)).containsExactly("ResizeStopped");
            assertThat(q.name()).isEqualTo("stopped");
        }
    }
}
