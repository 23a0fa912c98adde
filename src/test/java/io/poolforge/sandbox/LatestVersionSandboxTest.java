package io.poolforge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.resourcemanager.batch.BatchManager;
import com.azure.resourcemanager.batch.models.AllocationState;
import com.azure.resourcemanager.batch.models.FixedScaleSettings;
import com.azure.resourcemanager.batch.models.Pool;
import com.azure.resourcemanager.batch.models.ScaleSettings;
import com.azure.resourcemanager.compute.ComputeManager;
import com.azure.resourcemanager.compute.fluent.models.GalleryImageVersionInner;
import com.azure.resourcemanager.compute.fluent.models.SnapshotInner;
import com.azure.resourcemanager.compute.models.CreationData;
import com.azure.resourcemanager.compute.models.DiskCreateOption;
import com.azure.resourcemanager.compute.models.GalleryDiskImageSource;
import com.azure.resourcemanager.compute.models.GalleryImageVersionPublishingProfile;
import com.azure.resourcemanager.compute.models.GalleryImageVersionStorageProfile;
import com.azure.resourcemanager.compute.models.GalleryOSDiskImage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * PF-18: a pool on a gallery image definition (no version) gets "the latest version" (Batch REST: "If the image version
 * is not specified in the imageId, the latest version will be used"), and a version excluded from latest is not it
 * (Compute REST excludeFromLatest: "Virtual Machines deployed from the latest version of the Image Definition won't
 * use this Image Version"). The sandbox shows which version it took through the one thing that differs: a version
 * whose snapshot is gone makes the resize fail with AllocationFailed.
 */
class LatestVersionSandboxTest {
    private static GalleryImageVersionInner version(ComputeManager c, String name, boolean excluded, String disk) {
        return version(c, name, excluded, false, disk);
    }

    /** {@code hiddenInWestEurope}: the target region westeurope has excludeFromLatest (Compute REST TargetRegion). */
    private static GalleryImageVersionInner version(ComputeManager c, String name, boolean excluded, boolean hiddenInWestEurope, String disk) {
        GalleryImageVersionPublishingProfile pp = new GalleryImageVersionPublishingProfile().withExcludeFromLatest(excluded);
        if (hiddenInWestEurope) {
            pp.withTargetRegions(java.util.List.of(new com.azure.resourcemanager.compute.models.TargetRegion().withName("westeurope")
                    .withRegionalReplicaCount(1).withExcludeFromLatest(true)));
        }
        SnapshotInner snap = c.serviceClient().getSnapshots().createOrUpdate("rg-images", "snap-" + name, new SnapshotInner()
                .withLocation("westeurope").withCreationData(new CreationData().withCreateOption(DiskCreateOption.COPY).withSourceResourceId(disk)));
        GalleryImageVersionInner v = c.serviceClient().getGalleryImageVersions().createOrUpdate("rg-images", "gal_pf_images", "ubuntu2204-render",
                name, new GalleryImageVersionInner().withLocation("westeurope")
                        .withPublishingProfile(pp)
                        .withStorageProfile(new GalleryImageVersionStorageProfile().withOsDiskImage(new GalleryOSDiskImage()
                                .withSource(new GalleryDiskImageSource().withId(snap.id())))));
        c.serviceClient().getSnapshots().delete("rg-images", "snap-" + name); // the version's source is gone
        return v;
    }

    @Test
    void aPoolOnADefinitionSkipsTheVersionsExcludedFromLatest() {
        try (SandboxExtension sb = SandboxExtension.started(b -> b)) {
            ComputeManager c = sb.compute();
            BatchManager b = sb.batch();
            String disk = c.virtualMachines().getByResourceGroup("rg-render", "vm-render-ubuntu2204").osDiskId();
            GalleryImageVersionInner excluded = version(c, "9.0.0", true, disk);
            version(c, "9.0.5", false, true, disk); // hidden from "latest" in westeurope only
            String definition = excluded.id().substring(0, excluded.id().lastIndexOf("/versions/"));

            // 9.0.5 is hidden in the account's region and 9.0.0 excluded everywhere: the pool gets 1.0.0, whose source is
            // intact, and allocates.
            Pool p = BatchContractTest.weu(b, "on-latest", "Standard_D2s_v3", definition, "batch.node.ubuntu 22.04", 1, 0);
            assertThat(p.currentDedicatedNodes()).isEqualTo(1);
            assertThat(BatchContractTest.codes(p)).isEmpty();

            // 9.1.0 is not excluded: it is the latest now, and its source is gone, so the next resize fails.
            version(c, "9.1.0", false, disk);
            p.update().withScaleSettings(new ScaleSettings().withFixedScale(new FixedScaleSettings().withTargetDedicatedNodes(2)
                    .withResizeTimeout(Duration.ofMinutes(15)))).apply();
            Pool after = b.pools().get("rg-batch", "pfdemobatchweu", "on-latest");
            assertThat(after.allocationState()).isEqualTo(AllocationState.STEADY);
            assertThat(after.currentDedicatedNodes()).isEqualTo(1);
            assertThat(BatchContractTest.codes(after)).containsExactly("AllocationFailed");
        }
    }
}
