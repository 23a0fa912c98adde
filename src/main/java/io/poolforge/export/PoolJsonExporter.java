package io.poolforge.export;

import io.poolforge.domain.PoolBody;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolforge.plan.Plan;
import io.poolforge.plan.PlanJson;

/**
 * The pool as JSON: the management-plane request body ({@code PUT .../batchAccounts/{account}/pools/{pool}}, the shape of
 * the REST example PoolCreate_SharedImageGallery; {@code az rest --method put}), or the Batch service's "Add pool" body
 * ({@code virtualMachineImageId}, {@code nodeAgentSKUId}; {@code az batch pool create --json-file}). Fixed scale settings.
 */
public final class PoolJsonExporter extends ChainExporter<StringBuilder> {
    private final ObjectMapper mapper = PlanJson.newMapper();
    private final boolean dataPlane;

    /** @param dataPlane the Batch service's body instead of the management plane's */
    public PoolJsonExporter(boolean dataPlane) {
        this.dataPlane = dataPlane;
    }

    public PoolJsonExporter() {
        this(false);
    }

    @Override
    protected StringBuilder begin(Plan plan) {
        return new StringBuilder();
    }

    /** The pool only: the image steps have nothing to write (the pool refers to the image by id). */
    @Override
    protected void pool(StringBuilder out, Plan plan) {
        var pool = plan.poolPlan();
        out.append(PlanJson.pretty(mapper, mapper.valueToTree(dataPlane ? PoolBody.dataPlane(pool) : PoolBody.management(pool, java.util.Map.of()))));
    }

    @Override
    protected String end(StringBuilder out, Plan plan) {
        return out.toString();
    }
}
