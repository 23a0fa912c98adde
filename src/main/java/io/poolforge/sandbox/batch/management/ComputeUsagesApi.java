package io.poolforge.sandbox.batch.management;

import io.poolforge.sandbox.arm.Arm;
import io.poolforge.sandbox.batch.engine.RegionalUsage;
import io.poolforge.sandbox.http.Response;
import io.poolforge.sandbox.http.Router;
import io.poolforge.sandbox.state.Platform;

/** {@code GET /subscriptions/{sub}/providers/Microsoft.Compute/locations/{loc}/usages}: from {@link RegionalUsage}. */
public final class ComputeUsagesApi {
    private final Platform p;
    private final BatchPools pools;

    public ComputeUsagesApi(Platform p, BatchPools pools) {
        this.p = p;
        this.pools = pools;
    }

    public void register(Router r) {
        r.add("compute-usages", "GET", Arm.SUB + "/providers/Microsoft\\.Compute/locations/(?<loc>[^/]+)/usages", Router.Plane.ARM, q -> {
            Arm.requireGroup(p, q.param("sub"), null);
            return Response.ok(new RegionalUsage(p).list(pools.runs(), q.param("sub"), q.param("loc")));
        });
    }
}
