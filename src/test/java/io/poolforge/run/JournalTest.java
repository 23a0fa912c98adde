package io.poolforge.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.plan.Plan;
import io.poolforge.plan.PlanCodec;
import io.poolforge.plan.TestPlans;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JournalTest {
    static final Instant T0 = Instant.parse("2026-05-01T14:22:33Z");
    static final RunId RUN = RunId.create(T0, new SplittableRandom(7));

    static Journal journal(java.nio.file.Path plan) {
        Plan resolved = RunSteps.resolve(TestPlans.plan(plan), RUN);
        return RunSteps.newJournal(resolved, RUN, new PlanCodec(), T0);
    }

    @Test
    void runIdsAreTimeStampedAndSeedStableRequestIds() {
        assertThat(RUN.value()).matches("20260501-142233-[0-9a-f]{4}");
        assertThat(RUN.started()).isEqualTo(T0);
        assertThat(RUN.imageVersion()).isEqualTo("2026.501.142233");
        assertThat(RUN.requestId("pool")).isEqualTo(RUN.requestId("pool")).isNotEqualTo(RUN.requestId("gallery"));
    }

    @Test
    void stepsFollowThePlanWithNamesAndIdsKnownBeforehand() {
        Journal gallery = journal(TestPlans.GALLERY);
        assertThat(gallery.steps()).extracting(StepRecord::id)
                .containsExactly("snapshot-os", "gallery", "image-definition", "image-version", "pool");
        assertThat(gallery.step("pool").resourceId()).isEqualTo("/subscriptions/5a4db0c0-0000-4000-8000-0000000000a1"
                + "/resourceGroups/rg-batch/providers/Microsoft.Batch/batchAccounts/pfdemobatchweu/pools/render-ubuntu2204");
        Journal managed = journal(TestPlans.MANAGED);
        assertThat(managed.steps()).extracting(StepRecord::id)
                .containsExactly("snapshot-os", "snapshot-lun0", "snapshot-lun1", "managed-image", "pool");
        assertThat(managed.step("snapshot-lun1").name()).isEqualTo("vm-render-datadisks-lun1-" + RUN.value());
        assertThat(managed.steps()).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(StepStatus.PENDING);
            assertThat(s.requestId()).isEqualTo(RUN.requestId(s.id()));
        });
    }

    @Test
    void firstUnfinishedStepWalksForwardAndKnowsWhenTheOutcomeIsUnknown() {
        Journal j = journal(TestPlans.GALLERY);
        assertThat(j.firstUnfinished()).map(StepRecord::id).contains("snapshot-os");
        j = j.with(j.step("snapshot-os").started(T0));
        assertThat(j.firstUnfinished()).get().satisfies(s -> {
            assertThat(s.id()).isEqualTo("snapshot-os");
            assertThat(s.outcomeUnknown()).isTrue();
            assertThat(s.attempts()).isEqualTo(1);
        });
        j = j.with(j.step("snapshot-os").succeeded(T0.plusSeconds(30), null, true));
        j = j.with(j.step("gallery").started(T0).succeeded(T0, null, false));
        j = j.with(j.step("image-definition").started(T0).withOperation("op-1").failed(T0, "Conflict", "nope"));
        assertThat(j.firstUnfinished()).map(StepRecord::id).contains("image-definition");
        StepRecord retried = j.step("image-definition").started(T0.plusSeconds(60));
        assertThat(retried.attempts()).isEqualTo(2);
        assertThat(retried.requestId()).isEqualTo(j.step("image-definition").requestId());
        for (String id : new String[] {"image-definition", "image-version", "pool"}) {
            j = j.with(j.step(id).started(T0).succeeded(T0, null, true));
        }
        assertThat(j.firstUnfinished()).isEmpty();
        assertThat(j.complete()).isTrue();
    }

    @Test
    void createdResourcesComeInCleanUpOrderAndLeaveOutWhatExistedBefore() {
        Journal j = journal(TestPlans.MANAGED);
        for (StepRecord s : j.steps()) j = j.with(s.started(T0).succeeded(T0, null, true));
        assertThat(j.createdResources()).extracting(CreatedResource::stepId)
                .containsExactly("pool", "managed-image", "snapshot-os", "snapshot-lun0", "snapshot-lun1");

        Journal g = journal(TestPlans.GALLERY);
        g = g.with(g.step("snapshot-os").started(T0).succeeded(T0, null, true));
        g = g.with(g.step("gallery").started(T0).succeeded(T0, null, false));
        g = g.with(g.step("image-definition").started(T0).succeeded(T0, null, true));
        g = g.with(g.step("image-version").started(T0).withOperation("https://op/1"));
        assertThat(g.createdResources()).extracting(CreatedResource::kind)
                .containsExactly(StepKind.IMAGE_DEFINITION, StepKind.SNAPSHOT);
        assertThat(g.uncertainResources()).extracting(CreatedResource::stepId).containsExactly("image-version");
    }

    @Test
    void errorMessagesAreMasked() {
        StepRecord s = journal(TestPlans.GALLERY).step("pool").started(T0)
                .failed(T0, "AuthenticationFailed", "Authorization: Bearer abc.def.ghi was refused");
        assertThat(s.errorMessage()).doesNotContain("abc.def.ghi").contains("***");
    }
}
