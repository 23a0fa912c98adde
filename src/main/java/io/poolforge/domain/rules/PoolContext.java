package io.poolforge.domain.rules;

import io.poolforge.domain.AuthMethod;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImageReference;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.OsType;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.SupportedImage;
import io.poolforge.domain.VmSkuInfo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the pool rules need besides the plan, all looked up by the caller.
 *
 * @param existingPools the account's pools (for id uniqueness, shared images and the node limits)
 * @param vmSizes VM sizes Batch supports in the account's region
 * @param supportedImages List Supported Images of the account
 * @param imageKind GALLERY or MANAGED
 * @param imageOsType / imageGeneration of the custom image
 * @param sourceImage the VM's Marketplace base image (for the node agent proposal), may be null
 * @param imageSources custom image id → ids of the snapshots (or other sources) it was built from,
 *                     for this image and the images of the existing pools, when known
 * @param imageReplicasInRegion replicas of the gallery image version in the account's region, null if unknown
 * @param today injected date (managed-image retirement, end of life)
 */
public record PoolContext(BatchAccountInfo account, AuthMethod auth, List<PoolInfo> existingPools,
                          List<VmSkuInfo> vmSizes, List<SupportedImage> supportedImages, ImageTarget imageKind,
                          OsType imageOsType, HyperVGeneration imageGeneration, ImageReference sourceImage,
                          Map<String, List<String>> imageSources, Integer imageReplicasInRegion, LocalDate today) {
    public PoolContext {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(today, "today");
        if (auth == null) auth = AuthMethod.ENTRA_ID;
        if (imageKind == null) imageKind = ImageTarget.GALLERY;
        existingPools = existingPools == null ? List.of() : List.copyOf(existingPools);
        vmSizes = vmSizes == null ? List.of() : List.copyOf(vmSizes);
        supportedImages = supportedImages == null ? List.of() : List.copyOf(supportedImages);
        imageSources = imageSources == null ? Map.of() : Map.copyOf(imageSources);
    }
}
