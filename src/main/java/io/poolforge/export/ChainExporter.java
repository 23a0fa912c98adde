package io.poolforge.export;

import io.poolforge.plan.Plan;
import java.util.Comparator;
import java.util.List;

/**
 * The one skeleton of every export: the chain in the order Azure needs it — snapshots, then the gallery image (gallery,
 * definition, version) or the managed image, or just a check of an existing image — then the pool. Each format fills in
 * the steps it has, writing into its own output {@code O} (one per call, so exporters hold no state between exports).
 */
abstract class ChainExporter<O> implements PlanExporter {
    @Override
    public final String export(Plan p) {
        O out = begin(p);
        if (p.marketplace()) {
            marketplaceImage(out, p);
        } else if (p.fromExistingImage()) {
            existingImage(out, p);
        } else {
            snapshots(out, p);
            if (p.galleryTarget()) gallery(out, p); else managedImage(out, p);
        }
        pool(out, p);
        return end(out, p);
    }

    /** A new output for one export, with the format's header. */
    protected abstract O begin(Plan p);

    /** The pool is on a Marketplace image (PF-15): nothing to build or check before the pool. */
    protected void marketplaceImage(O out, Plan p) {
    }

    /** The plan starts from an image version that exists (or an image definition's latest version). */
    protected void existingImage(O out, Plan p) {
    }

    protected void snapshots(O out, Plan p) {
    }

    protected void gallery(O out, Plan p) {
    }

    protected void managedImage(O out, Plan p) {
    }

    protected abstract void pool(O out, Plan p);

    protected abstract String end(O out, Plan p);

    /** The plan's data disks by LUN. */
    static List<Plan.DataDisk> dataDisks(Plan p) {
        return p.snapshots().dataDisks().stream().sorted(Comparator.comparing(Plan.DataDisk::lun)).toList();
    }
}
