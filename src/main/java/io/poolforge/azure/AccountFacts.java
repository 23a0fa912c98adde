package io.poolforge.azure;

import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.SupportedImage;
import io.poolforge.domain.VmSkuInfo;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What PoolForge knows about a Batch account from the account itself: the account with the quotas that apply
 * and what it already uses ({@link BatchAccountInfo#usage()}), its pools, the VM sizes Batch supports in its
 * region, its supported images, and the sources (snapshots, images) of the custom images its pools use.
 * Read by {@link AccountReader}; the pool step, the review, the preflight and the inspector use the same.
 */
public record AccountFacts(BatchAccountInfo account, List<PoolInfo> pools, List<VmSkuInfo> vmSizes,
                           List<SupportedImage> supportedImages, Map<String, List<String>> imageSources) {
    public AccountFacts {
        Objects.requireNonNull(account, "account");
        pools = pools == null ? List.of() : List.copyOf(pools);
        vmSizes = vmSizes == null ? List.of() : List.copyOf(vmSizes);
        supportedImages = supportedImages == null ? List.of() : List.copyOf(supportedImages);
        imageSources = imageSources == null ? Map.of() : Map.copyOf(imageSources);
    }
}
