package io.poolforge.azure;

import io.poolforge.domain.DiskRef;
import io.poolforge.domain.GalleryImageInfo;
import io.poolforge.domain.GalleryImageVersionInfo;
import io.poolforge.domain.ImagePlan;
import io.poolforge.domain.ManagedImageInfo;
import io.poolforge.domain.VmSummary;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Virtual machines, disks, snapshots, managed images and Azure Compute Gallery resources.
 * Blocking calls; failures are PoolForgeExceptions with a localized key and Azure's code.
 * Creates are idempotent by name: a PUT retried with the same name never makes a second resource.
 */
public interface ComputeGateway {
    /**
     * Builds (and keeps) what talking to a subscription needs, without sending a request, so the
     * first real call is not paying for it. Call from a background task.
     */
    default void warmUp(String subscriptionId) {
    }

    /**
     * The subscription's compute usage in a region ({@code Microsoft.Compute/locations/{region}/usages}): total
     * regional vCPUs ("cores"), Spot/low-priority vCPUs ("lowPriorityCores") and each VM family, with limits.
     */
    List<io.poolforge.domain.ComputeUsage> regionalUsages(String subscriptionId, String location);

    /** One page of the subscription's VMs; pass the previous page's token for the next one (null first). */
    Page<VmSummary> listVms(String subscriptionId, String continuationToken);

    /**
     * The names of the subscription's resource groups, or an empty list where this gateway cannot list them (then
     * VMs are read with {@link #listVms(String, String)}). PF-21: with them the VM step reads several groups at once.
     */
    default List<String> listResourceGroups(String subscriptionId) {
        return List.of();
    }

    /** One page of a resource group's VMs ({@code virtualMachines} under the group); token as {@link #listVms(String, String)}. */
    default Page<VmSummary> listVms(String subscriptionId, String resourceGroup, String continuationToken) {
        throw new UnsupportedOperationException("listing VMs per resource group");
    }

    VmSummary getVm(String vmId);

    DiskRef getDisk(String diskId);

    /** A full (not incremental) snapshot of a managed disk (createOption Copy). */
    SnapshotInfo createSnapshot(String subscriptionId, String resourceGroup, String name, String location,
                                String sourceDiskId, Map<String, String> tags, OperationMonitor monitor);

    Optional<SnapshotInfo> findSnapshot(String snapshotId);

    void deleteSnapshot(String snapshotId, OperationMonitor monitor);

    /** A managed image from an OS snapshot and data-disk snapshots by LUN. */
    ManagedImageInfo createManagedImage(ImagePlan plan, String osSnapshotId, Map<Integer, String> dataSnapshotIdsByLun,
                                        OperationMonitor monitor);

    Optional<ManagedImageInfo> findManagedImage(String imageId);

    void deleteManagedImage(String imageId, OperationMonitor monitor);

    List<GalleryRef> listGalleries(String subscriptionId);

    GalleryRef createGallery(String subscriptionId, String resourceGroup, String name, String location,
                             OperationMonitor monitor);

    Optional<GalleryRef> findGallery(String galleryId);

    void deleteGallery(String galleryId, OperationMonitor monitor);

    List<GalleryImageInfo> listImageDefinitions(String galleryId);

    Optional<GalleryImageInfo> findImageDefinition(String imageDefinitionId);

    void deleteImageDefinition(String imageDefinitionId, OperationMonitor monitor);

    GalleryImageInfo createImageDefinition(ImagePlan plan, OperationMonitor monitor);

    List<GalleryImageVersionInfo> listImageVersions(String imageDefinitionId);

    /** A gallery image version from the snapshots, replicated to the plan's target regions. */
    GalleryImageVersionInfo createImageVersion(ImagePlan plan, String osSnapshotId,
                                               Map<Integer, String> dataSnapshotIdsByLun, OperationMonitor monitor);

    /** A gallery image version made from an image (a managed image: "migrate to gallery"). */
    GalleryImageVersionInfo createImageVersionFromImage(ImagePlan plan, String sourceImageId, OperationMonitor monitor);

    Optional<GalleryImageVersionInfo> findImageVersion(String imageVersionId);

    void deleteImageVersion(String imageVersionId, OperationMonitor monitor);

