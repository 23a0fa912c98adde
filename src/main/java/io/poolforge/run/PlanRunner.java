package io.poolforge.run;

import io.poolforge.azure.BatchGateway;
import io.poolforge.azure.ComputeGateway;
import io.poolforge.azure.OperationMonitor;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.ImagePlan;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.plan.Plan;
import io.poolforge.plan.ResourceIds;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Executes a resolved plan step by step through the ports, with the journal: the intent is
 * written before each call and the result after it. A step whose resource already exists is
 * reused, never created twice; whether the run created it is recorded, so clean-up deletes only
 * what this run made. The one place that orchestrates Azure calls for a run (wizard and CLI).
 */
public final class PlanRunner {

    /** What a run reports as it goes (called on the runner's thread). */
    public interface Listener {
        void stepStarted(StepRecord step, int index, int total);

        void stepProgress(StepRecord step, String status, int percent);

        void stepFinished(StepRecord step, int index, int total);

        Listener NONE = new Listener() {
            @Override public void stepStarted(StepRecord step, int index, int total) { }
            @Override public void stepProgress(StepRecord step, String status, int percent) { }
            @Override public void stepFinished(StepRecord step, int index, int total) { }
        };
    }

    private final ComputeGateway compute;
    private final BatchGateway batch;
    private final JournalStore store;
    private final Clock clock;

    public PlanRunner(ComputeGateway compute, BatchGateway batch, JournalStore store, Clock clock) {
        this.compute = compute;
        this.batch = batch;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Runs (or resumes) every unfinished step of the journal. Returns the final journal; throws the
     * failing step's PoolForgeException after recording it.
     */
    public Journal run(Plan plan, Journal journal, Map<String, String> tags, Listener listener, BooleanSupplier cancelled) {
        Journal j = journal;
        List<StepRecord> steps = j.steps();
        for (int i = 0; i < steps.size(); i++) {
            StepRecord step = j.steps().get(i);
            if (step.done()) continue;
            if (cancelled.getAsBoolean()) throw new PoolForgeException("run.cancelled", step.name());
            boolean mayExistFromUs = step.outcomeUnknown() || step.status() == StepStatus.FAILED;
            StepRecord started = step.started(clock.instant());
            j = j.with(started);
            store.save(j);
            listener.stepStarted(started, i, steps.size());
            OperationMonitor monitor = monitor(started, listener, cancelled);
            StepRecord result;
            try {
                result = execute(plan, j, started, mayExistFromUs, tags, monitor);
            } catch (PoolForgeException e) {
                StepRecord failed = started.failed(clock.instant(), e.azureCode(), e.getMessage());
                j = j.with(failed);
                store.save(j);
                listener.stepFinished(failed, i, steps.size());
                throw e;
            }
            j = j.with(result);
            store.save(j);
            listener.stepFinished(result, i, steps.size());
        }
        return j;
    }

    private StepRecord execute(Plan plan, Journal j, StepRecord step, boolean mayExistFromUs, Map<String, String> tags,
                               OperationMonitor monitor) {
        String id = step.resourceId();
        switch (step.kind()) {
            case SNAPSHOT -> {
                var found = compute.findSnapshot(id);
                if (found.isPresent()) return step.succeeded(clock.instant(), found.get().id(), mayExistFromUs);
                Plan.Snapshots s = plan.snapshots();
                String disk = sourceDisk(plan, step.name());
                var made = compute.createSnapshot(s.subscriptionId(), s.resourceGroup(), step.name(), s.location(), disk,
                        withRun(tags, j.runId()), monitor);
                return step.succeeded(clock.instant(), made.id(), true);
            }
            case GALLERY -> {
                var found = compute.findGallery(id);
                if (found.isPresent()) return step.succeeded(clock.instant(), found.get().id(), mayExistFromUs);
                Plan.Image img = plan.image();
                var made = compute.createGallery(img.subscriptionId(), img.resourceGroup(), step.name(), img.location(), monitor);
                return step.succeeded(clock.instant(), made.id(), true);
            }
            case IMAGE_DEFINITION -> {
                var found = compute.findImageDefinition(id);
                if (found.isPresent()) return step.succeeded(clock.instant(), found.get().id(), mayExistFromUs);
                var made = compute.createImageDefinition(plan.imagePlan(), monitor);
                return step.succeeded(clock.instant(), made.id(), true);
            }
            case IMAGE_VERSION -> {
                var found = compute.findImageVersion(id);
                if (found.isPresent()) return step.succeeded(clock.instant(), found.get().id(), mayExistFromUs);
                if (plan.fromExistingImage()) throw new PoolForgeException("run.error.noImage", id);
                ImagePlan ip = plan.imagePlan();
                var made = compute.createImageVersion(ip, osSnapshotId(plan), dataSnapshotIds(plan), monitor);
                return step.succeeded(clock.instant(), made.id(), true);
            }
            case MANAGED_IMAGE -> {
                var found = compute.findManagedImage(id);
                if (found.isPresent()) return step.succeeded(clock.instant(), found.get().id(), mayExistFromUs);
                var made = compute.createManagedImage(plan.imagePlan(), osSnapshotId(plan), dataSnapshotIds(plan), monitor);
                return step.succeeded(clock.instant(), made.id(), true);
            }
            case POOL -> {
                BatchAccountInfo account = account(plan);
                var found = batch.getPool(account, plan.pool().poolId());
                if (found.isPresent()) return step.succeeded(clock.instant(), id, mayExistFromUs);
                batch.createPool(account, plan.poolPlan());
                return step.succeeded(clock.instant(), id, true);
            }
            default -> throw new IllegalStateException(step.kind().name());
        }
    }

    /**
     * Deletes what the run created (never what it found), in dependency order: pool, image version,
     * image definition or managed image, gallery, snapshots. Returns the ids deleted.
     */
    public List<String> cleanUp(Plan plan, Journal journal, Listener listener, BooleanSupplier cancelled) {
        List<CreatedResource> created = journal.createdResources();
        List<String> deleted = new java.util.ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            CreatedResource r = created.get(i);
            if (cancelled.getAsBoolean()) throw new PoolForgeException("run.cancelled", r.resourceId());
            StepRecord step = journal.step(r.stepId());
            listener.stepStarted(step, i, created.size());
            OperationMonitor m = monitor(step, listener, cancelled);
            switch (r.kind()) {
                case POOL -> {
                    BatchAccountInfo account = account(plan);
                    if (batch.getPool(account, plan.pool().poolId()).isPresent()) batch.deletePool(account, plan.pool().poolId(), m);
                }
                case IMAGE_VERSION -> {
                    if (compute.findImageVersion(r.resourceId()).isPresent()) compute.deleteImageVersion(r.resourceId(), m);
                }
                case IMAGE_DEFINITION -> {
                    if (compute.findImageDefinition(r.resourceId()).isPresent()) compute.deleteImageDefinition(r.resourceId(), m);
                }
                case MANAGED_IMAGE -> {
                    if (compute.findManagedImage(r.resourceId()).isPresent()) compute.deleteManagedImage(r.resourceId(), m);
                }
                case GALLERY -> {
                    if (compute.findGallery(r.resourceId()).isPresent()) compute.deleteGallery(r.resourceId(), m);
                }
                case SNAPSHOT -> {
                    if (compute.findSnapshot(r.resourceId()).isPresent()) compute.deleteSnapshot(r.resourceId(), m);
                }
                default -> throw new IllegalStateException(r.kind().name());
            }
            deleted.add(r.resourceId());
            listener.stepFinished(step, i, created.size());
        }
        return deleted;
    }

