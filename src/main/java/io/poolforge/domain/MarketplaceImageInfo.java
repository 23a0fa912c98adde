package io.poolforge.domain;

import java.util.Objects;

/**
 * What Compute's "Virtual Machine Images - Get" reports for one Marketplace image version (PF-16 second pass):
 * {@code GET /subscriptions/{sub}/providers/Microsoft.Compute/locations/{location}/publishers/{publisher}/artifacttypes/
 * vmimage/offers/{offer}/skus/{sku}/versions/{version}} (Compute REST, VirtualMachineImage_Get_MaximumSet_Gen example,
 * ComputeRP 2025-04-01, read 2026-12-07).
 *
 * @param image            the image as asked (its version may be "latest")
 * @param version          the version read (for "latest": the newest listed)
 * @param hyperVGeneration {@code properties.hyperVGeneration} (V1/V2), null when not reported
 * @param securityType     the {@code SecurityType} entry of {@code properties.features} as Azure spells it, null when absent
 * @param architecture     {@code properties.architecture} (x64/Arm64), null when not reported
 */
public record MarketplaceImageInfo(ImageReference image, String version, HyperVGeneration hyperVGeneration, String securityType,
                                   String architecture) {
    public MarketplaceImageInfo {
        Objects.requireNonNull(image, "image");
    }
}
