package io.poolforge.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of Batch's "List Supported Images": the Marketplace image, the node agent SKU that runs
 * on it, verified/unverified, capabilities and the end of Batch support (null if none announced).
 */
public record SupportedImage(String nodeAgentSkuId, ImageReference imageReference, OsType osType,
                             String verificationType, List<String> capabilities, Instant batchSupportEndOfLife) {
    public SupportedImage {
        Objects.requireNonNull(nodeAgentSkuId, "nodeAgentSkuId");
        Objects.requireNonNull(imageReference, "imageReference");
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    }

    public boolean verified() { return "verified".equalsIgnoreCase(verificationType); }

    /**
     * The Hyper-V generation the Marketplace SKU boots. Marketplace names Gen2 SKUs with a
     * "gen2"/"-g2" suffix (for example {@code 22_04-lts-gen2}, {@code 2022-datacenter-g2}); others are Gen1.
     */
    public HyperVGeneration generation() { return generationOfSku(imageReference.sku()); }

    public static HyperVGeneration generationOfSku(String sku) {
        if (sku == null) return null;
        String s = sku.toLowerCase(Locale.ROOT);
        return s.contains("gen2") || s.endsWith("-g2") || s.endsWith("_g2") || s.contains("-g2-")
                || s.contains("arm64") ? HyperVGeneration.V2 : HyperVGeneration.V1;
    }
}
