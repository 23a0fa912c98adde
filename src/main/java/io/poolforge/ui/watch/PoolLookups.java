package io.poolforge.ui.watch;

import io.poolforge.azure.BatchGateway;
import io.poolforge.azure.ComputeGateway;
import io.poolforge.azure.DiagnosisLookups;
import io.poolforge.azure.NodeCounts;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.GalleryImageInfo;
import io.poolforge.domain.GalleryImageVersionInfo;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.ManagedImageInfo;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.SecretMasker;
import io.poolforge.domain.SupportedImage;
import io.poolforge.domain.VmSkuInfo;
import io.poolforge.domain.diagnose.DiagnosisEvidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blocking look-ups through the ports that the watch and the inspector need to explain a pool:
 * does its image still exist, what was it built from, is that still there. Call only from a
 * background task. A look-up that fails leaves the fact unknown (null) rather than failing the
 * whole poll: the diagnoser never guesses unknown facts.
 */
public final class PoolLookups {
    private static final Logger LOG = LoggerFactory.getLogger(PoolLookups.class);
    /** At most this many source snapshots are checked per image. */
    static final int MAX_SOURCES = 16;

    private PoolLookups() {
    }

    /** The kind of custom image an id names: gallery (image or version) or managed; null for none. */
    public static ImageTarget kindOf(String imageId) {
        if (imageId == null) return null;
        return imageId.toLowerCase(Locale.ROOT).contains("/galleries/") ? ImageTarget.GALLERY : ImageTarget.MANAGED;
    }

    /** Looks the image up: the version (or the definition's versions), or the managed image and its snapshots. */
    public static ImageHealth inspectImage(ComputeGateway compute, String imageId) {
        if (imageId == null) return ImageHealth.marketplace();
        ImageTarget kind = kindOf(imageId);
        List<ImageHealth.AssociatedImage> associated = new ArrayList<>();
        if (kind == ImageTarget.GALLERY) {
            if (imageId.toLowerCase(Locale.ROOT).contains("/versions/")) {
                Optional<GalleryImageVersionInfo> v = quietly(() -> compute.findImageVersion(imageId));
                if (v == null) {
                    return new ImageHealth(imageId, kind, null, null, null, List.of(), List.of(), List.of(
                            new ImageHealth.AssociatedImage(ImageHealth.Kind.GALLERY_IMAGE_VERSION, imageId, null, List.of(), null)));
                }
                if (v.isEmpty()) {
                    return new ImageHealth(imageId, kind, false, null, null, List.of(), List.of(), List.of(
                            new ImageHealth.AssociatedImage(ImageHealth.Kind.GALLERY_IMAGE_VERSION, imageId, false, List.of(), null)));
                }
                GalleryImageVersionInfo version = v.get();
                associated.add(new ImageHealth.AssociatedImage(ImageHealth.Kind.GALLERY_IMAGE_VERSION, imageId, true,
                        version.replicas(), version.provisioningState()));
                List<String> missing = checkSnapshots(compute, version.sourceIds(), associated);
                return new ImageHealth(imageId, kind, true, version.image().osType(), version.image().hyperVGeneration(),
                        version.sourceIds(), missing, associated);
            }
            // An image definition: the pool takes its latest version.
            Optional<GalleryImageInfo> definition = quietly(() -> compute.findImageDefinition(imageId));
            if (definition != null && definition.isEmpty()) {
                return new ImageHealth(imageId, kind, false, null, null, List.of(), List.of(), List.of(
                        new ImageHealth.AssociatedImage(ImageHealth.Kind.GALLERY_IMAGE_DEFINITION, imageId, false, List.of(), null)));
            }
            List<GalleryImageVersionInfo> versions = quietly(() -> compute.listImageVersions(imageId));
            if (versions == null) {
                return new ImageHealth(imageId, kind, null, null, null, List.of(), List.of(), List.of(
                        new ImageHealth.AssociatedImage(ImageHealth.Kind.GALLERY_IMAGE_DEFINITION, imageId, null, List.of(), null)));
            }
            associated.add(new ImageHealth.AssociatedImage(ImageHealth.Kind.GALLERY_IMAGE_DEFINITION, imageId,
                    !versions.isEmpty(), List.of(), null));
            for (GalleryImageVersionInfo v : versions) {
                associated.add(new ImageHealth.AssociatedImage(ImageHealth.Kind.GALLERY_IMAGE_VERSION, v.id(), true,
                        v.replicas(), v.provisioningState()));
            }
            GalleryImageVersionInfo first = versions.isEmpty() ? null : versions.get(versions.size() - 1);
            return new ImageHealth(imageId, kind, !versions.isEmpty(), first == null ? null : first.image().osType(),
                    first == null ? null : first.image().hyperVGeneration(), List.of(), List.of(), associated);
        }
        Optional<ManagedImageInfo> m = quietly(() -> compute.findManagedImage(imageId));
        if (m == null || m.isEmpty()) {
            Boolean exists = m == null ? null : false;
            return new ImageHealth(imageId, kind, exists, null, null, List.of(), List.of(), List.of(
                    new ImageHealth.AssociatedImage(ImageHealth.Kind.MANAGED_IMAGE, imageId, exists, List.of(), null)));
        }
        ManagedImageInfo image = m.get();
        associated.add(new ImageHealth.AssociatedImage(ImageHealth.Kind.MANAGED_IMAGE, imageId, true, List.of(), null));
        List<String> missing = checkSnapshots(compute, image.sourceIds(), associated);
        return new ImageHealth(imageId, kind, true, image.osType(), image.hyperVGeneration(), image.sourceIds(), missing,
                associated);
    }

