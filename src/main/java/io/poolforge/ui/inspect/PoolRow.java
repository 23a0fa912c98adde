package io.poolforge.ui.inspect;

import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.ResizeError;
import io.poolforge.ui.watch.ImageHealth;
import java.util.Objects;

/** A pool in the inspector's list, with what was looked up about its image. */
public record PoolRow(PoolInfo pool, ImageHealth image) {
    public PoolRow {
        Objects.requireNonNull(pool, "pool");
        if (image == null) image = ImageHealth.marketplace();
    }

    /** How the pool's image is given. */
    public enum ImageType { MARKETPLACE, GALLERY, MANAGED }

    public String id() { return pool.id(); }

    public ImageType imageType() {
        if (pool.customImageId() == null) return ImageType.MARKETPLACE;
        return image.kind() == ImageTarget.MANAGED ? ImageType.MANAGED : ImageType.GALLERY;
    }

    public boolean customImage() { return pool.customImageId() != null; }

    /** The image id or the Marketplace URN. */
    public String imageDisplay() { return pool.imageReference() == null ? "" : pool.imageReference().display(); }

    /** Does the custom image still exist: true, false, or null when unknown (always true for Marketplace). */
    public Boolean imageExists() { return customImage() ? image.exists() : Boolean.TRUE; }

    public boolean hasErrors() { return !pool.resizeErrors().isEmpty(); }

    /** The pool's first resize error, or null. */
    public ResizeError lastError() { return pool.resizeErrors().isEmpty() ? null : pool.resizeErrors().get(0); }

    /** A pool on a managed image: retired as a pool source on 31 March 2026. */
    public boolean retiredSource() { return imageType() == ImageType.MANAGED; }
}
