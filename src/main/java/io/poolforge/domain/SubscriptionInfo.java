package io.poolforge.domain;

import java.util.Objects;

/** A subscription as far as the rules care: its tenant and whether the Microsoft.Batch provider is registered. */
public record SubscriptionInfo(String subscriptionId, String tenantId, boolean batchProviderRegistered) {
    public SubscriptionInfo {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
    }
}