    // --- what a run needs: tagged creates and read-back (PF-9) ------------------------------------

    /**
     * The provisioning state, tags and sources of a snapshot, gallery, image definition, image version
     * or managed image, by its id; empty when Azure has no such resource.
     */
    default Optional<ResourceState> readState(String resourceId) {
        throw new UnsupportedOperationException("readState");
    }

    /** {@link #createGallery} with tags (a PUT of the same name again updates it). */
    default GalleryRef createGallery(String subscriptionId, String resourceGroup, String name, String location,
                                     Map<String, String> tags, OperationMonitor monitor) {
        return createGallery(subscriptionId, resourceGroup, name, location, monitor);
    }

    /** {@link #createImageDefinition} with tags. */
    default GalleryImageInfo createImageDefinition(ImagePlan plan, Map<String, String> tags, OperationMonitor monitor) {
        return createImageDefinition(plan, monitor);
    }

    /** {@link #createImageVersion} with tags. */
    default GalleryImageVersionInfo createImageVersion(ImagePlan plan, String osSnapshotId, Map<Integer, String> dataSnapshotIdsByLun,
                                                       Map<String, String> tags, OperationMonitor monitor) {
        return createImageVersion(plan, osSnapshotId, dataSnapshotIdsByLun, monitor);
    }

    /** {@link #createManagedImage} with tags. */
    default ManagedImageInfo createManagedImage(ImagePlan plan, String osSnapshotId, Map<Integer, String> dataSnapshotIdsByLun,
                                                Map<String, String> tags, OperationMonitor monitor) {
        return createManagedImage(plan, osSnapshotId, dataSnapshotIdsByLun, monitor);
    }

    /**
     * PF-22: the registration state of resource provider {@code namespace} in a subscription ("Registered",
     * "NotRegistered", "Registering", ...), as ARM's "Providers - Get" answers it; empty when the subscription cannot be
     * reached with this sign-in (not found, or not in the tenant). Gateways that cannot ask throw
     * {@link UnsupportedOperationException}.
     */
    default Optional<String> providerState(String subscriptionId, String namespace) {
        throw new UnsupportedOperationException("providerState");
    }

    // --- what a diagnosis looks up (PF-17) ----------------------------------------------------------

    /**
     * The management locks that apply to a resource: its own and those on the scopes above it (ARM "Management Locks -
     * List At Resource Level", api 2020-05-01, {@code {resourceId}/providers/Microsoft.Authorization/locks}).
     */
    default List<io.poolforge.domain.ResourceLock> locksOn(String resourceId) {
        throw new UnsupportedOperationException("locksOn");
    }

    /**
     * The signed-in identity's permissions on a resource (Microsoft.Authorization "Permissions - List For Resource",
     * api 2022-04-01, {@code {resourceId}/providers/Microsoft.Authorization/permissions}).
     */
    default List<io.poolforge.domain.RolePermission> permissionsOn(String resourceId) {
        throw new UnsupportedOperationException("permissionsOn");
    }

    /**
     * The Marketplace image a managed disk was created from ({@code creationData.imageReference.id}, the platform image
     * path {@code .../Publishers/{p}/ArtifactTypes/VMImage/Offers/{o}/Skus/{s}/Versions/{v}}); empty when the disk is
     * gone or was not created from a Marketplace image.
     */
    default Optional<io.poolforge.domain.ImageReference> diskSourceImage(String diskId) {
        throw new UnsupportedOperationException("diskSourceImage");
    }

    /**
     * PF-16 second pass: what Compute reports for a Marketplace image version ("Virtual Machine Images - Get",
     * {@code properties.hyperVGeneration}, {@code features}, {@code architecture}); for version "latest", the newest version
     * "Virtual Machine Images - List" gives ({@code $top=1&$orderby=name desc}) is read. Empty when Azure says the image or
     * version does not exist; a {@link io.poolforge.domain.PoolForgeException} when the read failed. The subscription is
     * only the scope of the call (the catalogue is per location).
     */
    default Optional<io.poolforge.domain.MarketplaceImageInfo> marketplaceImage(String subscriptionId, String location,
                                                                               io.poolforge.domain.ImageReference image) {
        throw new UnsupportedOperationException("marketplaceImage");
    }
}
