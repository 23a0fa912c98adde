package io.poolforge.sandbox;

/** {@code GET /subscriptions/{sub}/providers/Microsoft.Compute/locations/{loc}/usages}: from {@link RegionalUsage}. */
final class ComputeUsagesApi {
    private final Platform p;
    private final BatchPools pools;

    ComputeUsagesApi(Platform p, BatchPools pools) {
        this.p = p;
        this.pools = pools;
    }

    void register(Router r) {
        r.add("compute-usages", "GET", Arm.SUB + "/providers/Microsoft\\.Compute/locations/(?<loc>[^/]+)/usages", Router.Plane.ARM, q -> {
            Arm.requireGroup(p, q.param("sub"), null);
            return Response.ok(new RegionalUsage(p).list(pools.runs(), q.param("sub"), q.param("loc")));
        });
    }
}
