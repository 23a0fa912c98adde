package io.poolforge.azure.sdk;

import com.azure.core.http.rest.PagedResponse;
import com.azure.core.util.Context;
import com.azure.resourcemanager.compute.fluent.ComputeManagementClient;
import com.azure.resourcemanager.compute.fluent.models.DiskInner;
import com.azure.resourcemanager.compute.fluent.models.GalleryImageInner;
import com.azure.resourcemanager.compute.fluent.models.GalleryImageVersionInner;
import com.azure.resourcemanager.compute.fluent.models.GalleryInner;
import com.azure.resourcemanager.compute.fluent.models.ImageInner;
import com.azure.resourcemanager.compute.fluent.models.SnapshotInner;
import com.azure.resourcemanager.compute.fluent.models.VirtualMachineInner;
import com.azure.resourcemanager.compute.models.CreationData;
import com.azure.resourcemanager.compute.models.DiskCreateOption;
import com.azure.resourcemanager.compute.models.GalleryDataDiskImage;
import com.azure.resourcemanager.compute.models.GalleryDiskImageSource;
import com.azure.resourcemanager.compute.models.GalleryImageFeature;
import com.azure.resourcemanager.compute.models.GalleryImageIdentifier;
import com.azure.resourcemanager.compute.models.GalleryImageVersionPublishingProfile;
import com.azure.resourcemanager.compute.models.GalleryImageVersionStorageProfile;
import com.azure.resourcemanager.compute.models.GalleryOSDiskImage;
import com.azure.resourcemanager.compute.models.HyperVGeneration;
import com.azure.resourcemanager.compute.models.HyperVGenerationTypes;
import com.azure.resourcemanager.compute.models.ImageDataDisk;
import com.azure.resourcemanager.compute.models.ImageOSDisk;
import com.azure.resourcemanager.compute.models.ImagePurchasePlan;
import com.azure.resourcemanager.compute.models.ImageStorageProfile;
import com.azure.resourcemanager.compute.models.OperatingSystemStateTypes;
import com.azure.resourcemanager.compute.models.OperatingSystemTypes;
import com.azure.resourcemanager.compute.models.ReplicationStatusTypes;
import com.azure.resourcemanager.compute.models.TargetRegion;
import com.azure.core.management.SubResource;
import io.poolforge.azure.ComputeGateway;
import io.poolforge.azure.GalleryRef;
import io.poolforge.azure.OperationMonitor;
import io.poolforge.azure.Page;
import io.poolforge.azure.SnapshotInfo;
import io.poolforge.domain.DiskRef;
import io.poolforge.domain.GalleryImageInfo;
import io.poolforge.domain.GalleryImageVersionInfo;
import io.poolforge.domain.ImagePlan;
import io.poolforge.domain.ManagedImageInfo;
import io.poolforge.domain.OsState;
import io.poolforge.domain.OsType;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.SecurityType;
import io.poolforge.domain.VmSummary;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** {@link ComputeGateway} over azure-resourcemanager-compute (the fluent clients' inner models). */
public final class SdkComputeGateway implements ComputeGateway {
    private final Function<String, ComputeManagementClient> clients;
    /** Locks, permissions and provider state: plain ARM reads through the compute client's pipeline. */
    private final ArmRestReads armReads;
    private final Function<String, com.azure.resourcemanager.resources.fluent.ResourceManagementClient> resources;

    /** @param clients the compute service client for a subscription id (built once per subscription) */
    public SdkComputeGateway(Function<String, ComputeManagementClient> clients) {
        this(clients, null);
    }

    /**
     * @param resources the resources service client for a subscription id, for {@link #listResourceGroups}
     *                  (null: unsupported, the VM step lists the subscription's VMs in one sequence)
     */
    public SdkComputeGateway(Function<String, ComputeManagementClient> clients,
                             Function<String, com.azure.resourcemanager.resources.fluent.ResourceManagementClient> resources) {
        this.clients = clients;
        this.armReads = new ArmRestReads(clients);
        this.resources = resources;
    }

    private ComputeManagementClient client(String subscriptionId) {
        return clients.apply(subscriptionId);
    }

    @Override
    public List<io.poolforge.domain.ComputeUsage> regionalUsages(String subscriptionId, String location) {
        return call("usages", () -> {
            List<io.poolforge.domain.ComputeUsage> out = new java.util.ArrayList<>();
            for (var u : client(subscriptionId).getUsages().list(location)) {
                if (u.name() == null || u.name().value() == null) continue;
                out.add(new io.poolforge.domain.ComputeUsage(u.name().value(), u.currentValue(), u.limit()));
            }
            return out;
        });
    }

    @Override
    public void warmUp(String subscriptionId) {
        // The manager, its pipeline and the VM client's classes (about 1.5 s of class loading cold).
        client(subscriptionId).getVirtualMachines();
    }

    @Override
    public Page<VmSummary> listVms(String subscriptionId, String continuationToken) {
        return call("virtualMachines", () -> {
            Iterator<PagedResponse<VirtualMachineInner>> pages = (continuationToken == null
                    ? client(subscriptionId).getVirtualMachines().list("true", null, null, Context.NONE).iterableByPage()
                    : client(subscriptionId).getVirtualMachines().list("true", null, null, Context.NONE).iterableByPage(continuationToken))
                    .iterator();
            if (!pages.hasNext()) return new Page<VmSummary>(List.of(), null);
            PagedResponse<VirtualMachineInner> page = pages.next();
            List<VmSummary> items = new ArrayList<>(page.getValue().size());
            for (VirtualMachineInner vm : page.getValue()) items.add(ComputeMapper.vm(vm, null));
            return new Page<>(items, page.getContinuationToken());
        });
    }

    @Override
    public List<String> listResourceGroups(String subscriptionId) {
        if (resources == null) return List.of();
        return call("resourceGroups", () -> {
            List<String> out = new ArrayList<>();
            for (var g : resources.apply(subscriptionId).getResourceGroups().list()) out.add(g.name());
            return out;
        });
    }

    @Override
    public Page<VmSummary> listVms(String subscriptionId, String resourceGroup, String continuationToken) {
        return call("virtualMachines", () -> {
            var list = client(subscriptionId).getVirtualMachines().listByResourceGroup(resourceGroup, null, null, Context.NONE);
            Iterator<PagedResponse<VirtualMachineInner>> pages = (continuationToken == null
                    ? list.iterableByPage() : list.iterableByPage(continuationToken)).iterator();
            if (!pages.hasNext()) return new Page<VmSummary>(List.of(), null);
            PagedResponse<VirtualMachineInner> page = pages.next();
            List<VmSummary> items = new ArrayList<>(page.getValue().size());
            for (VirtualMachineInner vm : page.getValue()) items.add(ComputeMapper.vm(vm, null));
            return new Page<>(items, page.getContinuationToken());
        });
    }

    @Override
    public VmSummary getVm(String vmId) {
        ResourceId id = ResourceId.parse(vmId);
        return call(id.name(), () -> {
            var c = client(id.subscriptionId());
            VirtualMachineInner vm = c.getVirtualMachines().getByResourceGroupWithResponse(id.resourceGroup(), id.name(),
                    com.azure.resourcemanager.compute.models.InstanceViewTypes.INSTANCE_VIEW, Context.NONE).getValue();
            DiskInner osDisk = null;
            var os = vm.storageProfile() == null ? null : vm.storageProfile().osDisk();
            if (os != null && os.managedDisk() != null && os.managedDisk().id() != null) {
                ResourceId did = ResourceId.parse(os.managedDisk().id());
                osDisk = c.getDisks().getByResourceGroup(did.resourceGroup(), did.name());
            }
            return ComputeMapper.vm(vm, osDisk);
        });
    }

    @Override
    public DiskRef getDisk(String diskId) {
        ResourceId id = ResourceId.parse(diskId);
        return call(id.name(), () -> ComputeMapper.disk(client(id.subscriptionId()).getDisks().getByResourceGroup(id.resourceGroup(), id.name())));
    }

    @Override
    public Optional<io.poolforge.domain.ImageReference> diskSourceImage(String diskId) {
        ResourceId id = ResourceId.parse(diskId);
        return find(id.name(), () -> {
            DiskInner d = client(id.subscriptionId()).getDisks().getByResourceGroup(id.resourceGroup(), id.name());
            var ref = d.creationData() == null ? null : d.creationData().imageReference();
            return ref == null ? null : io.poolforge.azure.DiagnosisLookups.platformImage(ref.id());
        }).flatMap(Optional::ofNullable);
    }

    @Override
    public SnapshotInfo createSnapshot(String subscriptionId, String resourceGroup, String name, String location,
                                       String sourceDiskId, Map<String, String> tags, OperationMonitor monitor) {
        SnapshotInner body = new SnapshotInner().withLocation(location).withTags(Map.copyOf(tags)).withIncremental(false)
                .withCreationData(new CreationData().withCreateOption(DiskCreateOption.COPY).withSourceResourceId(sourceDiskId));
        return ComputeMapper.snapshot(Lro.await(() -> client(subscriptionId).getSnapshots().beginCreateOrUpdate(resourceGroup, name, body),
                monitor, name));
    }

    @Override
    public Optional<SnapshotInfo> findSnapshot(String snapshotId) {
        ResourceId id = ResourceId.parse(snapshotId);
        return find(id.name(), () -> ComputeMapper.snapshot(client(id.subscriptionId()).getSnapshots().getByResourceGroup(id.resourceGroup(), id.name())));
    }

    @Override
    public void deleteSnapshot(String snapshotId, OperationMonitor monitor) {
        ResourceId id = ResourceId.parse(snapshotId);
        Lro.await(() -> client(id.subscriptionId()).getSnapshots().beginDelete(id.resourceGroup(), id.name()), monitor, id.name());
    }

    @Override
    public ManagedImageInfo createManagedImage(ImagePlan plan, String osSnapshotId, Map<Integer, String> dataSnapshotIdsByLun,
                                               OperationMonitor monitor) {
        return createManagedImage(plan, osSnapshotId, dataSnapshotIdsByLun, Map.of(), monitor);
    }

    @Override
    public ManagedImageInfo createManagedImage(ImagePlan plan, String osSnapshotId, Map<Integer, String> dataSnapshotIdsByLun,
                                               Map<String, String> tags, OperationMonitor monitor) {
        List<ImageDataDisk> data = new ArrayList<>();
        dataSnapshotIdsByLun.forEach((lun, id) -> data.add(new ImageDataDisk().withLun(lun).withSnapshot(new SubResource().withId(id))));
        ImageInner body = new ImageInner().withLocation(plan.location()).withTags(tagsOrNull(tags))
                .withHyperVGeneration(plan.hyperVGeneration() == io.poolforge.domain.HyperVGeneration.V2 ? HyperVGenerationTypes.V2 : HyperVGenerationTypes.V1)
                .withStorageProfile(new ImageStorageProfile()
                        .withOsDisk(new ImageOSDisk().withOsType(osType(plan.osType())).withOsState(OperatingSystemStateTypes.GENERALIZED)
                                .withSnapshot(new SubResource().withId(osSnapshotId)))
                        .withDataDisks(data));
        return ComputeMapper.image(Lro.await(() -> client(plan.subscriptionId()).getImages()
                .beginCreateOrUpdate(plan.resourceGroup(), plan.managedImageName(), body), monitor, plan.managedImageName()));
    }

    @Override
    public Optional<ManagedImageInfo> findManagedImage(String imageId) {
        ResourceId id = ResourceId.parse(imageId);
        return find(id.name(), () -> ComputeMapper.image(client(id.subscriptionId()).getImages().getByResourceGroup(id.resourceGroup(), id.name())));
    }

    @Override
    public void deleteManagedImage(String imageId, OperationMonitor monitor) {
        ResourceId id = ResourceId.parse(imageId);
        Lro.await(() -> client(id.subscriptionId()).getImages().beginDelete(id.resourceGroup(), id.name()), monitor, id.name());
    }

    @Override
    public List<GalleryRef> listGalleries(String subscriptionId) {
        return call("galleries", () -> {
            List<GalleryRef> out = new ArrayList<>();
            for (GalleryInner g : client(subscriptionId).getGalleries().list()) out.add(gallery(g));
            return out;
        });
    }

    @Override
    public GalleryRef createGallery(String subscriptionId, String resourceGroup, String name, String location, OperationMonitor monitor) {
        return createGallery(subscriptionId, resourceGroup, name, location, Map.of(), monitor);
    }

    @Override
    public GalleryRef createGallery(String subscriptionId, String resourceGroup, String name, String location,
                                    Map<String, String> tags, OperationMonitor monitor) {
        GalleryInner body = new GalleryInner().withLocation(location).withDescription("PoolForge images for Azure Batch")
                .withTags(tagsOrNull(tags));
        return gallery(Lro.await(() -> client(subscriptionId).getGalleries().beginCreateOrUpdate(resourceGroup, name, body), monitor, name));
    }

    @Override
    public Optional<GalleryRef> findGallery(String galleryId) {
        ResourceId id = ResourceId.parse(galleryId);
        return find(id.name(), () -> gallery(client(id.subscriptionId()).getGalleries().getByResourceGroup(id.resourceGroup(), id.name())));
    }

    @Override
    public void deleteGallery(String galleryId, OperationMonitor monitor) {
        ResourceId id = ResourceId.parse(galleryId);
        Lro.await(() -> client(id.subscriptionId()).getGalleries().beginDelete(id.resourceGroup(), id.name()), monitor, id.name());
    }

    @Override
    public Optional<GalleryImageInfo> findImageDefinition(String imageDefinitionId) {
        ResourceId id = ResourceId.parse(imageDefinitionId);
        return find(id.name(), () -> ComputeMapper.imageDefinition(client(id.subscriptionId()).getGalleryImages()
                .get(id.resourceGroup(), id.name(0), id.name())));
    }

    @Override
    public void deleteImageDefinition(String imageDefinitionId, OperationMonitor monitor) {
        ResourceId id = ResourceId.parse(imageDefinitionId);
        Lro.await(() -> client(id.subscriptionId()).getGalleryImages().beginDelete(id.resourceGroup(), id.name(0), id.name()),
                monitor, id.name());
    }

    @Override
    public List<GalleryImageInfo> listImageDefinitions(String galleryId) {
        ResourceId id = ResourceId.parse(galleryId);
        return call(id.name(), () -> {
            List<GalleryImageInfo> out = new ArrayList<>();
            for (GalleryImageInner g : client(id.subscriptionId()).getGalleryImages().listByGallery(id.resourceGroup(), id.name())) {
                out.add(ComputeMapper.imageDefinition(g));
            }
            return out;
        });
    }

    @Override
    public GalleryImageInfo createImageDefinition(ImagePlan plan, OperationMonitor monitor) {
        return createImageDefinition(plan, Map.of(), monitor);
    }

    @Override
    public GalleryImageInfo createImageDefinition(ImagePlan plan, Map<String, String> tags, OperationMonitor monitor) {
        GalleryImageInner body = new GalleryImageInner().withLocation(plan.location()).withTags(tagsOrNull(tags))
                .withOsType(osType(plan.osType()))
                .withOsState(plan.osState() == OsState.SPECIALIZED ? OperatingSystemStateTypes.SPECIALIZED : OperatingSystemStateTypes.GENERALIZED)
                .withHyperVGeneration(plan.hyperVGeneration() == io.poolforge.domain.HyperVGeneration.V2 ? HyperVGeneration.V2 : HyperVGeneration.V1)
                .withIdentifier(new GalleryImageIdentifier().withPublisher(plan.definitionPublisher())
                        .withOffer(plan.definitionOffer()).withSku(plan.definitionSku()));
        if (plan.plan() != null) {
            body.withPurchasePlan(new ImagePurchasePlan().withName(plan.plan().name()).withPublisher(plan.plan().publisher())
                    .withProduct(plan.plan().product()));
        }
        if (plan.securityType() != null && plan.securityType() != SecurityType.STANDARD) {
            body.withFeatures(List.of(new GalleryImageFeature().withName("SecurityType")
                    .withValue(plan.securityType().azureName())));
        }
        return ComputeMapper.imageDefinition(Lro.await(() -> client(plan.subscriptionId()).getGalleryImages()
                .beginCreateOrUpdate(plan.resourceGroup(), plan.galleryName(), plan.imageDefinitionName(), body),
                monitor, plan.imageDefinitionName()));
    }

    @Override
    public List<GalleryImageVersionInfo> listImageVersions(String imageDefinitionId) {
        ResourceId id = ResourceId.parse(imageDefinitionId);
        return call(id.name(), () -> {
            var c = client(id.subscriptionId());
            GalleryImageInfo definition = ComputeMapper.imageDefinition(c.getGalleryImages().get(id.resourceGroup(), id.name(0), id.name()));
            List<GalleryImageVersionInfo> out = new ArrayList<>();
            for (GalleryImageVersionInner v : c.getGalleryImageVersions().listByGalleryImage(id.resourceGroup(), id.name(0), id.name())) {
                out.add(ComputeMapper.imageVersion(v, definition));
            }
            return out;
        });
    }

    @Override
    public GalleryImageVersionInfo createImageVersion(ImagePlan plan, String osSnapshotId, Map<Integer, String> dataSnapshotIdsByLun,
                                                      OperationMonitor monitor) {
        return createImageVersion(plan, osSnapshotId, dataSnapshotIdsByLun, Map.of(), monitor);
    }

    @Override
    public GalleryImageVersionInfo createImageVersion(ImagePlan plan, String osSnapshotId, Map<Integer, String> dataSnapshotIdsByLun,
                                                      Map<String, String> tags, OperationMonitor monitor) {
        List<GalleryDataDiskImage> data = new ArrayList<>();
        dataSnapshotIdsByLun.forEach((lun, id) -> data.add(new GalleryDataDiskImage().withLun(lun)
                .withSource(new GalleryDiskImageSource().withId(id))));
        return putImageVersion(plan, new GalleryImageVersionStorageProfile()
                .withOsDiskImage(new GalleryOSDiskImage().withSource(new GalleryDiskImageSource().withId(osSnapshotId)))
                .withDataDiskImages(data), tags, monitor);
    }

    @Override
    public GalleryImageVersionInfo createImageVersionFromImage(ImagePlan plan, String sourceImageId, OperationMonitor monitor) {
        return putImageVersion(plan, new GalleryImageVersionStorageProfile()
                .withSource(new com.azure.resourcemanager.compute.models.GalleryArtifactVersionFullSource().withId(sourceImageId)), Map.of(), monitor);
    }

    /** PUTs the plan's image version (its target regions and replicas) with the given sources, and reads its definition. */
    private GalleryImageVersionInfo putImageVersion(ImagePlan plan, GalleryImageVersionStorageProfile storage, Map<String, String> tags,
                                                    OperationMonitor monitor) {
        List<TargetRegion> regions = new ArrayList<>();
        plan.targetRegions().forEach(r -> regions.add(new TargetRegion().withName(r.region()).withRegionalReplicaCount(r.replicaCount())));
        GalleryImageVersionInner body = new GalleryImageVersionInner().withLocation(plan.location()).withTags(tagsOrNull(tags))
                .withPublishingProfile(new GalleryImageVersionPublishingProfile().withTargetRegions(regions))
                .withStorageProfile(storage);
        var c = client(plan.subscriptionId());
        GalleryImageVersionInner created = Lro.await(() -> c.getGalleryImageVersions().beginCreateOrUpdate(plan.resourceGroup(),
                plan.galleryName(), plan.imageDefinitionName(), plan.version(), body), monitor, plan.imageDefinitionName() + " " + plan.version());
        GalleryImageInfo definition = call(plan.imageDefinitionName(), () -> ComputeMapper.imageDefinition(
                c.getGalleryImages().get(plan.resourceGroup(), plan.galleryName(), plan.imageDefinitionName())));
        return ComputeMapper.imageVersion(created, definition);
    }

    @Override
    public Optional<GalleryImageVersionInfo> findImageVersion(String imageVersionId) {
        ResourceId id = ResourceId.parse(imageVersionId);
        return find(id.name(), () -> {
            var c = client(id.subscriptionId());
            GalleryImageVersionInner v = c.getGalleryImageVersions().getWithResponse(id.resourceGroup(), id.name(0), id.name(1), id.name(),
                    ReplicationStatusTypes.REPLICATION_STATUS,
                    Context.NONE).getValue();
            GalleryImageInfo definition = ComputeMapper.imageDefinition(c.getGalleryImages().get(id.resourceGroup(), id.name(0), id.name(1)));
            return ComputeMapper.imageVersion(v, definition);
        });
    }

    @Override
    public void deleteImageVersion(String imageVersionId, OperationMonitor monitor) {
        ResourceId id = ResourceId.parse(imageVersionId);
        Lro.await(() -> client(id.subscriptionId()).getGalleryImageVersions().beginDelete(id.resourceGroup(), id.name(0), id.name(1), id.name()),
                monitor, id.name(1) + " " + id.name());
    }

    @Override
    public Optional<io.poolforge.azure.ResourceState> readState(String resourceId) {
        ResourceId id = ResourceId.parse(resourceId);
        String lower = resourceId.toLowerCase(java.util.Locale.ROOT);
        return find(id.name(), () -> {
            var c = client(id.subscriptionId());
            if (lower.contains("/providers/microsoft.compute/snapshots/")) {
                SnapshotInner s = c.getSnapshots().getByResourceGroup(id.resourceGroup(), id.name());
                String source = s.creationData() == null ? null : s.creationData().sourceResourceId();
                return new io.poolforge.azure.ResourceState(s.id(), s.provisioningState(), s.tags(),
                        source == null ? List.of() : List.of(source), null);
            }
            if (lower.contains("/providers/microsoft.compute/images/")) {
                ImageInner i = c.getImages().getByResourceGroup(id.resourceGroup(), id.name());
                return new io.poolforge.azure.ResourceState(i.id(), i.provisioningState(), i.tags(),
                        ComputeMapper.image(i).sourceIds(), null);
            }
            if (lower.contains("/versions/")) {
                GalleryImageVersionInner v = c.getGalleryImageVersions().get(id.resourceGroup(), id.name(0), id.name(1), id.name());
                List<String> sources = new ArrayList<>();
                var sp = v.storageProfile();
                if (sp != null) {
                    if (sp.source() != null && sp.source().id() != null) sources.add(sp.source().id());
                    if (sp.osDiskImage() != null && sp.osDiskImage().source() != null && sp.osDiskImage().source().id() != null) {
                        sources.add(sp.osDiskImage().source().id());
                    }
                    if (sp.dataDiskImages() != null) {
                        sp.dataDiskImages().stream().sorted(java.util.Comparator.comparingInt(d -> d.lun()))
                                .forEach(d -> { if (d.source() != null && d.source().id() != null) sources.add(d.source().id()); });
                    }
                }
                return new io.poolforge.azure.ResourceState(v.id(), str(v.provisioningState()), v.tags(), sources, null);
            }
            if (lower.contains("/images/")) {
                GalleryImageInner g = c.getGalleryImages().get(id.resourceGroup(), id.name(0), id.name());
                var ident = g.identifier();
                String identity = (g.osType() == null ? "" : g.osType().toString()) + " "
                        + (ident == null ? "" : ident.publisher() + "/" + ident.offer() + "/" + ident.sku());
                return new io.poolforge.azure.ResourceState(g.id(), str(g.provisioningState()), g.tags(), List.of(), identity);
            }
            GalleryInner g = c.getGalleries().getByResourceGroup(id.resourceGroup(), id.name());
            return new io.poolforge.azure.ResourceState(g.id(), str(g.provisioningState()), g.tags(), List.of(), null);
        });
    }

    private static String str(Object o) { return o == null ? null : o.toString(); }

    private static Map<String, String> tagsOrNull(Map<String, String> tags) {
        return tags == null || tags.isEmpty() ? null : Map.copyOf(tags);
    }

    private static GalleryRef gallery(GalleryInner g) {
        ResourceId rid = ResourceId.parse(g.id());
        return new GalleryRef(g.id(), g.name(), rid.resourceGroup(), g.location());
    }

    private static OperatingSystemTypes osType(OsType os) {
        return os == OsType.WINDOWS ? OperatingSystemTypes.WINDOWS : OperatingSystemTypes.LINUX;
    }

    // --- locks and permissions (PF-17): ARM GETs through the compute client's pipeline ---------------

    @Override
    public List<io.poolforge.domain.ResourceLock> locksOn(String resourceId) {
        return armReads.locksOn(resourceId);
    }

    @Override
    public List<io.poolforge.domain.RolePermission> permissionsOn(String resourceId) {
        return armReads.permissionsOn(resourceId);
    }

    @Override
    public Optional<String> providerState(String subscriptionId, String namespace) {
        return armReads.providerState(subscriptionId, namespace);
    }

    /**
     * PF-16 second pass: "Virtual Machine Images - Get" ({@code GET .../providers/Microsoft.Compute/locations/{location}/publishers/
     * {publisherName}/artifacttypes/vmimage/offers/{offer}/skus/{skus}/versions/{version}}), whose {@code properties.hyperVGeneration}
     * is the image's Hyper-V generation (Compute REST, ComputeRP 2025-04-01, VirtualMachineImage_Get_MaximumSet_Gen, read
     * 2026-12-07). "latest" is not a version Compute gets: the newest is listed first with "Virtual Machine Images - List"
     * {@code $top=1&$orderby=name desc} (the same parameters the REST reference documents, and how Ansible's
     * azure_rm_virtualmachineimage_info resolves "latest", read 2026-12-07), then got by name.
     */
    @Override
    public Optional<io.poolforge.domain.MarketplaceImageInfo> marketplaceImage(String subscriptionId, String location,
                                                                              io.poolforge.domain.ImageReference image) {
        String what = image.display();
        var images = client(subscriptionId).getVirtualMachineImages();
        String version = image.version() == null || image.version().isBlank() ? "latest" : image.version();
        if ("latest".equalsIgnoreCase(version)) {
            Optional<String> newest = find(what, () -> {
                var listed = images.listWithResponse(location, image.publisher(), image.offer(), image.sku(), null, 1, "name desc",
                        Context.NONE).getValue();
                return listed == null ? List.<com.azure.resourcemanager.compute.fluent.models.VirtualMachineImageResourceInner>of() : listed;
            }).flatMap(l -> l.stream().map(r -> r.name()).filter(java.util.Objects::nonNull).findFirst());
            if (newest.isEmpty()) return Optional.empty();
            version = newest.get();
        }
        String v = version;
        return find(what, () -> {
            var inner = images.get(location, image.publisher(), image.offer(), image.sku(), v);
            String security = inner.features() == null ? null : inner.features().stream()
                    .filter(f -> "SecurityType".equalsIgnoreCase(f.name())).map(f -> f.value()).findFirst().orElse(null);
            return new io.poolforge.domain.MarketplaceImageInfo(image, inner.name() == null ? v : inner.name(),
                    inner.hyperVGeneration() == null ? null : io.poolforge.domain.HyperVGeneration.parse(inner.hyperVGeneration().toString()),
                    security, inner.architecture() == null ? null : inner.architecture().toString());
        });
    }

    static <T> T call(String what, Supplier<T> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            throw AzureErrors.translate(e, what);
        }
    }

    private static <T> Optional<T> find(String what, Supplier<T> body) {
        try {
            return Optional.of(call(what, body));
        } catch (PoolForgeException e) {
            if ("azure.error.notFound".equals(e.key()) || "azure.error.notFoundOther".equals(e.key())) return Optional.empty();
            throw e;
        }
    }

}
