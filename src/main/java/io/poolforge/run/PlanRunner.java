package io.poolforge.run;

import io.poolforge.azure.BatchGateway;
import io.poolforge.azure.ComputeGateway;
import io.poolforge.azure.OperationMonitor;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.ImagePlan;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.plan.Plan;
import io.poolforge.plan.ResourceIds;
import io.poolforge.azure.ResourceState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Executes a resolved plan step by step through the ports, with the journal: the intent is
 * written before each call and the result after it. Azure, not the journal, says what exists: every
 * step's resource is read back first; what the run makes carries its run id and plan digest as tags
 * (pool: metadata), so a resume and a clean-up know what is the run's even with the journal lost; a
 * step is done only when Azure reads it back Succeeded. The one place that orchestrates Azure calls
 * for a run (wizard and CLI).
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
    private final Duration settleDelay;

    public PlanRunner(ComputeGateway compute, BatchGateway batch, JournalStore store, Clock clock) {
        this(compute, batch, store, clock, Duration.ofSeconds(2));
    }

    /** @param settleDelay how long to wait between reads of a resource that is still Creating or Updating */
    public PlanRunner(ComputeGateway compute, BatchGateway batch, JournalStore store, Clock clock, Duration settleDelay) {
        this.compute = compute;
        this.batch = batch;
        this.store = store;
        this.clock = clock;
        this.settleDelay = settleDelay;
    }

    /** How a step's resource stands in Azure before the run touches it. */
    public enum Standing {
        /** Not there: the step creates it. */
        ABSENT,
        /** There, tagged with this run's id: this run made it (perhaps unfinished or Failed). */
        OURS,
        /** There, not this run's, and it matches the plan: reused, never deleted by this run. */
        REUSABLE,
        /** There, and it may not be used: the run stops before creating anything. */
        CONFLICT
    }

    /** What the survey found for one step: the standing, Azure's state (null when absent) and, for a conflict, why. */
    public record Found(StepRecord step, Standing standing, ResourceState state, String conflictKey, Object[] conflictArgs) {
        public PoolForgeException conflict() {
            return new PoolForgeException(conflictKey, null, "Conflict", null, conflictArgs);
        }
    }

    /** Every step's resource as Azure has it, read before anything is created (in step order). */
    public record Survey(List<Found> found) {
        public Optional<Found> firstConflict() {
            return found.stream().filter(f -> f.standing() == Standing.CONFLICT).findFirst();
        }

        Found of(String stepId) {
            return found.stream().filter(f -> f.step().id().equals(stepId)).findFirst().orElse(null);
        }

        /** What Azure's tags say this run made (the resources tagged with its run id), in clean-up order. */
        public List<CreatedResource> tagged() {
            return found.stream().filter(f -> f.standing() == Standing.OURS)
                    .sorted(Comparator.comparing(f -> f.step().kind()))
                    .map(f -> new CreatedResource(f.step().kind(), f.step().resourceId(), f.step().id())).toList();
        }
    }

    /**
     * Reads every step's resource back from Azure and classifies it, creating nothing: absent, this run's
     * (its tags name the run), reusable (matches the plan), or a conflict (another run's, another source, an
     * existing pool). {@code adoptable} are run ids whose resources this run may reuse (a remedy's original run).
     */
    public Survey survey(Plan plan, Journal journal, Set<String> adoptable) {
        List<Found> out = new ArrayList<>();
        for (StepRecord step : journal.steps()) out.add(classify(plan, journal, step, read(plan, step), adoptable));
        return new Survey(List.copyOf(out));
    }

    private Optional<ResourceState> read(Plan plan, StepRecord step) {
        if (step.kind() == StepKind.POOL) return batch.poolState(account(plan), plan.pool().poolId());
        return compute.readState(step.resourceId());
    }

    private Found classify(Plan plan, Journal j, StepRecord step, Optional<ResourceState> read, Set<String> adoptable) {
        if (read.isEmpty()) return new Found(step, Standing.ABSENT, null, null, null);
        ResourceState st = read.get();
        String owner = st.runTag();
        if (j.runId().equals(owner)) return new Found(step, Standing.OURS, st, null, null);
        boolean otherRun = owner != null && !adoptable.contains(owner);
        switch (step.kind()) {
            case POOL -> {
                if (owner != null && adoptable.contains(owner)) return new Found(step, Standing.REUSABLE, st, null, null);
                return conflict(step, st, "run.error.poolExists", plan.pool().poolId(), plan.pool().batchAccount().name(),
                        owner == null ? "-" : owner);
            }
            case GALLERY -> {
                // A gallery is a shared container: any gallery of that name is the plan's.
                return usable(step, st);
            }
            case IMAGE_DEFINITION -> {
                ImagePlan ip = plan.imagePlan();
                String wanted = (ip.osType() == io.poolforge.domain.OsType.WINDOWS ? "Windows" : "Linux") + " "
                        + ip.definitionPublisher() + "/" + ip.definitionOffer() + "/" + ip.definitionSku();
                if (st.identity() != null && !st.identity().equalsIgnoreCase(wanted)) {
                    return conflict(step, st, "run.error.conflictMismatch", step.name(), st.identity(), wanted);
                }
                return usable(step, st);
            }
            case IMAGE_VERSION -> {
                if (plan.fromExistingImage()) return usable(step, st);
                if (otherRun) return conflict(step, st, "run.error.conflictOtherRun", step.name(), owner);
                List<String> wanted = new ArrayList<>();
                wanted.add(osSnapshotId(plan));
                wanted.addAll(dataSnapshotIds(plan).values());
                if (!sameIds(st.sources(), wanted)) {
                    return conflict(step, st, "run.error.conflictMismatch", step.name(), String.join(", ", st.sources()),
                            String.join(", ", wanted));
                }
                return usable(step, st);
            }
            case MANAGED_IMAGE -> {
                if (otherRun) return conflict(step, st, "run.error.conflictOtherRun", step.name(), owner);
                List<String> wanted = new ArrayList<>();
                wanted.add(osSnapshotId(plan));
                wanted.addAll(dataSnapshotIds(plan).values());
                if (!sameIds(st.sources(), wanted)) {
                    return conflict(step, st, "run.error.conflictMismatch", step.name(), String.join(", ", st.sources()),
                            String.join(", ", wanted));
                }
                return usable(step, st);
            }
            case SNAPSHOT -> {
                if (otherRun) return conflict(step, st, "run.error.conflictOtherRun", step.name(), owner);
                String disk = sourceDisk(plan, step.name());
                if (!sameIds(st.sources(), List.of(disk))) {
                    return conflict(step, st, "run.error.conflictMismatch", step.name(), String.join(", ", st.sources()), disk);
                }
                return usable(step, st);
            }
            default -> throw new IllegalStateException(step.kind().name());
        }
    }

    /** Someone else's resource that matches: reused if it is (or becomes) Succeeded; a Failed one is not ours to redo. */
    private static Found usable(StepRecord step, ResourceState st) {
        if (st.failed()) return conflict(step, st, "run.error.conflictFailed", step.name(), st.provisioningState());
        return new Found(step, Standing.REUSABLE, st, null, null);
    }

    private static Found conflict(StepRecord step, ResourceState st, String key, Object... args) {
        Object[] all = new Object[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = step.resourceId();
        return new Found(step, Standing.CONFLICT, st, key, all);
    }

    private static boolean sameIds(List<String> a, List<String> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (!a.get(i).equalsIgnoreCase(b.get(i))) return false;
        return true;
    }

    /**
     * Runs (or resumes) the run: reads every step's resource back first ({@link #survey}) and stops at a conflict
     * before creating anything; then, step by step, creates what is absent (tagged with the run id and the plan's
     * digest), re-creates what this run left Failed, waits for what is still Creating, and counts a step done only
     * when Azure reads it back Succeeded. Returns the final journal; throws the failing step's PoolForgeException
     * after recording it.
     */
    public Journal run(Plan plan, Journal journal, Map<String, String> tags, Listener listener, BooleanSupplier cancelled) {
        return run(plan, journal, tags, listener, cancelled, Set.of(), null);
    }

    /**
     * {@link #run(Plan, Journal, Map, Listener, BooleanSupplier)} with run ids whose resources may be reused
     * ({@code adoptable}) and a survey made already for this journal (null: make one).
     */
    public Journal run(Plan plan, Journal journal, Map<String, String> tags, Listener listener, BooleanSupplier cancelled,
                       Set<String> adoptable, Survey already) {
        Journal j = journal;
        Survey survey = already != null ? already : survey(plan, j, adoptable);
        Optional<Found> conflict = survey.firstConflict();
        if (conflict.isPresent()) {
            StepRecord step = j.step(conflict.get().step().id());
            PoolForgeException e = conflict.get().conflict();
            if (!step.done()) {
                j = j.with(step.started(clock.instant()).failed(clock.instant(), "Conflict", e.getMessage()));
                store.save(j);
            }
            throw e;
        }
        Map<String, String> runTags = withRun(tags, j.runId(), j.planSha256());
        List<StepRecord> steps = j.steps();
        for (int i = 0; i < steps.size(); i++) {
            StepRecord step = j.steps().get(i);
            Found found = survey.of(step.id());
            boolean settled = found != null && found.state() != null && found.state().succeeded();
            if (step.done() && settled) continue;
            if (cancelled.getAsBoolean()) throw new PoolForgeException("run.cancelled", step.name());
            StepRecord started = step.started(clock.instant());
            j = j.with(started);
            store.save(j);
            listener.stepStarted(started, i, steps.size());
            OperationMonitor monitor = monitor(started, listener, cancelled);
            StepRecord result;
            try {
                result = execute(plan, started, found, runTags, listener, monitor, cancelled);
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

    private StepRecord execute(Plan plan, StepRecord step, Found found, Map<String, String> tags, Listener listener,
                               OperationMonitor monitor, BooleanSupplier cancelled) {
        Standing standing = found == null ? Standing.ABSENT : found.standing();
        ResourceState state = found == null ? null : found.state();
        if (standing == Standing.REUSABLE) {
            ResourceState done = awaitSettled(plan, step, state, listener, cancelled);
            if (!done.succeeded()) throw new PoolForgeException("run.error.conflictFailed", null, "Conflict", null,
                    step.name(), done.provisioningState(), step.resourceId());
            return step.succeeded(clock.instant(), done.id(), false);
        }
        if (standing == Standing.OURS && state.settling()) {
            listener.stepProgress(step, state.provisioningState(), -1);
            state = awaitSettled(plan, step, state, listener, cancelled);
        }
        if (standing == Standing.OURS && state.succeeded()) return step.succeeded(clock.instant(), state.id(), true);
        if (standing == Standing.OURS) {
            // This run made it and Azure says Failed: the same PUT again makes it anew (ARM updates by name).
            listener.stepProgress(step, "Failed: re-creating", -1);
        }
        create(plan, step, tags, monitor);
        ResourceState after = read(plan, step).orElseThrow(() -> new PoolForgeException("run.error.vanished", step.name(), step.resourceId()));
        after = awaitSettled(plan, step, after, listener, cancelled);
        if (!after.succeeded()) {
            throw new PoolForgeException("run.error.stateFailed", null, after.provisioningState(), null, step.name(),
                    after.provisioningState(), step.resourceId());
        }
        return step.succeeded(clock.instant(), after.id() == null ? step.resourceId() : after.id(), true);
    }

    private void create(Plan plan, StepRecord step, Map<String, String> tags, OperationMonitor monitor) {
        switch (step.kind()) {
            case SNAPSHOT -> {
                Plan.Snapshots s = plan.snapshots();
                compute.createSnapshot(s.subscriptionId(), s.resourceGroup(), step.name(), s.location(), sourceDisk(plan, step.name()),
                        tags, monitor);
            }
            case GALLERY -> {
                Plan.Image img = plan.image();
                compute.createGallery(img.subscriptionId(), img.resourceGroup(), step.name(), img.location(), tags, monitor);
            }
            case IMAGE_DEFINITION -> compute.createImageDefinition(plan.imagePlan(), tags, monitor);
            case IMAGE_VERSION -> {
                if (plan.fromExistingImage()) throw new PoolForgeException("run.error.noImage", step.resourceId());
                compute.createImageVersion(plan.imagePlan(), osSnapshotId(plan), dataSnapshotIds(plan), tags, monitor);
            }
            case MANAGED_IMAGE -> compute.createManagedImage(plan.imagePlan(), osSnapshotId(plan), dataSnapshotIds(plan), tags, monitor);
            case POOL -> {
                BatchAccountInfo account = account(plan);
                try {
                    batch.createPoolIfAbsent(account, plan.poolPlan(), tags);
                } catch (PoolForgeException e) {
                    if (!"azure.error.poolExists".equals(e.key())) throw e;
                    // Made meanwhile: ours if an earlier attempt of this run got through, else someone else's.
                    var now = batch.poolState(account, plan.pool().poolId());
                    if (now.isEmpty() || !tags.get(ResourceState.RUN_TAG).equals(now.get().runTag())) {
                        throw new PoolForgeException("run.error.poolExists", e, "PreconditionFailed", null, plan.pool().poolId(),
                                plan.pool().batchAccount().name(), now.map(ResourceState::runTag).orElse("-"), step.resourceId());
                    }
                }
            }
            default -> throw new IllegalStateException(step.kind().name());
        }
    }

    /** Reads the resource again until it is no longer Creating/Updating (progress each time); cancellable. */
    private ResourceState awaitSettled(Plan plan, StepRecord step, ResourceState state, Listener listener, BooleanSupplier cancelled) {
        ResourceState s = state;
        while (s.settling()) {
            listener.stepProgress(step, s.provisioningState(), -1);
            long until = System.nanoTime() + settleDelay.toNanos();
            while (System.nanoTime() < until) {
                if (cancelled.getAsBoolean()) throw new PoolForgeException("run.cancelled", step.name());
                try {
                    Thread.sleep(Math.max(1, Math.min(100, (until - System.nanoTime()) / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PoolForgeException("run.cancelled", step.name());
                }
            }
            s = read(plan, step).orElseThrow(() -> new PoolForgeException("run.error.vanished", step.name(), step.resourceId()));
        }
        return s;
    }

    /**
     * Deletes what the run made, in dependency order (pool, image version, image definition or managed image,
     * gallery, snapshots), deciding by Azure's tags: a resource tagged with the run's id is deleted; one without a
     * run tag is deleted only when the journal says the run created it (runs from before the tags); one tagged
     * with another run is never deleted. Works without a journal ({@code journal} from {@link RunSteps#newJournal}).
     * Returns the ids deleted.
     */
    public List<String> cleanUp(Plan plan, Journal journal, Listener listener, BooleanSupplier cancelled) {
        List<StepRecord> order = cleanUpTargets(plan, journal, cancelled);
        List<String> deleted = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            StepRecord step = order.get(i);
            if (cancelled.getAsBoolean()) throw new PoolForgeException("run.cancelled", step.resourceId());
            listener.stepStarted(step, i, order.size());
            OperationMonitor m = monitor(step, listener, cancelled);
            switch (step.kind()) {
                case POOL -> batch.deletePool(account(plan), plan.pool().poolId(), m);
                case IMAGE_VERSION -> compute.deleteImageVersion(step.resourceId(), m);
                case IMAGE_DEFINITION -> compute.deleteImageDefinition(step.resourceId(), m);
                case MANAGED_IMAGE -> compute.deleteManagedImage(step.resourceId(), m);
                case GALLERY -> compute.deleteGallery(step.resourceId(), m);
                case SNAPSHOT -> compute.deleteSnapshot(step.resourceId(), m);
                default -> throw new IllegalStateException(step.kind().name());
            }
            deleted.add(step.resourceId());
            listener.stepFinished(step, i, order.size());
        }
        return deleted;
    }

    /**
     * What {@link #cleanUp} deletes, in its order (PF-22: the preview shows exactly this list): each step's resource
     * that exists and is this run's (tagged with its id, or untagged and recorded as created by it).
     */
    public List<StepRecord> cleanUpTargets(Plan plan, Journal journal, BooleanSupplier cancelled) {
        List<StepRecord> out = new ArrayList<>();
        for (StepRecord step : journal.steps().stream().sorted(Comparator.comparing(StepRecord::kind)).toList()) {
            if (cancelled.getAsBoolean()) throw new PoolForgeException("run.cancelled", step.resourceId());
            Optional<ResourceState> st = read(plan, step);
            if (st.isEmpty()) continue;
            String owner = st.get().runTag();
            if (journal.runId().equals(owner) || (owner == null && step.done() && Boolean.TRUE.equals(step.created()))) out.add(step);
        }
        return List.copyOf(out);
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

    private static Map<String, String> withRun(Map<String, String> tags, String runId, String planSha256) {
        Map<String, String> out = new LinkedHashMap<>(tags == null ? Map.of() : tags);
        out.put(ResourceState.RUN_TAG, runId);
        out.put(ResourceState.PLAN_TAG, planSha256);
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
