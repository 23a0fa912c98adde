package io.poolforge.azure.sdk;

import static io.poolforge.azure.sdk.AdapterSandbox.GALLERY;
import static io.poolforge.azure.sdk.AdapterSandbox.RENDER_VM;
import static io.poolforge.azure.sdk.AdapterSandbox.RENDER_VERSION;
import static io.poolforge.azure.sdk.AdapterSandbox.SUB;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.util.polling.LongRunningOperationStatus;
import io.poolforge.azure.ComputeGateway;
import io.poolforge.azure.GalleryRef;
import io.poolforge.azure.OperationMonitor;
import io.poolforge.azure.Page;
import io.poolforge.azure.SnapshotInfo;
import io.poolforge.domain.DiskRef;
import io.poolforge.domain.GalleryImageInfo;
import io.poolforge.domain.GalleryImageVersionInfo;
import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImagePlan;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.ManagedImageInfo;
import io.poolforge.domain.OsState;
import io.poolforge.domain.OsType;
import io.poolforge.domain.PowerState;
import io.poolforge.domain.RegionReplica;
import io.poolforge.domain.SecurityType;
import io.poolforge.domain.VmSummary;
import io.poolforge.sandbox.state.LroStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every ComputeGateway method through SdkComputeGateway, the real SDK and the sandbox. */
class ComputeGatewayContractTest {
    static final String SNAPSHOTS = "Microsoft.Compute/snapshots";
    static final String IMAGES = "Microsoft.Compute/images";
    static final String GALLERIES = "Microsoft.Compute/galleries";
    static final String DEFINITIONS = "Microsoft.Compute/galleries/images";
    static final String VERSIONS = "Microsoft.Compute/galleries/images/versions";
    static final String DONE = LongRunningOperationStatus.SUCCESSFULLY_COMPLETED + " 100";

    static AdapterSandbox sb;

    @BeforeAll
    static void start() {
        sb = AdapterSandbox.start(b -> b.vmPageSize(4));
    }

    @AfterAll
    static void stop() throws Exception {
        sb.close();
    }

    static ImagePlan plan(ImageTarget target, String suffix) {
        return new ImagePlan(target, SUB, "rg-images", "westeurope", "gal_pf_" + suffix, "ubuntu2204-" + suffix, "1.0.0",
                "img-" + suffix, "PoolForge", "render-" + suffix, "ubuntu2204", OsType.LINUX, OsState.GENERALIZED, HyperVGeneration.V2,
                SecurityType.STANDARD, null, List.of(new RegionReplica("westeurope", 2, null), new RegionReplica("eastus", 1, null)));
    }

    @Test
    void listVmsPagesThroughEveryVmOfTheSubscriptionExactlyOnce() {
        List<VmSummary> all = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String token = null;
        do {
            Page<VmSummary> page = sb.compute().listVms(SUB, token);
            all.addAll(page.items());
            sizes.add(page.items().size());
            token = page.continuationToken();
            assertThat(page.hasNext()).isEqualTo(token != null);
        } while (token != null && sizes.size() < 50);
        assertThat(sizes).as("page sizes with vmPageSize 4").containsExactly(4, 4, 4, 4);
        assertThat(all).extracting(VmSummary::name).doesNotHaveDuplicates().hasSize(16)
                .contains("vm-render-ubuntu2204", "vm-legacy-vhd", "vm-westus2-ubuntu2204").doesNotContain("vm-dev-ubuntu2204");
        assertThat(all).allSatisfy(v -> assertThat(v.subscriptionId()).isEqualToIgnoringCase(SUB));
    }

    @Test
    void listVmsInTheLargeScenarioFollowsContinuationTokens() throws Exception {
        try (AdapterSandbox large = AdapterSandbox.start("large", b -> b)) {
            Set<String> ids = new HashSet<>();
            int pages = 0;
            String token = null;
            do {
                Page<VmSummary> page = large.compute().listVms(SUB, token);
                assertThat(page.items()).hasSize(50);
                page.items().forEach(v -> ids.add(v.id().toLowerCase()));
                token = page.continuationToken();
                pages++;
            } while (token != null && pages < 5);
            // 5 of the 201 pages of 50 (Azure's page size, PF-21): each page new VMs, and still a token for the next one.
            assertThat(ids).hasSize(250);
            assertThat(token).isNotNull();
        }
    }

