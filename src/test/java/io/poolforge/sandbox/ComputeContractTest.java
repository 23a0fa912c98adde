package io.poolforge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.Region;
import com.azure.core.management.SubResource;
import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.compute.ComputeManager;
import com.azure.resourcemanager.compute.fluent.models.GalleryImageVersionInner;
import com.azure.resourcemanager.compute.fluent.models.ImageInner;
import com.azure.resourcemanager.compute.fluent.models.SnapshotInner;
import com.azure.resourcemanager.compute.models.CreationData;
import com.azure.resourcemanager.compute.models.DiskCreateOption;
import com.azure.resourcemanager.compute.models.GalleryArtifactVersionFullSource;
import com.azure.resourcemanager.compute.models.GalleryDiskImageSource;
import com.azure.resourcemanager.compute.models.GalleryImageVersionPublishingProfile;
import com.azure.resourcemanager.compute.models.GalleryImageVersionStorageProfile;
import com.azure.resourcemanager.compute.models.GalleryOSDiskImage;
import com.azure.resourcemanager.compute.models.HyperVGeneration;
import com.azure.resourcemanager.compute.models.ImageOSDisk;
import com.azure.resourcemanager.compute.models.ImageStorageProfile;
import com.azure.resourcemanager.compute.models.OperatingSystemStateTypes;
import com.azure.resourcemanager.compute.models.OperatingSystemTypes;
import com.azure.resourcemanager.compute.models.PowerState;
import com.azure.resourcemanager.compute.models.ReplicationStatusTypes;
import com.azure.resourcemanager.compute.models.SecurityTypes;
import com.azure.resourcemanager.compute.models.TargetRegion;
import com.azure.resourcemanager.compute.models.VirtualMachine;
import io.poolforge.sandbox.state.LroStyle;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The real ComputeManager over real HTTPS against the sandbox: VMs, paging, snapshots, images, galleries. */
class ComputeContractTest {
    @RegisterExtension
    static final SandboxExtension SB = new SandboxExtension(b -> b.vmPageSize(5)); // 16 VMs in 4 pages

    private static final String OS_DISK_OF_RENDER_VM = "vm-render-ubuntu2204";

    @Test
    void listsEveryVmOfTheSubscriptionThroughNextLinkPages() {
        SB.clearLog();
        List<VirtualMachine> vms = SB.compute().virtualMachines().list().stream().collect(Collectors.toList());
        assertThat(vms).hasSize(16);
        assertThat(vms).extracting(VirtualMachine::name).doesNotHaveDuplicates()
                .contains("vm-render-ubuntu2204", "vm-legacy-vhd", "vm-westus2-ubuntu2204");
        assertThat(SB.log().stream().filter(l -> l.contains("/providers/Microsoft.Compute/virtualMachines?"))).hasSize(4);
        assertThat(SB.log()).anyMatch(l -> l.contains("$skiptoken=15"));
    }

    @Test
    void vmsCarryDisksPlanSecurityAndPowerState() {
        ComputeManager c = SB.compute();
        VirtualMachine data = c.virtualMachines().getByResourceGroup("rg-render", "vm-render-datadisks");
        assertThat(data.dataDisks().keySet()).containsExactlyInAnyOrder(0, 1);
        assertThat(data.isManagedDiskEnabled()).isTrue();
        assertThat(data.osType()).isEqualTo(OperatingSystemTypes.LINUX);
        assertThat(data.storageProfile().imageReference().offer()).isEqualTo("0001-com-ubuntu-server-jammy");
        assertThat(c.virtualMachines().getByResourceGroup("rg-render", "vm-thirdparty-cis").plan().publisher())
                .isEqualTo("center-for-internet-security-inc");
        assertThat(c.virtualMachines().getByResourceGroup("rg-render", "vm-trusted-launch").securityType()).isEqualTo(SecurityTypes.TRUSTED_LAUNCH);
        assertThat(c.virtualMachines().getByResourceGroup("rg-render", "vm-legacy-vhd").isManagedDiskEnabled()).isFalse();
        assertThat(c.virtualMachines().getByResourceGroup("rg-render", "vm-with-extension").listExtensions()).containsKey("CustomScriptExtension-DSC");
        assertThat(c.virtualMachines().getByResourceGroup("rg-render", "vm-encrypted-os").storageProfile().osDisk().encryptionSettings().enabled()).isTrue();
        VirtualMachine off = c.virtualMachines().getByResourceGroup("rg-render", "vm-deallocated");
        assertThat(off.powerState()).isEqualTo(PowerState.DEALLOCATED);
        assertThat(off.instanceView().innerModel().hyperVGeneration().toString()).isEqualTo("V2");
        assertThat(c.virtualMachines().getByResourceGroup("rg-render", "vm-ubuntu2004-gen1").instanceView().innerModel().hyperVGeneration()
                .toString()).isEqualTo("V1");
        assertThatThrownBy(() -> c.virtualMachines().getByResourceGroup("rg-render", "nope"))
                .isInstanceOfSatisfying(ManagementException.class, e -> assertThat(e.getValue().getCode()).isEqualTo("ResourceNotFound"));
    }

