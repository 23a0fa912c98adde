package io.poolforge.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolforge.plan.Plan;
import io.poolforge.plan.PlanJson;

/**
 * The pool's management-plane request body ({@code PUT .../batchAccounts/{account}/pools/{pool}}),
 * the shape of the REST example PoolCreate_SharedImageGallery, with fixed scale settings.
 */
public final class PoolJsonExporter implements PlanExporter {
    private final ObjectMapper mapper = PlanJson.newMapper();

    @Override
    public String export(Plan plan) {
        return PlanJson.pretty(mapper, new PoolBodies(mapper).managementBody(plan));
    }
}
