package io.poolforge.run;

import io.poolforge.azure.ComputeGateway;
import io.poolforge.azure.OperationMonitor;
import io.poolforge.domain.GalleryImageVersionInfo;
import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImagePlan;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.ManagedImageInfo;
import io.poolforge.domain.OsState;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.RegionReplica;
import io.poolforge.domain.Regions;
import io.poolforge.domain.SecurityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "Migrate to gallery" for a pool on a managed image (retired as a pool source on 31 March 2026):
 * publishes the managed image as an Azure Compute Gallery image version — gallery
 * {@code poolforge_images} and definition {@code <image>-gallery} in the image's resource group,
 * version 1.0.0 from the managed image, replicated to the image's and the Batch account's regions.
 * Each part is found first and reused, so a retried migration makes nothing twice.
 */
public final class GalleryMigration {
    public static final String GALLERY = "poolforge_images";
    public static final String VERSION = "1.0.0";

    private final ComputeGateway compute;

    public GalleryMigration(ComputeGateway compute) {
        this.compute = compute;
    }

    /** The plan of the gallery image version that stands in for {@code image}. */
    public static ImagePlan planFor(ManagedImageInfo image, String accountRegion, int replicas) {
        String definition = (image.name() + "-gallery").replaceAll("[^A-Za-z0-9_.-]", "-");
        List<RegionReplica> regions = new ArrayList<>();
        regions.add(new RegionReplica(accountRegion, Math.max(1, replicas), null));
        if (!Regions.same(image.location(), accountRegion)) regions.add(new RegionReplica(image.location(), 1, null));
        HyperVGeneration gen = image.hyperVGeneration() == null ? HyperVGeneration.V1 : image.hyperVGeneration();
        return new ImagePlan(ImageTarget.GALLERY, image.subscriptionId(), image.resourceGroup(), image.location(), GALLERY,
                definition, VERSION, null, "PoolForge", image.name(),
                (image.osType() == null ? "os" : image.osType().name().toLowerCase(Locale.ROOT)) + "-" + gen.name().toLowerCase(Locale.ROOT),
                image.osType(), OsState.GENERALIZED, gen, SecurityType.STANDARD, null, regions);
    }

    /** Finds or makes the gallery, the definition and the version; returns the version. */
    public GalleryImageVersionInfo migrate(ManagedImageInfo image, String accountRegion, int replicas, OperationMonitor monitor) {
        if (image.osState() == OsState.SPECIALIZED) throw new PoolForgeException("run.error.specializedImage", image.name());
        ImagePlan plan = planFor(image, accountRegion, replicas);
        String group = "/subscriptions/" + plan.subscriptionId() + "/resourceGroups/" + plan.resourceGroup();
        String galleryId = group + "/providers/Microsoft.Compute/galleries/" + plan.galleryName();
        if (compute.findGallery(galleryId).isEmpty()) {
            compute.createGallery(plan.subscriptionId(), plan.resourceGroup(), plan.galleryName(), plan.location(), monitor);
        }
        if (compute.findImageDefinition(galleryId + "/images/" + plan.imageDefinitionName()).isEmpty()) {
            compute.createImageDefinition(plan, monitor);
        }
        var existing = compute.findImageVersion(plan.imageId());
        if (existing.isPresent()) return existing.get();
        return compute.createImageVersionFromImage(plan, image.id(), monitor);
    }
}