    private static List<String> checkSnapshots(ComputeGateway compute, List<String> sourceIds,
                                               List<ImageHealth.AssociatedImage> associated) {
        List<String> missing = new ArrayList<>();
        for (String s : sourceIds.stream().limit(MAX_SOURCES).toList()) {
            if (!s.toLowerCase(Locale.ROOT).contains("/snapshots/")) continue;
            var found = quietly(() -> compute.findSnapshot(s));
            Boolean exists = found == null ? null : found.isPresent();
            if (Boolean.FALSE.equals(exists)) missing.add(s);
            associated.add(new ImageHealth.AssociatedImage(ImageHealth.Kind.SNAPSHOT, s, exists, List.of(),
                    found == null || found.isEmpty() ? null : found.get().provisioningState()));
        }
        return missing;
    }

    /**
     * The evidence the diagnoser needs for a pool with resize errors or unusable nodes: {@link #evidence(BatchGateway,
     * BatchAccountInfo, PoolInfo, NodeCounts, ImageHealth, Instant)} plus what {@link DiagnosisLookups} reads through
     * {@code compute} (locks, the beginGetAccess permission, the image's security type, its replicas in the region).
     */
    public static DiagnosisEvidence evidence(ComputeGateway compute, BatchGateway batch, BatchAccountInfo account, PoolInfo pool,
                                             NodeCounts counts, ImageHealth image, Instant resizeRequestedAt) {
        DiagnosisEvidence ev = evidence(batch, account, pool, counts, image, resizeRequestedAt);
        boolean needed = !pool.resizeErrors().isEmpty() || ev.unusableNodes() > 0;
        if (!needed || compute == null) return ev;
        // PF-16 second pass: the Marketplace generations the checks compare, as Azure reports them.
        return new io.poolforge.azure.MarketplaceImages(compute).forDiagnosis(ev.withLookups(DiagnosisLookups.of(compute, batch, account, pool)));
    }

    /**
     * The evidence the diagnoser needs for a pool with resize errors or unusable nodes, without the look-ups of
     * {@link DiagnosisLookups} (they are then listed as not checked). Looks up the pool's VM size (for the Hyper-V
     * generation check) and, when nodes are unusable, the supported images (for the node agent check).
     */
    public static DiagnosisEvidence evidence(BatchGateway batch, BatchAccountInfo account, PoolInfo pool,
                                             NodeCounts counts, ImageHealth image, Instant resizeRequestedAt) {
        int unusable = counts == null ? 0 : counts.dedicated("unusable") + counts.lowPriority("unusable");
        boolean needed = !pool.resizeErrors().isEmpty() || unusable > 0;
        VmSkuInfo size = null;
        List<SupportedImage> supported = List.of();
        if (needed && account != null && pool.vmSize() != null) {
            List<VmSkuInfo> sizes = quietly(() -> batch.supportedVmSkus(account.subscriptionId(), account.location()));
            if (sizes != null) {
                size = sizes.stream().filter(s -> s.name().equalsIgnoreCase(pool.vmSize())).findFirst().orElse(null);
            }
        }
        if (unusable > 0 && account != null) {
            List<SupportedImage> s = quietly(() -> batch.supportedImages(account));
            if (s != null) supported = s;
        }
        ImageHealth img = image == null ? ImageHealth.marketplace() : image;
        return new DiagnosisEvidence(pool, img.kind(), img.custom() ? img.exists() : null, img.missingSourceIds(),
                img.osType(), img.generation(), pool.customImageId() == null ? pool.imageReference() : null, size, account, supported, List.of(), List.of(),
                resizeRequestedAt, unusable);
    }

    private interface Lookup<T> {
        T get() throws Exception;
    }

    /** The result, or null when the look-up failed (logged once, no secrets: PoolForgeException messages are masked). */
    private static <T> T quietly(Lookup<T> lookup) {
        try {
            return lookup.get();
        } catch (RuntimeException e) {
            LOG.warn("Look-up failed: {}", SecretMasker.mask(String.valueOf(e.getMessage())));
            return null;
        } catch (Exception e) {
            LOG.warn("Look-up failed: {}", e.getClass().getSimpleName());
            return null;
        }
    }
}