    @Test
    void snapshotThenManagedImageThenGalleryVersionWithoutPolling() {
        ComputeManager c = SB.compute();
        VirtualMachine vm = c.virtualMachines().getByResourceGroup("rg-render", OS_DISK_OF_RENDER_VM);
        Map<String, Integer> before = SB.sandbox().counts();
        long t0 = System.nanoTime();
        SnapshotInner snap = c.serviceClient().getSnapshots().createOrUpdate("rg-images", "snap-contract-os", new SnapshotInner()
                .withLocation("westeurope").withCreationData(new CreationData().withCreateOption(DiskCreateOption.COPY)
                        .withSourceResourceId(vm.osDiskId())));
        assertThat(snap.provisioningState()).isEqualTo("Succeeded");
        assertThat(snap.hyperVGeneration()).isEqualTo(HyperVGeneration.V2);
        ImageInner img = c.serviceClient().getImages().createOrUpdate("rg-images", "img-contract", new ImageInner().withLocation("westeurope")
                .withStorageProfile(new ImageStorageProfile().withOsDisk(new ImageOSDisk().withOsType(OperatingSystemTypes.LINUX)
                        .withOsState(OperatingSystemStateTypes.GENERALIZED).withSnapshot(new SubResource().withId(snap.id())))));
        assertThat(img.provisioningState()).isEqualTo("Succeeded");
        GalleryImageVersionInner v = c.serviceClient().getGalleryImageVersions().createOrUpdate("rg-images", "gal_pf_images", "ubuntu2204-render",
                "2.0.0", new GalleryImageVersionInner().withLocation("westeurope")
                        .withPublishingProfile(new GalleryImageVersionPublishingProfile().withTargetRegions(List.of(
                                new TargetRegion().withName("West Europe").withRegionalReplicaCount(2),
                                new TargetRegion().withName("East US").withRegionalReplicaCount(1))))
                        .withStorageProfile(new GalleryImageVersionStorageProfile().withOsDiskImage(new GalleryOSDiskImage()
                                .withSource(new GalleryDiskImageSource().withId(snap.id())))));
        assertThat(v.provisioningState().toString()).isEqualTo("Succeeded");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
        var withStatus = c.serviceClient().getGalleryImageVersions().getWithResponse("rg-images", "gal_pf_images", "ubuntu2204-render", "2.0.0",
                com.azure.resourcemanager.compute.models.ReplicationStatusTypes.REPLICATION_STATUS,
                com.azure.core.util.Context.NONE).getValue();
        assertThat(withStatus.replicationStatus().aggregatedState().toString()).isEqualTo("Completed");
        assertThat(withStatus.replicationStatus().summary()).hasSize(2);
        Map<String, Integer> after = SB.sandbox().counts();
        assertThat(after.get("Microsoft.Compute/snapshots")).isEqualTo(before.get("Microsoft.Compute/snapshots") + 1);
        assertThat(after.get("Microsoft.Compute/images")).isEqualTo(before.get("Microsoft.Compute/images") + 1);
        assertThat(after.get("Microsoft.Compute/galleries/images/versions")).isEqualTo(before.get("Microsoft.Compute/galleries/images/versions") + 1);
    }

