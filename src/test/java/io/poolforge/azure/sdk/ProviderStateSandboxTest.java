package io.poolforge.azure.sdk;

import static io.poolforge.azure.sdk.AdapterSandbox.SUB;
import static io.poolforge.azure.sdk.AdapterSandbox.SUB_DEV;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * PF-22: {@code ComputeGateway.providerState} through the real compute client's pipeline against the sandbox, which
 * answers ARM's "Providers - Get" from its state: Microsoft.Compute registered, Microsoft.Batch not registered in the
 * demo's development subscription, and a subscription outside the tenant unreachable (404 SubscriptionNotFound).
 */
class ProviderStateSandboxTest {
    @Test
    void registrationAndReachabilityComeFromArm() throws Exception {
        try (AdapterSandbox sb = AdapterSandbox.start(b -> b)) {
            assertThat(sb.compute().providerState(SUB, "Microsoft.Compute")).contains("Registered");
            assertThat(sb.compute().providerState(SUB, "Microsoft.Batch")).contains("Registered");
            assertThat(sb.compute().providerState(SUB_DEV, "Microsoft.Batch")).contains("NotRegistered");
            assertThat(sb.compute().providerState("0f0f0f0f-1111-4222-8333-444444444444", "Microsoft.Compute")).isEmpty();
            assertThat(sb.log()).anyMatch(l -> l.contains("GET /subscriptions/" + SUB_DEV + "/providers/Microsoft.Batch?api-version=2021-04-01 200"));
        }
    }
}
