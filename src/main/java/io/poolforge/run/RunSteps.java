package io.poolforge.run;

import io.poolforge.plan.Plan;
import io.poolforge.plan.PlanCodec;
import io.poolforge.plan.PlanNames;
import io.poolforge.plan.ResourceIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a run, derived from the plan: snapshots (OS disk, then data disks by LUN), then the
 * gallery, image definition and image version (or the managed image), then the pool. Each step's name
 * and resource id are known before anything is called.
 */
public final class RunSteps {
    private RunSteps() {
    }

    /** The plan with the names it leaves out derived from the run id (what the run folder keeps). */
    public static Plan resolve(Plan plan, RunId runId) {
        return PlanNames.resolve(plan, runId.value(), runId.imageVersion());
    }

    /** A new journal, every step PENDING, for a resolved plan. */
    public static Journal newJournal(Plan resolved, RunId runId, PlanCodec codec, Instant now) {
        return new Journal(Journal.CURRENT_VERSION, runId.value(), codec.sha256(resolved), now, steps(resolved, runId));
    }

    static List<StepRecord> steps(Plan p, RunId run) {
        List<StepRecord> out = new ArrayList<>();
        if (p.marketplace()) {
            // A Marketplace pool (PF-15): Batch takes the image from the Marketplace; the run makes only the pool.
            out.add(step(run, "pool", StepKind.POOL, p.pool().poolId(), ResourceIds.pool(p)));
            return out;
        }
        if (p.fromExistingImage()) {
            // The image exists already: the run checks it (find, never create) and makes the pool.
            Plan.Gallery g = p.image().gallery();
            out.add(step(run, "image-version", StepKind.IMAGE_VERSION, g.version(), ResourceIds.image(p)));
            out.add(step(run, "pool", StepKind.POOL, p.pool().poolId(), ResourceIds.pool(p)));
            return out;
        }
        String os = p.snapshots().osDisk().snapshotName();
        out.add(step(run, "snapshot-os", StepKind.SNAPSHOT, os, ResourceIds.snapshot(p, os)));
        p.snapshots().dataDisks().stream()
                .sorted((a, b) -> Integer.compare(a.lun(), b.lun()))
                .forEach(d -> out.add(step(run, "snapshot-lun" + d.lun(), StepKind.SNAPSHOT, d.snapshotName(),
                        ResourceIds.snapshot(p, d.snapshotName()))));
        if (p.galleryTarget()) {
            Plan.Gallery g = p.image().gallery();
            out.add(step(run, "gallery", StepKind.GALLERY, g.name(), ResourceIds.gallery(p)));
            out.add(step(run, "image-definition", StepKind.IMAGE_DEFINITION, g.imageDefinition(),
                    ResourceIds.imageDefinition(p)));
            out.add(step(run, "image-version", StepKind.IMAGE_VERSION, g.version(), ResourceIds.image(p)));
        } else {
            out.add(step(run, "managed-image", StepKind.MANAGED_IMAGE, p.image().managedImage().name(),
                    ResourceIds.image(p)));
        }
        out.add(step(run, "pool", StepKind.POOL, p.pool().poolId(), ResourceIds.pool(p)));
        return out;
    }

    private static StepRecord step(RunId run, String id, StepKind kind, String name, String resourceId) {
        return StepRecord.pending(id, kind, name, resourceId, run.requestId(id));
    }
}
