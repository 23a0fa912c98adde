package io.poolforge.domain.rules;

import io.poolforge.domain.ImagePlan;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.SnapshotPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Azure's naming rules for what PoolForge creates (resource-name-rules, Microsoft.Compute):
 * snapshots and managed images 1–80 characters, letters, digits, underscores, periods and hyphens,
 * starting with a letter or digit and ending with a letter, digit or underscore; galleries 1–80,
 * letters, digits, underscores and periods (no hyphens), starting and ending with a letter or digit;
 * image definitions 1–80, letters, digits, underscores, hyphens and periods, starting and ending
 * with a letter or digit; versions Major.Minor.Patch with each part a 32-bit integer; pool ids
 * 1–64 letters, digits, hyphens and underscores (Batch REST "Add pool").
 */
public final class NamingRules {
    private static final Pattern SNAPSHOT = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?");
    private static final Pattern GALLERY = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9_.]{0,78}[A-Za-z0-9])?");
    private static final Pattern IMAGE_DEFINITION = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9])?");
    private static final Pattern VERSION = Pattern.compile("(\\d{1,10})\\.(\\d{1,10})\\.(\\d{1,10})");
    private static final Pattern POOL_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /**
     * PF-15: an image definition's identifier part (publisher, offer, SKU): letters, digits, hyphens, underscores and
     * periods, starting with a letter or digit and not ending with a period (the portal's "Create VM image definition"
     * form); publisher up to 128 characters, offer and SKU up to 64.
     */
    private static final Pattern IDENTIFIER_PART = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?");
    public static final int MAX_PUBLISHER = 128;
    public static final int MAX_OFFER_OR_SKU = 64;

    private NamingRules() {
    }

    public static boolean validSnapshotName(String n) { return n != null && SNAPSHOT.matcher(n).matches(); }

    public static boolean validManagedImageName(String n) { return validSnapshotName(n); }

    public static boolean validGalleryName(String n) { return n != null && GALLERY.matcher(n).matches(); }

    public static boolean validImageDefinitionName(String n) { return n != null && IMAGE_DEFINITION.matcher(n).matches(); }

    public static boolean validPoolId(String n) { return n != null && POOL_ID.matcher(n).matches(); }

    /** A publisher, offer or SKU of an image definition's identifier, at most {@code max} characters. */
    public static boolean validIdentifierPart(String n, int max) {
        return n != null && n.length() <= max && IDENTIFIER_PART.matcher(n).matches();
    }

    /** Major.Minor.Patch, each part a non-negative 32-bit integer. */
    public static boolean validVersion(String v) {
        if (v == null) return false;
        var m = VERSION.matcher(v);
        if (!m.matches()) return false;
        for (int i = 1; i <= 3; i++) {
            if (Long.parseLong(m.group(i)) > Integer.MAX_VALUE) return false;
        }
        return true;
    }

    static String shown(String s) { return s == null ? "" : s; }

    static int length(String s) { return s == null ? 0 : s.length(); }

    public static List<Violation> checkSnapshots(SnapshotPlan plan) {
        List<Violation> out = new ArrayList<>();
        if (!validSnapshotName(plan.osSnapshotName())) {
            out.add(Violation.of(RuleCode.NAME_SNAPSHOT_INVALID, shown(plan.osSnapshotName()), length(plan.osSnapshotName())));
        }
        plan.dataDisks().forEach(d -> {
            if (!validSnapshotName(d.snapshotName())) {
                out.add(Violation.of(RuleCode.NAME_SNAPSHOT_INVALID, shown(d.snapshotName()), length(d.snapshotName())));
            }
        });
        return out;
    }

    public static List<Violation> checkImageNames(ImagePlan plan) {
        List<Violation> out = new ArrayList<>();
        if (plan.target() == ImageTarget.MANAGED) {
            if (!validManagedImageName(plan.managedImageName())) {
                out.add(Violation.of(RuleCode.NAME_MANAGED_IMAGE_INVALID, shown(plan.managedImageName()),
                        length(plan.managedImageName())));
            }
            return out;
        }
        if (!validGalleryName(plan.galleryName())) {
            out.add(Violation.of(RuleCode.NAME_GALLERY_INVALID, shown(plan.galleryName()), length(plan.galleryName())));
        }
        if (!validImageDefinitionName(plan.imageDefinitionName())) {
            out.add(Violation.of(RuleCode.NAME_IMAGE_DEFINITION_INVALID, shown(plan.imageDefinitionName()),
                    length(plan.imageDefinitionName())));
        }
        String[][] parts = {{"publisher", plan.definitionPublisher(), String.valueOf(MAX_PUBLISHER)},
            {"offer", plan.definitionOffer(), String.valueOf(MAX_OFFER_OR_SKU)}, {"sku", plan.definitionSku(), String.valueOf(MAX_OFFER_OR_SKU)}};
        for (String[] part : parts) {
            if (!validIdentifierPart(part[1], Integer.parseInt(part[2]))) {
                out.add(Violation.of(RuleCode.NAME_IMAGE_IDENTIFIER_INVALID, part[0], shown(part[1]), length(part[1]), part[2]));
            }
        }
        if (!plan.latest() && !validVersion(plan.version())) {
            out.add(Violation.of(RuleCode.NAME_VERSION_INVALID, shown(plan.version())));
        }
        return out;
    }
}
