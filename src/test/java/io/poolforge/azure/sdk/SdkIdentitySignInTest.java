package io.poolforge.azure.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.azure.core.management.profile.AzureProfile;
import io.poolforge.azure.AzureAccount;
import io.poolforge.azure.AzureEndpoints;
import io.poolforge.azure.SubscriptionRef;
import io.poolforge.azure.TenantRef;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.sandbox.Sandbox;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-in with the REAL InteractiveBrowserCredential (MSAL, PKCE, localhost redirect, form_post) against the sandbox's
 * authority. MSAL starts "the browser" with xdg-open: surefire puts src/test/resources/fake-browser first on PATH, whose
 * xdg-open runs FakeBrowser.java: it GETs the authorize URL (trusting the sandbox's certificate, which the sandbox wrote
 * to java.io.tmpdir/poolforge-sandbox/sandbox-PORT.pem), reads the auto-submitting form and POSTs code and state to
 * the redirect.
 */
class SdkIdentitySignInTest {
    @TempDir
    Path home;

    @Test
    void signsInThroughTheBrowserUsesTheTokenAndSignsOut() {
        List<String> log = new CopyOnWriteArrayList<>();
        try (Sandbox sb = Sandbox.builder().timeScale(0).requestLog(log::add).start()) {
            AzureEndpoints endpoints = AzureEndpoints.sandbox(URI.create(sb.armUrl()), URI.create(sb.authorityHost()), sb.certificatePath());
            Path record = home.resolve("auth-record.json");
            SdkIdentity identity = new SdkIdentity(endpoints, SdkClients.trustingHttpClient(sb.certificatePath()),
                    new AzureProfile(sb.tenantId(), null, SdkClients.environment(sb.armUrl())), null, record);

            AzureAccount account = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> identity.signIn(sb.tenantId()));

            assertThat(account.username()).isEqualTo("user@sandbox.poolforge.invalid");
            assertThat(account.tenantId()).isEqualTo(sb.tenantId());
            assertThat(account.cloud()).isEqualTo(AzureEndpoints.Cloud.SANDBOX);
            assertThat(identity.currentAccount()).contains(account);
            assertThat(log).as("the browser opened the authorize page, MSAL redeemed the code")
                    .anyMatch(l -> l.contains("GET /" + sb.tenantId() + "/oauth2/v2.0/authorize"))
                    .anyMatch(l -> l.contains("POST /" + sb.tenantId() + "/oauth2/v2.0/token") && l.contains(" 200 "));

            // The ARM token MSAL got works against the sandbox's Resource Manager.
            assertThat(identity.subscriptions()).extracting(SubscriptionRef::displayName)
                    .contains("PoolForge Demo (Production)", "PoolForge Demo (Development)");
            assertThat(identity.tenants()).extracting(TenantRef::tenantId).contains(sb.tenantId());
            // Known issue (docs/DECISIONS.md): against the sandbox, MSAL's first silent call after the
            // browser sign-in misses its cache and signs in once more; later calls are silent.
            long authorizations = log.stream().filter(l -> l.contains("/oauth2/v2.0/authorize")).count();
            assertThat(authorizations).isBetween(1L, 2L);

            // Without a Secret Service (no D-Bus session: CI, containers) the encrypted cache cannot be had:
            // SdkIdentity keeps tokens in memory only and says so.
            if (System.getenv("DBUS_SESSION_BUS_ADDRESS") == null) {
                assertThat(identity.cacheMode()).isEqualTo(SdkIdentity.CacheMode.MEMORY_ONLY);
            }
            assertThat(record).exists();
            assertThat(read(record)).contains("user@sandbox.poolforge.invalid").doesNotContain("eyJ", "access_token", "refresh_token");

            identity.signOut();
            assertThat(record).doesNotExist();
            assertThat(identity.currentAccount()).isEmpty();
            PoolForgeException after = AdapterSandbox.failure(identity::subscriptions);
            assertThat(after.key()).isEqualTo("azure.error.signInExpired");
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
