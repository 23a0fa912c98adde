package io.poolforge.run;

import io.poolforge.azure.BatchGateway;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.PoolInfo;
import io.poolforge.plan.Plan;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * The "rebuild the image" remedy for a pool PoolForge made: its run's plan says which VM disks,
 * snapshots, gallery, definition and version the image came from. Running that plan again under a
 * new run id reuses everything that still exists (snapshots, gallery, definition, the pool) and
 * makes again only what is missing — the image version, at the same id the pool points to — then
 * the pool is resized again to its target.
 */
public final class ImageRebuilder {
    private final PlanRunner runner;
    private final JournalStore store;
    private final BatchGateway batch;
    private final Clock clock;

    public ImageRebuilder(PlanRunner runner, JournalStore store, BatchGateway batch, Clock clock) {
        this.runner = runner;
        this.store = store;
        this.batch = batch;
        this.clock = clock;
    }

    /** The plan of the newest run that made pool {@code poolId} in Batch account {@code accountName}, if any. */
    public Optional<Plan> planOf(String accountName, String poolId) {
        for (Journal j : store.all()) {
            Plan p = store.plan(j);
            if (p.pool() != null && poolId.equalsIgnoreCase(p.pool().poolId()) && p.pool().batchAccount() != null
                    && accountName.equalsIgnoreCase(p.pool().batchAccount().name())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Makes again what is missing of the plan's image (journal first), then resizes the pool to its target. */
    public Journal rebuild(Plan plan, PoolInfo pool, PlanRunner.Listener listener, BooleanSupplier cancelled) {
        Journal journal = store.start(plan, RunId.create(clock.instant(), new Random()), clock.instant());
        // The earlier runs of this pool's plan made what the rebuild reuses (snapshots, definition, the pool): adopt them.
        java.util.Set<String> earlier = new java.util.HashSet<>();
        for (Journal j : store.all()) {
            if (j.runId().equals(journal.runId())) continue;
            Plan p = store.plan(j);
            if (p.pool() != null && pool.id().equalsIgnoreCase(p.pool().poolId())) earlier.add(j.runId());
        }
        Journal done = runner.run(store.plan(journal), journal, Map.of("createdBy", "PoolForge", "poolforge-remedy", "rebuild-image"),
                listener, cancelled, earlier, null);
        BatchAccountInfo account = PlanRunner.account(plan);
        batch.resizePool(account, pool.id(), pool.targetDedicatedNodes(), pool.targetLowPriorityNodes(),
                pool.resizeTimeout() == null ? plan.resizeTimeout() : pool.resizeTimeout());
        return done;
    }
}
