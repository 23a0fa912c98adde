package io.poolforge.azure;

/** A subscription the account can use, with whether Microsoft.Batch is registered in it. */
public record SubscriptionRef(String subscriptionId, String displayName, String tenantId, String state) {
}
