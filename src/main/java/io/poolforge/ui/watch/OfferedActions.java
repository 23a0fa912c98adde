package io.poolforge.ui.watch;

import io.poolforge.domain.AllocationState;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.diagnose.Action;
import io.poolforge.domain.diagnose.Diagnosis;
import io.poolforge.domain.rules.ResizePlanner;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The actions a pool watch offers: those PoolForge can perform that the diagnoses and the pool's state call for. */
final class OfferedActions {
    private static final Set<Action> PERFORMABLE = EnumSet.of(Action.RESIZE_AGAIN, Action.RESIZE_IN_STEPS,
            Action.STOP_RESIZE, Action.RAISE_TIMEOUT, Action.OPEN_QUOTA_REQUEST, Action.RESTORE_IMAGE,
            Action.REBUILD_IN_GALLERY, Action.RECREATE_POOL);

    private OfferedActions() {
    }

    /** The performable actions: the diagnoses' (not stale) first, then what the pool's state allows. */
    static List<Action> of(PoolInfo p, List<Diagnosis> found) {
        Set<Action> out = new LinkedHashSet<>();
        for (Diagnosis d : found) {
            if (d.stale()) continue;
            out.add(d.action());
            out.addAll(d.alternatives());
        }
        if (p.allocationState() == AllocationState.RESIZING) out.add(Action.STOP_RESIZE);
        if (p.allocationState() == AllocationState.STEADY && p.currentNodes() < p.targetNodes()) {
            out.add(Action.RESIZE_AGAIN);
            if (p.targetNodes() - p.currentNodes() > ResizePlanner.STEP_NODES) out.add(Action.RESIZE_IN_STEPS);
        }
        out.retainAll(PERFORMABLE);
        if (p.allocationState() != AllocationState.RESIZING) out.remove(Action.STOP_RESIZE);
        if (out.contains(Action.RESIZE_IN_STEPS) && p.targetNodes() <= ResizePlanner.STEP_NODES) {
            out.remove(Action.RESIZE_IN_STEPS);
        }
        if (p.allocationState() != AllocationState.STEADY) {
            out.removeAll(EnumSet.of(Action.RESIZE_AGAIN, Action.RESIZE_IN_STEPS, Action.RAISE_TIMEOUT));
        }
        return List.copyOf(out);
    }
}