    @Test
    void galleryVersionFromASourceWithAPlanNeedsThePlanOnTheDefinition() {
        ComputeManager c = SB.compute();
        VirtualMachine cis = c.virtualMachines().getByResourceGroup("rg-render", "vm-thirdparty-cis");
        SnapshotInner snap = c.serviceClient().getSnapshots().createOrUpdate("rg-render", "snap-cis", new SnapshotInner()
                .withLocation("westeurope").withCreationData(new CreationData().withCreateOption(DiskCreateOption.COPY)
                        .withSourceResourceId(cis.osDiskId())));
        assertThat(snap.purchasePlan().publisher()).isEqualTo("center-for-internet-security-inc");
        assertThatThrownBy(() -> c.serviceClient().getGalleryImageVersions().createOrUpdate("rg-images", "gal_pf_images", "ubuntu2204-render",
                "3.0.0", new GalleryImageVersionInner().withLocation("westeurope").withStorageProfile(new GalleryImageVersionStorageProfile()
                        .withSource(new GalleryArtifactVersionFullSource().withId(snap.id())))))
                .isInstanceOfSatisfying(ManagementException.class, e -> assertThat(e.getValue().getMessage()).contains("purchasePlan"));
    }

    @ParameterizedTest
    @EnumSource(value = LroStyle.class, names = {"SYNC", "ASYNC_OPERATION", "LOCATION", "PROVISIONING_STATE"})
    void everyLroStyleCompletesThroughTheSdk(LroStyle style) {
        try (Sandbox sb = Sandbox.builder().timeScale(0).lroStyle(style).start()) {
            var clients = io.poolforge.azure.sdk.SdkClients.forSandbox(sb.armUrl(), sb.tokenUrl(), sb.tenantId(), sb.certificatePath());
            ComputeManager c = clients.computeManager(SandboxExtension.SUB);
            String disk = c.virtualMachines().getByResourceGroup("rg-render", OS_DISK_OF_RENDER_VM).osDiskId();
            long t0 = System.nanoTime();
            SnapshotInner snap = c.serviceClient().getSnapshots().createOrUpdate("rg-render", "snap-" + style.name().toLowerCase(),
                    new SnapshotInner().withLocation("westeurope").withCreationData(new CreationData()
                            .withCreateOption(DiskCreateOption.COPY).withSourceResourceId(disk)));
            ImageInner img = c.serviceClient().getImages().createOrUpdate("rg-render", "img-" + style.name().toLowerCase(), new ImageInner()
                    .withLocation("westeurope").withStorageProfile(new ImageStorageProfile().withOsDisk(new ImageOSDisk()
                            .withOsType(OperatingSystemTypes.LINUX).withOsState(OperatingSystemStateTypes.GENERALIZED)
                            .withSnapshot(new SubResource().withId(snap.id())))));
            c.serviceClient().getSnapshots().delete("rg-render", "snap-" + style.name().toLowerCase());
            assertThat(snap.provisioningState()).isEqualTo("Succeeded");
            assertThat(img.provisioningState()).isEqualTo("Succeeded");
            assertThat(sb.counts().get("Microsoft.Compute/snapshots")).isEqualTo(3);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("no 30 s default poll").isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void snapshotOfAMissingDiskOrInAnotherRegionIsRefused() {
        ComputeManager c = SB.compute();
        assertThatThrownBy(() -> c.serviceClient().getSnapshots().createOrUpdate("rg-render", "snap-x", new SnapshotInner()
                .withLocation("westeurope").withCreationData(new CreationData().withCreateOption(DiskCreateOption.COPY)
                        .withSourceResourceId("/subscriptions/" + SandboxExtension.SUB + "/resourceGroups/rg-render/providers/Microsoft.Compute/disks/none"))))
                .isInstanceOf(ManagementException.class);
        String disk = c.virtualMachines().getByResourceGroup("rg-render", OS_DISK_OF_RENDER_VM).osDiskId();
        assertThatThrownBy(() -> c.serviceClient().getSnapshots().createOrUpdate("rg-render", "snap-y", new SnapshotInner()
                .withLocation(Region.US_EAST.name()).withCreationData(new CreationData().withCreateOption(DiskCreateOption.COPY)
                        .withSourceResourceId(disk))))
                .isInstanceOfSatisfying(ManagementException.class, e -> assertThat(e.getValue().getCode()).isEqualTo("InvalidParameter"));
    }
}
