package io.poolforge.ui.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.azure.NodeCounts;
import io.poolforge.domain.AllocationState;
import io.poolforge.domain.PoolInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PF-20: a pool with 9 of its 12 nodes broken is a problem, although it has no resize error. */
class PoolRowProblemsTest {
    private static PoolInfo pool(int current) {
        return new PoolInfo("render-custom-nodes", "Standard_D4s_v3", null, "batch.node.ubuntu 22.04", current, 0, current, 0,
                AllocationState.STEADY, null, Duration.ofMinutes(15), null, List.of(), false);
    }

    @Test
    void brokenNodesMakeThePoolAProblem() {
        // The sandbox's "nodes" pool: 3 idle, 6 unusable, 2 whose start task failed, 1 more unusable (lost contact).
        NodeCounts counts = new NodeCounts("render-custom-nodes", Map.of("idle", 3, "unusable", 7, "startTaskFailed", 2), Map.of());
        PoolRow row = new PoolRow(pool(12), null, counts);
        assertThat(row.problemNodes()).isEqualTo(9);
        assertThat(row.currentNodes()).isEqualTo(12);
        assertThat(row.hasErrors()).as("shown by 'With errors only'").isTrue();
    }

    @Test
    void healthyOrUncountedNodesAreNot() {
        assertThat(new PoolRow(pool(2), null, new NodeCounts("p", Map.of("idle", 2), Map.of())).hasErrors()).isFalse();
        assertThat(new PoolRow(pool(2), null).hasErrors()).isFalse();
    }
}
