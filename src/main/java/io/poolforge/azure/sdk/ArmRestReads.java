package io.poolforge.azure.sdk;

import com.azure.core.util.Context;
import com.azure.resourcemanager.compute.fluent.ComputeManagementClient;
import io.poolforge.domain.PoolForgeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ARM reads the compute SDK has no client for (resource locks, the caller's permissions, a resource provider's
 * registration), sent as plain GETs through the subscription's compute client pipeline: the same credential, retry
 * policy and sandbox trust. Split out of {@link SdkComputeGateway}, which delegates to it.
 */
final class ArmRestReads {
    private final Function<String, ComputeManagementClient> clients;

    ArmRestReads(Function<String, ComputeManagementClient> clients) {
        this.clients = clients;
    }

    /** Management Locks - List At Resource Level (api 2020-05-01): the resource's locks and those inherited from above. */
    static final String LOCKS_API = "2020-05-01";
    /** Permissions - List For Resource (Microsoft.Authorization, api 2022-04-01). */
    static final String PERMISSIONS_API = "2022-04-01";

    public List<io.poolforge.domain.ResourceLock> locksOn(String resourceId) {
        ResourceId id = ResourceId.parse(resourceId);
        return SdkComputeGateway.call(id.name(), () -> {
            List<io.poolforge.domain.ResourceLock> out = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode l : armList(id.subscriptionId(), resourceId
                    + "/providers/Microsoft.Authorization/locks?api-version=" + LOCKS_API)) {
                String lockId = l.path("id").asText();
                int at = lockId.toLowerCase(java.util.Locale.ROOT).lastIndexOf("/providers/microsoft.authorization/locks/");
                out.add(new io.poolforge.domain.ResourceLock(l.path("name").asText(), l.path("properties").path("level").asText(),
                        at < 0 ? lockId : lockId.substring(0, at)));
            }
            return out;
        });
    }

    public List<io.poolforge.domain.RolePermission> permissionsOn(String resourceId) {
        ResourceId id = ResourceId.parse(resourceId);
        return SdkComputeGateway.call(id.name(), () -> {
            List<io.poolforge.domain.RolePermission> out = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode p : armList(id.subscriptionId(), resourceId
                    + "/providers/Microsoft.Authorization/permissions?api-version=" + PERMISSIONS_API)) {
                out.add(new io.poolforge.domain.RolePermission(strings(p.path("actions")), strings(p.path("notActions"))));
            }
            return out;
        });
    }

    private static List<String> strings(com.fasterxml.jackson.databind.JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(x -> out.add(x.asText()));
        return out;
    }

    /** GETs an ARM list ({@code value}, following {@code nextLink}) with the subscription's authenticated pipeline. */
    private List<com.fasterxml.jackson.databind.JsonNode> armList(String subscriptionId, String pathAndQuery) {
        ComputeManagementClient c = clients.apply(subscriptionId);
        String base = c.getEndpoint().endsWith("/") ? c.getEndpoint().substring(0, c.getEndpoint().length() - 1) : c.getEndpoint();
        String url = base + pathAndQuery;
        List<com.fasterxml.jackson.databind.JsonNode> out = new ArrayList<>();
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int page = 0; url != null && page < 20; page++) {
            com.azure.core.http.HttpRequest req = new com.azure.core.http.HttpRequest(com.azure.core.http.HttpMethod.GET, url);
            try (com.azure.core.http.HttpResponse res = c.getHttpPipeline().sendSync(req, Context.NONE)) {
                String body = res.getBodyAsBinaryData() == null ? "" : res.getBodyAsBinaryData().toString();
                com.fasterxml.jackson.databind.JsonNode json;
                try {
                    json = body.isBlank() ? mapper.createObjectNode() : mapper.readTree(body);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                if (res.getStatusCode() >= 400) {
                    com.fasterxml.jackson.databind.JsonNode err = json.path("error");
                    String msg = err.path("message").asText("HTTP " + res.getStatusCode());
                    throw new com.azure.core.management.exception.ManagementException(msg, res,
                            new com.azure.core.management.exception.ManagementError(err.path("code").asText(null), msg));
                }
                json.path("value").forEach(out::add);
                String next = json.path("nextLink").asText(null);
                url = next == null || next.isBlank() ? null : next;
            }
        }
        return out;
    }

    /**
     * ARM "Providers - Get": {@code GET /subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}
     * ?api-version=2021-04-01}, whose {@code registrationState} is "Registered" once the subscription is registered
     * ("Azure resource providers and types",
     * https://learn.microsoft.com/azure/azure-resource-manager/management/resource-providers-and-types, read 2026-12-07:
     * "Before you use a resource provider, you must make sure your Azure subscription is registered for the resource
     * provider.").
     * A subscription this sign-in cannot reach answers 404 SubscriptionNotFound, 403 or 401
     * (InvalidAuthenticationTokenTenant for another tenant): empty. Sent through the compute client's own pipeline
     * (the same credential, retry and sandbox trust).
     */
    public Optional<String> providerState(String subscriptionId, String namespace) {
        ComputeManagementClient c = clients.apply(subscriptionId);
        String base = c.getEndpoint().endsWith("/") ? c.getEndpoint() : c.getEndpoint() + "/";
        String url = base + "subscriptions/" + java.net.URLEncoder.encode(subscriptionId, java.nio.charset.StandardCharsets.UTF_8)
                + "/providers/" + java.net.URLEncoder.encode(namespace, java.nio.charset.StandardCharsets.UTF_8) + "?api-version=2021-04-01";
        return SdkComputeGateway.call(namespace, () -> {
            try (com.azure.core.http.HttpResponse r = c.getHttpPipeline().sendSync(
                    new com.azure.core.http.HttpRequest(com.azure.core.http.HttpMethod.GET, url), Context.NONE)) {
                int status = r.getStatusCode();
                if (status == 401 || status == 403 || status == 404) return Optional.<String>empty();
                String body = r.getBodyAsBinaryData() == null ? "" : r.getBodyAsBinaryData().toString();
                if (status / 100 != 2) {
                    throw new PoolForgeException("azure.error.service", null, null, r.getHeaderValue("x-ms-request-id"),
                            namespace, status, io.poolforge.domain.SecretMasker.mask(body));
                }
                try {
                    com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
                    return Optional.of(n.path("registrationState").asText(""));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
    }
}
