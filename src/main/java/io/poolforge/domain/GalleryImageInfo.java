package io.poolforge.domain;

import java.util.Objects;

/**
 * A gallery image definition: {@code galleries/{galleryName}/images/{name}} with its identifier
 * (publisher/offer/sku of the definition, not of the Marketplace base), OS type and state, Hyper-V
 * generation, security type and the Marketplace purchase plan it carries (null when none).
 */
public record GalleryImageInfo(String id, String name, String galleryName, String subscriptionId, String resourceGroup,
                               String location, OsType osType, OsState osState, HyperVGeneration hyperVGeneration,
                               SecurityType securityType, String publisher, String offer, String sku,
                               PurchasePlan plan) {
    public GalleryImageInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(galleryName, "galleryName");
        if (securityType == null) securityType = SecurityType.STANDARD;
    }
}
