package io.poolforge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolforge.azure.sdk.SdkClients;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sandbox's Microsoft.Authorization APIs (PF-17) in ARM's shapes: "Management Locks - List At Resource Level"
 * returns the locks of the scopes above the resource too (as the spec's ListAtResourceLevel example shows, read
 * 2026-12-07), locks are created and deleted at any scope, and "Permissions - List For Resource" answers actions and
 * notActions.
 */
class AuthorizationApiTest {
    @RegisterExtension
    static final SandboxExtension SB = new SandboxExtension(b -> b.scenario("diagnose"));
    static final String SUB = "5a4db0c0-0000-4000-8000-0000000000a1";
    static final String DEF = "/subscriptions/" + SUB + "/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/gal_pf_images/images/ubuntu2204-locked";
    static final String RENDER = "/subscriptions/" + SUB + "/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/gal_pf_images/images/ubuntu2204-render/versions/1.0.0";

    private int send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(SB.sandbox().armUrl() + path.substring(1)))
                .header("Authorization", "Bearer " + SB.token(SdkClients.ARM_SCOPE)).header("Content-Type", "application/json");
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody()) : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        return SB.send(b.build()).statusCode();
    }

    @Test
    void theListAtAVersionIncludesTheLockOnItsDefinition() {
        JsonNode list = SandboxExtension.json(SB.get(DEF + "/versions/1.0.0/providers/Microsoft.Authorization/locks?api-version=2020-05-01").body());
        assertThat(list.path("value")).hasSize(1);
        JsonNode lock = list.path("value").get(0);
        assertThat(lock.path("id").asText()).isEqualTo(DEF + "/providers/Microsoft.Authorization/locks/freeze-render-image");
        assertThat(lock.path("type").asText()).isEqualTo("Microsoft.Authorization/locks");
        assertThat(lock.path("name").asText()).isEqualTo("freeze-render-image");
        assertThat(lock.at("/properties/level").asText()).isEqualTo("ReadOnly");
        assertThat(SandboxExtension.json(SB.get(RENDER + "/providers/Microsoft.Authorization/locks?api-version=2020-05-01").body())
                .path("value")).isEmpty();
    }

    @Test
    void aLockPutOnTheResourceGroupAppliesToEveryImageInItAndCanBeDeleted() {
        String rgLock = "/subscriptions/" + SUB + "/resourceGroups/rg-images/providers/Microsoft.Authorization/locks/keep-images";
        assertThat(send("PUT", rgLock + "?api-version=2020-05-01", "{\"properties\":{\"level\":\"CanNotDelete\"}}")).isEqualTo(200);
        assertThat(SandboxExtension.json(SB.get(RENDER + "/providers/Microsoft.Authorization/locks?api-version=2020-05-01").body())
                .path("value")).extracting(v -> v.path("name").asText()).containsExactly("keep-images");
        assertThat(send("PUT", rgLock + "?api-version=2020-05-01", "{\"properties\":{\"level\":\"Sometimes\"}}")).isEqualTo(400);
        assertThat(send("DELETE", rgLock + "?api-version=2020-05-01", null)).isEqualTo(200);
        assertThat(SandboxExtension.json(SB.get(RENDER + "/providers/Microsoft.Authorization/locks?api-version=2020-05-01").body())
                .path("value")).isEmpty();
    }

    @Test
    void permissionsListActionsAndNotActions() {
        JsonNode p = SandboxExtension.json(SB.get(RENDER + "/providers/Microsoft.Authorization/permissions?api-version=2022-04-01").body());
        assertThat(p.path("value")).hasSize(1);
        assertThat(p.at("/value/0/actions/0").asText()).isEqualTo("*");
        assertThat(p.at("/value/0/notActions").isArray()).isTrue();
        assertThat(SB.get("/subscriptions/" + SUB + "/resourceGroups/rg-nothing/providers/Microsoft.Compute/galleries/g/providers/"
                + "Microsoft.Authorization/permissions?api-version=2022-04-01").statusCode()).isEqualTo(404);
    }
}
