package io.poolforge.ui.inspect;

import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.ResizeError;
import io.poolforge.ui.watch.ImageHealth;
import java.util.Objects;

/** A pool in the inspector's list, with what was looked up about its image. */
public record PoolRow(PoolInfo pool, ImageHealth image, io.poolforge.azure.NodeCounts nodes) {
    public PoolRow {
        Objects.requireNonNull(pool, "pool");
        if (image == null) image = ImageHealth.marketplace();
    }

    /** A row whose nodes were not counted. */
    public PoolRow(PoolInfo pool, ImageHealth image) {
        this(pool, image, null);
    }

    /**
     * Nodes in a state that needs someone (PF-20: a pool with 9 of 12 nodes broken is a problem): Batch's
     * {@code unusable} and {@code startTaskFailed} node states ("List Pool Node Counts", Batch REST reference,
     * read 2026-12-07: "unusable: The number of nodes in the unusable state", "startTaskFailed: The number of nodes
     * in the startTaskFailed state"). 0 when not counted.
     */
    public int problemNodes() {
        if (nodes == null) return 0;
        int n = 0;
        for (String s : java.util.List.of("unusable", "startTaskFailed")) n += nodes.dedicated(s) + nodes.lowPriority(s);
        return n;
    }

    /** The pool's nodes now (dedicated and Spot). */
    public int currentNodes() { return pool.currentDedicatedNodes() + pool.currentLowPriorityNodes(); }

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

    /** Resize errors, or nodes that are unusable or whose start task failed. */
    public boolean hasErrors() { return !pool.resizeErrors().isEmpty() || problemNodes() > 0; }

    /** The pool's first resize error, or null. */
    public ResizeError lastError() { return pool.resizeErrors().isEmpty() ? null : pool.resizeErrors().get(0); }

    /** A pool on a managed image: retired as a pool source on 31 March 2026. */
    public boolean retiredSource() { return imageType() == ImageType.MANAGED; }
}