    @Test
    void listResourceGroupsAndTheVmsOfOneGroupPageByPage() throws Exception {
        try (AdapterSandbox large = AdapterSandbox.start("large", b -> b)) {
            List<String> groups = large.compute().listResourceGroups(SUB);
            assertThat(groups).contains("rg-fleet-00", "rg-fleet-39").hasSizeGreaterThanOrEqualTo(40);
            Set<String> names = new HashSet<>();
            int pages = 0;
            String token = null;
            do {
                Page<VmSummary> page = large.compute().listVms(SUB, "rg-fleet-01", token);
                assertThat(page.items()).hasSize(50).allSatisfy(v -> assertThat(v.resourceGroup()).isEqualToIgnoringCase("rg-fleet-01"));
                page.items().forEach(v -> names.add(v.name()));
                token = page.continuationToken();
                pages++;
            } while (token != null);
            assertThat(pages).isEqualTo(5);
            assertThat(names).hasSize(250).contains("vm-fleet-00250", "vm-fleet-00499").doesNotContain("vm-fleet-00500");
        }
    }

    @Test
    void getVmAndGetDiskMapDisksLunsPowerStateAndUnmanagedDisks() {
        VmSummary data = sb.compute().getVm(RENDER_VM + "vm-render-datadisks");
        assertThat(data.name()).isEqualTo("vm-render-datadisks");
        assertThat(data.osType()).isEqualTo(OsType.LINUX);
        assertThat(data.osDisk().managed()).isTrue();
        assertThat(data.dataDisks()).extracting(DiskRef::lun).containsExactlyInAnyOrder(0, 1);
        DiskRef os = sb.compute().getDisk(data.osDisk().id());
        assertThat(os.name()).isEqualTo(data.osDisk().name());
        assertThat(os.sizeGb()).isPositive();
        assertThat(sb.compute().getVm(RENDER_VM + "vm-deallocated").powerState()).isEqualTo(PowerState.DEALLOCATED);
        VmSummary vhd = sb.compute().getVm(RENDER_VM + "vm-legacy-vhd");
        assertThat(vhd.osDisk().managed()).isFalse();
        assertThat(vhd.osDisk().vhdUri()).isNotBlank();
        assertThat(sb.compute().getVm(RENDER_VM + "vm-thirdparty-cis").plan().publisher()).isEqualTo("center-for-internet-security-inc");
    }

    @Test
    void listsAndFindsTheSeededGalleryImagesAndVersions() {
        assertThat(sb.compute().listGalleries(SUB)).extracting(GalleryRef::name).contains("gal_pf_images");
        assertThat(sb.compute().listGalleries(AdapterSandbox.SUB_DEV)).extracting(GalleryRef::name).containsExactly("gal_dev");
        assertThat(sb.compute().findGallery(GALLERY)).get().extracting(GalleryRef::resourceGroup).isEqualTo("rg-images");
        assertThat(sb.compute().listImageDefinitions(GALLERY)).extracting(GalleryImageInfo::name)
                .contains("ubuntu2204-render", "win2022-build", "ubuntu-specialized", "render-legacy");
        assertThat(sb.compute().findImageDefinition(GALLERY + "/images/ubuntu-specialized")).get()
                .extracting(GalleryImageInfo::osState).isEqualTo(OsState.SPECIALIZED);
        List<GalleryImageVersionInfo> versions = sb.compute().listImageVersions(GALLERY + "/images/ubuntu2204-render");
        assertThat(versions).extracting(GalleryImageVersionInfo::version).contains("1.0.0");
        GalleryImageVersionInfo v = sb.compute().findImageVersion(RENDER_VERSION).orElseThrow();
        assertThat(v.replicas()).extracting(RegionReplica::replicaCount).containsExactlyInAnyOrder(2, 1);
        assertThat(v.image().name()).isEqualTo("ubuntu2204-render");
        assertThat(sb.compute().findImageVersion(GALLERY + "/images/render-legacy/versions/0.9.0")).as("deleted version").isEmpty();
        assertThat(sb.compute().findManagedImage("/subscriptions/" + SUB + "/resourceGroups/rg-images/providers/Microsoft.Compute/images/img-render-2019"))
                .get().satisfies(i -> assertThat(i.sourceIds()).isNotEmpty());
        assertThat(sb.compute().findGallery(GALLERY + "x")).isEmpty();
        assertThat(sb.compute().findImageDefinition(GALLERY + "/images/none")).isEmpty();
        assertThat(sb.compute().findManagedImage("/subscriptions/" + SUB + "/resourceGroups/rg-images/providers/Microsoft.Compute/images/none")).isEmpty();
    }

