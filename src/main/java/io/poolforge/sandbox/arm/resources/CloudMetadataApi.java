package io.poolforge.sandbox.arm.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.sandbox.http.ApiError;
import io.poolforge.sandbox.http.Json;
import io.poolforge.sandbox.http.Request;
import io.poolforge.sandbox.http.Response;
import io.poolforge.sandbox.http.Router;
import io.poolforge.sandbox.identity.Tokens;
import io.poolforge.sandbox.state.Platform;

/**
 * {@code GET /metadata/endpoints}: ARM's unauthenticated description of its cloud, which {@code az cloud register
 * --endpoint-resource-manager} and the SDKs' environment discovery read. Two shapes, as ARM serves them: api-version
 * 2015-01-01 (and 2018-01-01) answer one object ({@code galleryEndpoint}, {@code graphEndpoint}, {@code portalEndpoint},
 * {@code authentication}); 2019-05-01 and later (e.g. 2022-09-01) answer an array of clouds with {@code resourceManager},
 * {@code batch}, {@code suffixes}. The sandbox describes itself: its own login endpoint and ARM, the usual audiences.
 */
public final class CloudMetadataApi {
    static final String CLOUD_NAME = "PoolForgeSandbox";

    private final Platform p;

    public CloudMetadataApi(Platform p) {
        this.p = p;
    }

    public void register(Router r) {
        r.add("metadata-endpoints", "GET", "/metadata/endpoints", Router.Plane.PUBLIC, this::endpoints);
    }

    private Response endpoints(Request q) {
        String v = q.apiVersion();
        if (v == null) {
            throw new ApiError(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");
        }
        String base = p.base + "/";
        ObjectNode auth = Json.o("loginEndpoint", base, "audiences", Json.a(Tokens.ARM_AUDIENCE, "https://management.azure.com/"));
        if (v.compareTo("2019-05-01") < 0) {
            return Response.ok(Json.o("galleryEndpoint", base, "graphEndpoint", "https://graph.windows.net/", "portalEndpoint", base,
                    "authentication", auth));
        }
        auth.put("tenant", "common");
        auth.put("identityProvider", "AAD");
        ObjectNode cloud = Json.o("portal", base, "authentication", auth, "media", "https://rest.media.azure.net",
                "graphAudience", "https://graph.windows.net/", "graph", "https://graph.windows.net/", "name", CLOUD_NAME,
                "suffixes", Json.o("azureDataLakeStoreFileSystem", "azuredatalakestore.net", "acrLoginServer", "azurecr.io",
                        "sqlServerHostname", "database.windows.net", "azureDataLakeAnalyticsCatalogAndJob", "azuredatalakeanalytics.net",
                        "keyVaultDns", "vault.azure.net", "storage", "core.windows.net", "azureFrontDoorEndpointSuffix", "azurefd.net"),
                "batch", Tokens.BATCH_AUDIENCE, "resourceManager", base, "vmImageAliasDoc",
                "https://raw.githubusercontent.com/Azure/azure-rest-api-specs/master/arm-compute/quickstart-templates/aliases.json",
                "activeDirectoryDataLake", "https://datalake.azure.net/", "sqlManagement", "https://management.core.windows.net:8443/",
                "microsoftGraphResourceId", "https://graph.microsoft.com/", "gallery", base);
        return Response.json(200, Json.a(cloud));
    }
}
