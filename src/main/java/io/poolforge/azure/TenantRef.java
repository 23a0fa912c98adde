package io.poolforge.azure;

/** A Microsoft Entra tenant the account can use. */
public record TenantRef(String tenantId, String displayName, String defaultDomain) {
}
