package io.poolforge.domain;

/** What the image step builds. */
public enum ImageTarget {
    /** An Azure Compute Gallery image version (the default and, since 31 March 2026, the only pool source). */
    GALLERY,
    /** A managed image (the portal's original path; can be built, not used for a pool after 31 March 2026). */
    MANAGED
}