    /** Snapshot → managed image, gallery → definition → version, then every delete, in each LRO style. */
    @ParameterizedTest
    @EnumSource(value = LroStyle.class, names = {"SYNC", "ASYNC_OPERATION", "LOCATION", "PROVISIONING_STATE"})
    void everyCreateAndDeleteCompletesInEveryLroStyle(LroStyle style) throws Exception {
        try (AdapterSandbox s = AdapterSandbox.start(b -> b.lroStyle(style))) {
            ComputeGateway c = s.compute();
            Map<String, Integer> before = s.counts();
            String disk = c.getVm(RENDER_VM + "vm-render-ubuntu2204").osDisk().id();
            String suffix = style.name().toLowerCase().replace('_', '-');
            List<AdapterSandbox.Monitor> monitors = new ArrayList<>();

            AdapterSandbox.Monitor m = new AdapterSandbox.Monitor();
            monitors.add(m);
            SnapshotInfo snap = c.createSnapshot(SUB, "rg-images", "snap-" + suffix, "westeurope", disk, Map.of("poolforge", "test"), m);
            assertThat(snap.provisioningState()).isEqualTo("Succeeded");
            assertThat(snap.incremental()).isFalse();
            assertThat(snap.sourceResourceId()).isEqualToIgnoringCase(disk);
            assertThat(c.findSnapshot(snap.id())).get().extracting(SnapshotInfo::name).isEqualTo("snap-" + suffix);

            ImagePlan managed = plan(ImageTarget.MANAGED, suffix);
            monitors.add(m = new AdapterSandbox.Monitor());
            ManagedImageInfo image = c.createManagedImage(managed, snap.id(), Map.of(), m);
            assertThat(image.name()).isEqualTo("img-" + suffix);
            assertThat(image.sourceIds()).anySatisfy(id -> assertThat(id).isEqualToIgnoringCase(snap.id()));
            assertThat(c.findManagedImage(image.id())).isPresent();

            ImagePlan gallery = plan(ImageTarget.GALLERY, suffix);
            monitors.add(m = new AdapterSandbox.Monitor());
            GalleryRef g = c.createGallery(SUB, "rg-images", gallery.galleryName(), "westeurope", m);
            assertThat(c.listGalleries(SUB)).extracting(GalleryRef::name).contains(g.name());
            monitors.add(m = new AdapterSandbox.Monitor());
            GalleryImageInfo def = c.createImageDefinition(gallery, m);
            assertThat(def.hyperVGeneration()).isEqualTo(HyperVGeneration.V2);
            assertThat(def.publisher()).isEqualTo("PoolForge");
            assertThat(c.listImageDefinitions(g.id())).extracting(GalleryImageInfo::name).containsExactly(def.name());
            monitors.add(m = new AdapterSandbox.Monitor());
            GalleryImageVersionInfo version = c.createImageVersion(gallery, snap.id(), Map.of(), m);
            assertThat(version.version()).isEqualTo("1.0.0");
            assertThat(version.provisioningState()).isEqualTo("Succeeded");
            assertThat(c.findImageVersion(version.id())).get().satisfies(v -> assertThat(v.replicas()).hasSize(2));
            assertThat(c.listImageVersions(def.id())).extracting(GalleryImageVersionInfo::version).containsExactly("1.0.0");
            assertThat(s.count(SNAPSHOTS)).isEqualTo(before.get(SNAPSHOTS) + 1);
            assertThat(s.count(VERSIONS)).isEqualTo(before.get(VERSIONS) + 1);

            monitors.add(m = new AdapterSandbox.Monitor());
            c.deleteImageVersion(version.id(), m);
            monitors.add(m = new AdapterSandbox.Monitor());
            c.deleteImageDefinition(def.id(), m);
            monitors.add(m = new AdapterSandbox.Monitor());
            c.deleteGallery(g.id(), m);
            monitors.add(m = new AdapterSandbox.Monitor());
            c.deleteManagedImage(image.id(), m);
            monitors.add(m = new AdapterSandbox.Monitor());
            c.deleteSnapshot(snap.id(), m);

            assertThat(c.findImageVersion(version.id())).isEmpty();
            assertThat(c.findImageDefinition(def.id())).isEmpty();
            assertThat(c.findGallery(g.id())).isEmpty();
            assertThat(c.findManagedImage(image.id())).isEmpty();
            assertThat(c.findSnapshot(snap.id())).isEmpty();
            assertThat(s.counts()).as("everything created was deleted").isEqualTo(before);
            assertThat(monitors).as("every operation reported its end").allSatisfy(mon -> assertThat(mon.last()).isEqualTo(DONE));
        }
    }

