package io.poolforge.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of Batch's "List Supported Images": the Marketplace image, the node agent SKU that runs
 * on it, verified/unverified, capabilities and the end of Batch support (null if none announced); and,
 * once read from Compute, the Hyper-V generation Azure reports for the image (PF-16 second pass).
 *
 * @param generation {@code properties.hyperVGeneration} of the image as Compute's "Virtual Machine Images - Get" reports
 *                   it (null: not read, the read failed, or Azure did not report it). Never derived from the SKU's name:
 *                   canonical ubuntu-24_04-lts {@code server} is Generation 2 and {@code server-gen1} Generation 1
 *                   (Canonical, "Find Ubuntu images on Azure", read 2026-12-07).
 */
public record SupportedImage(String nodeAgentSkuId, ImageReference imageReference, OsType osType,
                             String verificationType, List<String> capabilities, Instant batchSupportEndOfLife,
                             HyperVGeneration generation) {
    public SupportedImage {
        Objects.requireNonNull(nodeAgentSkuId, "nodeAgentSkuId");
        Objects.requireNonNull(imageReference, "imageReference");
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    }

    /** An entry as Batch lists it: the generation is not known until Compute is asked. */
    public SupportedImage(String nodeAgentSkuId, ImageReference imageReference, OsType osType,
                          String verificationType, List<String> capabilities, Instant batchSupportEndOfLife) {
        this(nodeAgentSkuId, imageReference, osType, verificationType, capabilities, batchSupportEndOfLife, null);
    }

    public boolean verified() { return "verified".equalsIgnoreCase(verificationType); }

    /** This entry with the generation Azure reported (null: unknown). */
    public SupportedImage withGeneration(HyperVGeneration g) {
        return g == generation ? this
                : new SupportedImage(nodeAgentSkuId, imageReference, osType, verificationType, capabilities, batchSupportEndOfLife, g);
    }
}
