package io.poolforge.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The journal of one run: the plan it executes (by digest), and its steps in execution order with
 * their intents and results. Immutable; {@link JournalStore} writes each new state atomically.
 *
 * @param planSha256 digest of the run's resolved plan ({@code PlanCodec.sha256}); a resume refuses another plan
 * @param firstNode PF-19: the pool step's "first node" stage, null when the run has none (or has not reached it)
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record Journal(int journalVersion, String runId, String planSha256, Instant createdAt, List<StepRecord> steps,
                      FirstNode firstNode) {
    public static final int CURRENT_VERSION = 1;

    public Journal {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(planSha256, "planSha256");
        steps = List.copyOf(steps);
    }

    /** A journal without a first-node stage. */
    public Journal(int journalVersion, String runId, String planSha256, Instant createdAt, List<StepRecord> steps) {
        this(journalVersion, runId, planSha256, createdAt, steps, null);
    }

    /** This journal with the first-node stage as given (PF-19). */
    public Journal with(FirstNode stage) {
        return new Journal(journalVersion, runId, planSha256, createdAt, steps, stage);
    }

    /** The step to do next: the first one not SUCCEEDED, in order (empty when the run is complete). */
    public Optional<StepRecord> firstUnfinished() {
        return steps.stream().filter(s -> !s.done()).findFirst();
    }

    @JsonIgnore
    public boolean complete() { return firstUnfinished().isEmpty(); }

    public StepRecord step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No step " + stepId));
    }

    /** This journal with {@code updated} in place of the step of the same id. */
    public Journal with(StepRecord updated) {
        step(updated.id());
        List<StepRecord> out = new ArrayList<>(steps.size());
        for (StepRecord s : steps) out.add(s.id().equals(updated.id()) ? updated : s);
        return new Journal(journalVersion, runId, planSha256, createdAt, out, firstNode);
    }

    /**
     * What this run created, in clean-up order (pool, image version, image definition or managed image,
     * gallery, snapshots): only resources the run itself created, never ones it found existing.
     */
    public List<CreatedResource> createdResources() {
        return steps.stream()
                .filter(s -> s.done() && Boolean.TRUE.equals(s.created()) && s.resourceId() != null)
                .sorted(Comparator.comparing(StepRecord::kind))
                .map(s -> new CreatedResource(s.kind(), s.resourceId(), s.id()))
                .toList();
    }

    /**
     * Resources the run may have created but has no result for (intent written, or failed after Azure
     * accepted the operation), in clean-up order: look each up, and ask before deleting it.
     */
    public List<CreatedResource> uncertainResources() {
        return steps.stream()
                .filter(s -> s.outcomeUnknown() || (s.status() == StepStatus.FAILED && s.operationId() != null))
                .sorted(Comparator.comparing(StepRecord::kind))
                .map(s -> new CreatedResource(s.kind(), s.resourceId(), s.id()))
                .toList();
    }
}
