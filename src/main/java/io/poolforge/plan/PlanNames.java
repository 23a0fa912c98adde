package io.poolforge.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fills the names a plan may leave out (snapshot names, gallery image version) deterministically from
 * the plan and a token: the run id's for a run, the plan digest's for an export or a validation. The
 * same plan and token give the same names, so a retried step finds what the first attempt created
 * instead of making a second one. Names the plan gives are kept as they are.
 */
public final class PlanNames {
    private static final int MAX_NAME = 80;

    private PlanNames() {
    }

    /**
     * The plan with every name filled in.
     *
     * @param token  lower-case letters, digits and hyphens (a run id, a digest prefix)
     * @param version the gallery image version to use when the plan has none (Major.Minor.Patch)
     */
    public static Plan resolve(Plan plan, String token, String version) {
        String t = token.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
        if (plan.fromExistingImage() || plan.marketplace()) return plan;
        String vm = plan.source().vmName();
        Plan.Snapshots s = plan.snapshots();
        Plan.OsDisk os = s.osDisk();
        Plan.OsDisk osOut = os.snapshotName() != null ? os : new Plan.OsDisk(os.diskId(), name(vm, "os", t));
        List<Plan.DataDisk> data = new ArrayList<>();
        for (Plan.DataDisk d : s.dataDisks()) {
            data.add(d.snapshotName() != null ? d : new Plan.DataDisk(d.diskId(), d.lun(), name(vm, "lun" + d.lun(), t)));
        }
        Plan out = plan.withSnapshots(new Plan.Snapshots(s.subscriptionId(), s.resourceGroup(), s.location(), osOut, data));
        if (out.galleryTarget() && out.image().gallery().version() == null) out = out.withGalleryVersion(version);
        return out;
    }

    /** Names for an export or a validation: token and version from the plan's digest (stable for the same plan). */
    public static Plan resolveForExport(Plan plan, PlanCodec codec) {
        String sha = codec.sha256(plan);
        return resolve(plan, sha.substring(0, 8), "1.0." + Integer.parseInt(sha.substring(0, 7), 16));
    }

    /** "{vm}-{part}-{token}", with the VM name cut and cleaned so the whole is a valid snapshot name. */
    static String name(String vmName, String part, String token) {
        String suffix = "-" + part + "-" + token;
        String base = vmName == null ? "vm" : vmName.replaceAll("[^A-Za-z0-9_.-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
        if (base.isEmpty()) base = "vm";
        if (base.length() > MAX_NAME - suffix.length()) base = base.substring(0, MAX_NAME - suffix.length());
        return base + suffix;
    }
}
