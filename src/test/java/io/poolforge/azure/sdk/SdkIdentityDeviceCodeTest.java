package io.poolforge.azure.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.management.profile.AzureProfile;
import io.poolforge.azure.AzureAccount;
import io.poolforge.azure.AzureEndpoints;
import io.poolforge.azure.SubscriptionRef;
import io.poolforge.sandbox.Sandbox;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device-code fallback (machines without a browser): the real DeviceCodeCredential against
 * the sandbox's devicecode and token endpoints. The code is shown to the user; the sandbox accepts
 * it at once (nobody is there to type it).
 */
class SdkIdentityDeviceCodeTest {
    @TempDir
    Path home;

    @Test
    void showsTheCodeSignsInAndUsesTheToken() {
        List<String> log = new CopyOnWriteArrayList<>();
        try (Sandbox sb = Sandbox.builder().timeScale(0).requestLog(log::add).start()) {
            AzureEndpoints endpoints = AzureEndpoints.sandbox(URI.create(sb.armUrl()), URI.create(sb.authorityHost()), sb.certificatePath());
            Path record = home.resolve("auth-record.json");
            SdkIdentity identity = new SdkIdentity(endpoints, SdkClients.trustingHttpClient(sb.certificatePath()),
                    new AzureProfile(sb.tenantId(), null, SdkClients.environment(sb.armUrl())), null, record);
            List<String> shown = new CopyOnWriteArrayList<>();

            AzureAccount account = identity.signInWithDeviceCode(sb.tenantId(), (url, code) -> shown.add(url + " " + code));

            assertThat(shown).hasSize(1);
            assertThat(shown.get(0)).startsWith(sb.authorityHost()).contains("devicelogin").matches(".* [A-Z0-9]{8}");
            assertThat(account.username()).isEqualTo("user@sandbox.poolforge.invalid");
            assertThat(log).anyMatch(l -> l.contains("POST /" + sb.tenantId() + "/oauth2/v2.0/devicecode"));
            assertThat(log).noneMatch(l -> l.contains("/oauth2/v2.0/authorize"));
            assertThat(identity.subscriptions()).extracting(SubscriptionRef::displayName).contains("PoolForge Demo (Production)");
            assertThat(Files.exists(record)).isTrue();
            identity.signOut();
            assertThat(Files.exists(record)).isFalse();
        }
    }
}
