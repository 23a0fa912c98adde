package io.poolforge.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * A Marketplace image (publisher/offer/sku/version) or a custom image by ARM resource id
 * (gallery image, gallery image version or managed image). Exactly one of the two forms.
 */
public record ImageReference(String publisher, String offer, String sku, String version, String id) {
    public ImageReference {
        boolean market = publisher != null && offer != null && sku != null;
        if (market == (id != null)) {
            throw new IllegalArgumentException("An image reference is either publisher/offer/sku or an id");
        }
        if (market && (version == null || version.isBlank())) version = "latest";
    }

    public static ImageReference marketplace(String publisher, String offer, String sku, String version) {
        return new ImageReference(publisher, offer, sku, version, null);
    }

    public static ImageReference ofId(String id) {
        return new ImageReference(null, null, null, null, Objects.requireNonNull(id, "id"));
    }

    public boolean isMarketplace() { return id == null; }

    /** Same publisher, offer and SKU, ignoring case and version (how Azure compares them). */
    public boolean sameSku(ImageReference other) {
        return other != null && isMarketplace() && other.isMarketplace()
                && publisher.equalsIgnoreCase(other.publisher)
                && offer.equalsIgnoreCase(other.offer)
                && sku.equalsIgnoreCase(other.sku);
    }

    /** "publisher:offer:sku:version" (the az CLI URN) or the id. */
    public String display() {
        return isMarketplace() ? publisher + ":" + offer + ":" + sku + ":" + version : id;
    }

    /** Lower-case key for maps. */
    public String key() { return display().toLowerCase(Locale.ROOT); }
}
