package io.poolforge.domain.rules;

import io.poolforge.domain.LocalizedText;

import java.time.Duration;

/** One resize of a stepwise plan: the targets to set and the resize timeout to give it. */
public record ResizeStep(int step, int targetDedicatedNodes, int targetLowPriorityNodes, Duration resizeTimeout) {
    public int targetNodes() { return targetDedicatedNodes + targetLowPriorityNodes; }

    public LocalizedText text() {
        return LocalizedText.of("rule.pool.resizeStep", step, targetDedicatedNodes, targetLowPriorityNodes,
                resizeTimeout.toMinutes());
    }
}
