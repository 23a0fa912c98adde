package io.poolforge.domain.diagnose;

import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImageReference;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.OsType;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.ResourceLock;
import io.poolforge.domain.SupportedImage;
import io.poolforge.domain.VmSkuInfo;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the caller looked up about a pool whose resize failed. Unknown facts are null (or
 * empty): the diagnoser never guesses them.
 *
 * @param pool the pool, with its resize errors, resize start time and allocation state
 * @param imageKind GALLERY or MANAGED (null: from the image id)
 * @param imageExists does the pool's custom image still exist (null: not looked up)
 * @param missingSourceIds the image's source snapshots that no longer exist
 * @param imageOsType / imageGeneration of the pool's image, when known
 * @param sourceImage the Marketplace image the custom image was built on, for the node agent check
 * @param vmSize the pool's VM size as Batch lists it in the region
 * @param account the Batch account with quotas and usage
 * @param supportedImages List Supported Images, for the node agent check
 * @param missingPermissions permissions the caller lacks on the image (for example Microsoft.Compute/disks/beginGetAccess/action)
 * @param locks management locks on the resource groups Batch writes to or the image's
 * @param resizeRequestedAt when PoolForge (or the user) last asked for a resize; null if unknown
 * @param unusableNodes nodes in the state "unusable" after allocation
 * @param lookups locks, permissions, security types, replicas and the image's base as read from Azure (or why not)
 */
public record DiagnosisEvidence(PoolInfo pool, ImageTarget imageKind, Boolean imageExists, List<String> missingSourceIds,
                                OsType imageOsType, HyperVGeneration imageGeneration, ImageReference sourceImage,
                                VmSkuInfo vmSize, BatchAccountInfo account, List<SupportedImage> supportedImages,
                                List<String> missingPermissions, List<ResourceLock> locks, Instant resizeRequestedAt,
                                int unusableNodes, Lookups lookups) {
    public DiagnosisEvidence {
        Objects.requireNonNull(pool, "pool");
        missingSourceIds = missingSourceIds == null ? List.of() : List.copyOf(missingSourceIds);
        supportedImages = supportedImages == null ? List.of() : List.copyOf(supportedImages);
        missingPermissions = missingPermissions == null ? List.of() : List.copyOf(missingPermissions);
        locks = locks == null ? List.of() : List.copyOf(locks);
        if (unusableNodes < 0) throw new IllegalArgumentException("unusableNodes < 0");
        if (lookups == null) lookups = Lookups.none();
    }

    /** Evidence without look-ups beyond the image (locks, permissions and security types not checked). */
    public DiagnosisEvidence(PoolInfo pool, ImageTarget imageKind, Boolean imageExists, List<String> missingSourceIds,
                             OsType imageOsType, HyperVGeneration imageGeneration, ImageReference sourceImage,
                             VmSkuInfo vmSize, BatchAccountInfo account, List<SupportedImage> supportedImages,
                             List<String> missingPermissions, List<ResourceLock> locks, Instant resizeRequestedAt,
                             int unusableNodes) {
        this(pool, imageKind, imageExists, missingSourceIds, imageOsType, imageGeneration, sourceImage, vmSize, account,
                supportedImages, missingPermissions, locks, resizeRequestedAt, unusableNodes, Lookups.none());
    }

    /** The same evidence with {@code l} as the look-ups. */
    public DiagnosisEvidence withLookups(Lookups l) {
        return new DiagnosisEvidence(pool, imageKind, imageExists, missingSourceIds, imageOsType, imageGeneration, sourceImage,
                vmSize, account, supportedImages, missingPermissions, locks, resizeRequestedAt, unusableNodes, l);
    }

    /**
     * PF-16 second pass: the same evidence with the image's generation and the supported images' generations as Compute
     * reported them (null generations stay unknown).
     */
    public DiagnosisEvidence withGenerations(HyperVGeneration generation, List<SupportedImage> supported) {
        return new DiagnosisEvidence(pool, imageKind, imageExists, missingSourceIds, imageOsType, generation, sourceImage,
                vmSize, account, supported, missingPermissions, locks, resizeRequestedAt, unusableNodes, lookups);
    }

    /** Evidence with only the pool known. */
    public static DiagnosisEvidence of(PoolInfo pool) {
        return new DiagnosisEvidence(pool, null, null, List.of(), null, null, null, null, null, List.of(), List.of(),
                List.of(), null, 0);
    }
}
