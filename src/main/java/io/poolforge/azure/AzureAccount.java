package io.poolforge.azure;

/** Who is signed in (never a token). */
public record AzureAccount(String username, String tenantId, AzureEndpoints.Cloud cloud) {
}
