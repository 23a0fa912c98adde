package io.poolforge.ui.wizard.pool;

/**
 * The pool's image type, as the Azure portal's "Add pool" offers it (PF-15). Managed images are listed but cannot be
 * chosen: Batch stopped accepting them for new pools on 31 March 2026.
 */
public enum PoolImageType {
    /** An Azure Compute Gallery image: the version this run builds, or an existing version or "latest". */
    GALLERY("wizard.pool.imageType.gallery"),
    /** Listed with the retirement notice; not selectable. */
    MANAGED("wizard.pool.imageType.managed"),
    /** A Marketplace image from Batch's supported images (publisher → offer → SKU → version). */
    MARKETPLACE("wizard.pool.imageType.marketplace");

    private final String key;

    PoolImageType(String key) {
        this.key = key;
    }

    /** The bundle key of its label. */
    public String key() { return key; }

    public boolean selectable() { return this != MANAGED; }
}
