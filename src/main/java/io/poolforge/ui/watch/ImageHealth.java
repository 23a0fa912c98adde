package io.poolforge.ui.watch;

import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.OsType;
import io.poolforge.domain.RegionReplica;
import java.util.List;

/**
 * What the ports say about a pool's image, looked up in the background: its kind (null for a
 * Marketplace image), whether it still exists (null: could not tell), OS facts, the snapshots it
 * was built from and which of them are gone, and every associated image or snapshot with its
 * existence and replication status.
 */
public record ImageHealth(String imageId, ImageTarget kind, Boolean exists, OsType osType,
                          HyperVGeneration generation, List<String> sourceIds, List<String> missingSourceIds,
                          List<AssociatedImage> associated) {

    public ImageHealth {
        sourceIds = sourceIds == null ? List.of() : List.copyOf(sourceIds);
        missingSourceIds = missingSourceIds == null ? List.of() : List.copyOf(missingSourceIds);
        associated = associated == null ? List.of() : List.copyOf(associated);
    }

    /** A Marketplace image: nothing to look up. */
    public static ImageHealth marketplace() {
        return new ImageHealth(null, null, true, null, null, List.of(), List.of(), List.of());
    }

    public boolean custom() { return imageId != null; }

    /** A managed image: retired as a pool source on 31 March 2026. */
    public boolean managed() { return kind == ImageTarget.MANAGED; }

    /** One image, image version or snapshot related to a pool's image. */
    public record AssociatedImage(Kind kind, String id, Boolean exists, List<RegionReplica> replicas,
                                  String provisioningState) {
        public AssociatedImage {
            replicas = replicas == null ? List.of() : List.copyOf(replicas);
        }
    }

    /** What an associated resource is. */
    public enum Kind { GALLERY_IMAGE_VERSION, GALLERY_IMAGE_DEFINITION, MANAGED_IMAGE, SNAPSHOT }
}
