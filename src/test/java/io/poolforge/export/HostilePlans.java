package io.poolforge.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.plan.Plan;
import io.poolforge.plan.PlanCodec;
import io.poolforge.plan.PlanNames;
import io.poolforge.plan.TestPlans;
import java.nio.file.Path;

/** Plans whose user-given names try to break out of the scripts' quoting. */
final class HostilePlans {
    static final String SNAPSHOT = "snap'; touch pwned; echo '";
    static final String GROUP = "rg $(touch pwned) `touch pwned` ${HOME}";
    static final String GALLERY = "gal\"; touch pwned; \"\u2019 $x";
    static final String POOL = "pool'\"$(touch pwned)";
    static final String DISPLAY = "Line 1\nLine 2 \"quoted\" '@ \\ $(x)";
    static final String PLAN_NAME = "demo\ntouch pwned";

    private HostilePlans() {
    }

    static Plan resolved(Path example) {
        ObjectNode t = TestPlans.tree(example);
        t.put("name", PLAN_NAME);
        t = TestPlans.edit(t, "/snapshots/osDisk/snapshotName", SNAPSHOT);
        t = TestPlans.edit(t, "/snapshots/resourceGroup", GROUP);
        t = TestPlans.edit(t, "/image/resourceGroup", GROUP);
        if (t.at("/image/gallery").isObject()) t = TestPlans.edit(t, "/image/gallery/name", GALLERY);
        t = TestPlans.edit(t, "/pool/poolId", POOL);
        t = TestPlans.edit(t, "/pool/displayName", DISPLAY);
        PlanCodec codec = new PlanCodec();
        return PlanNames.resolveForExport(codec.parse(t.toString(), "hostile").plan(), codec);
    }

    static Plan resolvedExample(Path example) {
        PlanCodec codec = new PlanCodec();
        return PlanNames.resolveForExport(codec.read(example).plan(), codec);
    }
}