    @Test
    void dataDisksGoIntoTheImageAndTheVersionByLun() {
        VmSummary vm = sb.compute().getVm(RENDER_VM + "vm-render-datadisks");
        SnapshotInfo os = sb.compute().createSnapshot(SUB, "rg-render", "snap-dd-os", vm.location(), vm.osDisk().id(), Map.of(), OperationMonitor.NONE);
        Map<Integer, String> data = new java.util.TreeMap<>();
        for (DiskRef d : vm.dataDisks()) {
            data.put(d.lun(), sb.compute().createSnapshot(SUB, "rg-render", "snap-dd-" + d.lun(), vm.location(), d.id(), Map.of(),
                    OperationMonitor.NONE).id());
        }
        ImagePlan p = new ImagePlan(ImageTarget.MANAGED, SUB, "rg-render", vm.location(), "gal_pf_images", "ubuntu2204-render", "4.0.0",
                "img-dd", "x", "y", "z", OsType.LINUX, OsState.GENERALIZED, vm.hyperVGeneration(), SecurityType.STANDARD, null,
                List.of(new RegionReplica(vm.location(), 1, null)));
        ManagedImageInfo image = sb.compute().createManagedImage(p, os.id(), data, OperationMonitor.NONE);
        assertThat(image.sourceIds()).hasSize(3);
        GalleryImageVersionInfo v = sb.compute().createImageVersion(new ImagePlan(ImageTarget.GALLERY, SUB, "rg-images", vm.location(),
                "gal_pf_images", "ubuntu2204-render", "4.0.0", null, null, null, null, OsType.LINUX, OsState.GENERALIZED,
                vm.hyperVGeneration(), null, null, List.of(new RegionReplica(vm.location(), 1, null))), os.id(), data, OperationMonitor.NONE);
        assertThat(v.sourceIds()).hasSize(3);
        assertThat(v.image().name()).isEqualTo("ubuntu2204-render");
    }

    /** The port promises: a PUT retried with the same name never makes a second resource. */
    @Test
    void creatingTwiceWithTheSameNameMakesOneResource() {
        ComputeGateway c = sb.compute();
        String disk = c.getVm(RENDER_VM + "vm-render-ubuntu2204").osDisk().id();
        ImagePlan p = plan(ImageTarget.GALLERY, "twice");
        ImagePlan m = plan(ImageTarget.MANAGED, "twice");
        SnapshotInfo first = c.createSnapshot(SUB, "rg-images", "snap-twice", "westeurope", disk, Map.of(), OperationMonitor.NONE);
        c.createManagedImage(m, first.id(), Map.of(), OperationMonitor.NONE);
        c.createGallery(SUB, "rg-images", p.galleryName(), "westeurope", OperationMonitor.NONE);
        c.createImageDefinition(p, OperationMonitor.NONE);
        c.createImageVersion(p, first.id(), Map.of(), OperationMonitor.NONE);
        Map<String, Integer> once = sb.counts();

        SnapshotInfo again = c.createSnapshot(SUB, "rg-images", "snap-twice", "westeurope", disk, Map.of(), OperationMonitor.NONE);
        c.createManagedImage(m, again.id(), Map.of(), OperationMonitor.NONE);
        c.createGallery(SUB, "rg-images", p.galleryName(), "westeurope", OperationMonitor.NONE);
        c.createImageDefinition(p, OperationMonitor.NONE);
        c.createImageVersion(p, again.id(), Map.of(), OperationMonitor.NONE);

        assertThat(again.id()).isEqualToIgnoringCase(first.id());
        assertThat(sb.counts()).isEqualTo(once);
    }
}
