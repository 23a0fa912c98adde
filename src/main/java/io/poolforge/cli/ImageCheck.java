package io.poolforge.cli;

import io.poolforge.azure.ComputeGateway;
import io.poolforge.domain.GalleryImageInfo;
import io.poolforge.domain.GalleryImageVersionInfo;
import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.ManagedImageInfo;
import io.poolforge.domain.OsType;
import io.poolforge.domain.SecretMasker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code inspect} found about a pool's custom image through {@link ComputeGateway}: its kind,
 * whether it exists (null: the look-up failed, so unknown), its OS facts, and which of the snapshots
 * it was built from are gone. A Marketplace image has nothing to look up ({@link #marketplace()}).
 */
record ImageCheck(String imageId, ImageTarget kind, Boolean exists, OsType osType, HyperVGeneration generation,
                  List<String> missingSourceIds) {
    private static final Logger LOG = LoggerFactory.getLogger(ImageCheck.class);
    /** At most this many source snapshots are looked up per image. */
    static final int MAX_SOURCES = 16;

    ImageCheck {
        missingSourceIds = missingSourceIds == null ? List.of() : List.copyOf(missingSourceIds);
    }

    static ImageCheck marketplace() {
        return new ImageCheck(null, null, true, null, null, List.of());
    }

    boolean custom() { return imageId != null; }

    /** A managed image: Batch stopped accepting them as pool sources on 31 March 2026. */
    boolean retiredSource() { return kind == ImageTarget.MANAGED; }

    /** The kind an image id names: a gallery image (version or definition) or a managed image; null for none. */
    static ImageTarget kindOf(String imageId) {
        if (imageId == null) return null;
        return imageId.toLowerCase(Locale.ROOT).contains("/galleries/") ? ImageTarget.GALLERY : ImageTarget.MANAGED;
    }

    /** Looks the image up: a gallery image version, a gallery image definition (its latest version), or a managed image. */
    static ImageCheck of(ComputeGateway compute, String imageId) {
        if (imageId == null) return marketplace();
        ImageTarget kind = kindOf(imageId);
        if (kind == ImageTarget.GALLERY && imageId.toLowerCase(Locale.ROOT).contains("/versions/")) {
            Optional<GalleryImageVersionInfo> v = quietly(() -> compute.findImageVersion(imageId));
            if (v == null || v.isEmpty()) return new ImageCheck(imageId, kind, v == null ? null : false, null, null, List.of());
            GalleryImageInfo image = v.get().image();
            return new ImageCheck(imageId, kind, true, image.osType(), image.hyperVGeneration(), missing(compute, v.get().sourceIds()));
        }
        if (kind == ImageTarget.GALLERY) {
            Optional<GalleryImageInfo> d = quietly(() -> compute.findImageDefinition(imageId));
            if (d == null || d.isEmpty()) return new ImageCheck(imageId, kind, d == null ? null : false, null, null, List.of());
            List<GalleryImageVersionInfo> versions = quietly(() -> compute.listImageVersions(imageId));
            Boolean exists = versions == null ? null : !versions.isEmpty();
            return new ImageCheck(imageId, kind, exists, d.get().osType(), d.get().hyperVGeneration(), List.of());
        }
        Optional<ManagedImageInfo> i = quietly(() -> compute.findManagedImage(imageId));
        if (i == null || i.isEmpty()) return new ImageCheck(imageId, kind, i == null ? null : false, null, null, List.of());
        return new ImageCheck(imageId, kind, true, i.get().osType(), i.get().hyperVGeneration(), missing(compute, i.get().sourceIds()));
    }

    private static List<String> missing(ComputeGateway compute, List<String> sourceIds) {
        List<String> out = new ArrayList<>();
        for (String s : sourceIds.stream().limit(MAX_SOURCES).toList()) {
            if (!s.toLowerCase(Locale.ROOT).contains("/snapshots/")) continue;
            var found = quietly(() -> compute.findSnapshot(s));
            if (found != null && found.isEmpty()) out.add(s);
        }
        return out;
    }

    /** The result, or null when the look-up failed (logged; the fact stays unknown and the diagnoser does not guess). */
    private static <T> T quietly(Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (RuntimeException e) {
            LOG.warn("Image look-up failed: {}", SecretMasker.mask(String.valueOf(e.getMessage())));
            return null;
        }
    }
}
