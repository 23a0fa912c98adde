package io.poolforge.azure;

/** An Azure Compute Gallery. */
public record GalleryRef(String id, String name, String resourceGroup, String location) {
}
