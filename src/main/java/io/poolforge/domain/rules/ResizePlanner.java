package io.poolforge.domain.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Resize timeouts and stepwise resizes for custom-image pools. Sources: batch-custom-images
 * ("20–30 minutes for fixed-size pools; above 300 nodes you may need to resize several times"),
 * batch-sig-images ("at least 15 minutes per 1,000 VMs"), Batch REST (minimum 5, default 15 minutes).
 */
public final class ResizePlanner {
    public static final Duration MINIMUM_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);
    /** Lower end of the 20–30 minutes advised for fixed-size custom-image pools. */
    public static final Duration CUSTOM_IMAGE_TIMEOUT = Duration.ofMinutes(20);
    /** Pools above this many nodes may need several resizes. */
    public static final int STEP_NODES = 300;

    private ResizePlanner() {
    }

    /** The advised resize timeout for allocating {@code nodes} nodes of a custom image: max(20 min, 15 min per started 1,000). */
    public static Duration recommendedTimeout(int nodes) {
        long per1000 = 15L * ((Math.max(nodes, 0) + 999) / 1000);
        return Duration.ofMinutes(Math.max(CUSTOM_IMAGE_TIMEOUT.toMinutes(), per1000));
    }

    /** Steps from an empty pool to the targets. */
    public static List<ResizeStep> plan(int targetDedicated, int targetLowPriority) {
        return plan(0, 0, targetDedicated, targetLowPriority);
    }

    /**
     * Steps from the current counts to the targets, each adding at most {@link #STEP_NODES} nodes,
     * dedicated and low-priority growing in proportion; one step when the growth is at most 300.
     * Shrinking (or no change) is one step.
     */
    public static List<ResizeStep> plan(int currentDedicated, int currentLowPriority, int targetDedicated,
                                        int targetLowPriority) {
        int d0 = Math.max(0, currentDedicated);
        int l0 = Math.max(0, currentLowPriority);
        int d1 = Math.max(0, targetDedicated);
        int l1 = Math.max(0, targetLowPriority);
        int growD = Math.max(0, d1 - d0);
        int growL = Math.max(0, l1 - l0);
        int grow = growD + growL;
        int steps = Math.max(1, (grow + STEP_NODES - 1) / STEP_NODES);
        List<ResizeStep> out = new ArrayList<>(steps);
        int prevTotal = d0 + l0;
        for (int k = 1; k <= steps; k++) {
            int d = k == steps ? d1 : d0 + (int) Math.round((double) growD * k / steps);
            int l = k == steps ? l1 : l0 + (int) Math.round((double) growL * k / steps);
            int added = Math.max(0, d + l - prevTotal);
            out.add(new ResizeStep(k, d, l, recommendedTimeout(added)));
            prevTotal = d + l;
        }
        return List.copyOf(out);
    }
}