    /** The Batch account of the plan, as the gateway needs it (id and name). */
    public static BatchAccountInfo account(Plan plan) {
        Plan.BatchAccount a = plan.pool().batchAccount();
        return new BatchAccountInfo(ResourceIds.batchAccount(plan), a.name(), a.subscriptionId(), null, a.location(),
                null, 0, 0, Map.of(), false, 0, null);
    }

    private static String sourceDisk(Plan plan, String snapshotName) {
        if (snapshotName.equals(plan.snapshots().osDisk().snapshotName())) return plan.snapshots().osDisk().diskId();
        return plan.snapshots().dataDisks().stream().filter(d -> snapshotName.equals(d.snapshotName())).findFirst()
                .map(Plan.DataDisk::diskId).orElseThrow(() -> new PoolForgeException("run.error.unknownSnapshot", snapshotName));
    }

    private static String osSnapshotId(Plan plan) {
        return ResourceIds.snapshot(plan, plan.snapshots().osDisk().snapshotName());
    }

    private static Map<Integer, String> dataSnapshotIds(Plan plan) {
        Map<Integer, String> out = new TreeMap<>();
        plan.snapshots().dataDisks().forEach(d -> out.put(d.lun(), ResourceIds.snapshot(plan, d.snapshotName())));
        return out;
    }

    private static Map<String, String> withRun(Map<String, String> tags, String runId) {
        Map<String, String> out = new LinkedHashMap<>(tags == null ? Map.of() : tags);
        out.put("poolforge-run", runId);
        return out;
    }

    private static OperationMonitor monitor(StepRecord step, Listener listener, BooleanSupplier cancelled) {
        return new OperationMonitor() {
            @Override public void progress(String status, int percent) { listener.stepProgress(step, status, percent); }
            @Override public boolean cancelRequested() { return cancelled.getAsBoolean(); }
        };
    }

    /** The unfinished run to offer on start, if any. */
    public Optional<Journal> unfinished() {
        return store.unfinished().stream().findFirst();
    }
}
