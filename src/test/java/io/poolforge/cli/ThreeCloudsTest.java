package io.poolforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.TokenRequestContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolforge.azure.CloudProfile;
import io.poolforge.azure.sdk.SdkClients;
import io.poolforge.plan.TestPlans;
import io.poolforge.sandbox.RequestLogs;
import io.poolforge.sandbox.Sandbox;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * PF-8: the whole flow (sign-in, subscriptions, accounts, preflight, snapshot → image → pool) under each cloud. The
 * sandbox presents itself as the cloud: it issues tokens only for that cloud's ARM and Batch resources and refuses a
 * token for any other audience, so a run that completes proves every scope PoolForge asked for came from the cloud's row.
 */
class ThreeCloudsTest {
    @TempDir
    Path home;

    private String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine c = new CommandLine(new RootCommand(() -> {
            throw new AssertionError("the desktop must not open");
        }, home));
        c.setOut(new PrintWriter(out));
        c.setErr(new PrintWriter(err));
        return new String[] {String.valueOf(c.execute(args)), out.toString(), err.toString()};
    }

    @ParameterizedTest
    @ValueSource(strings = {"AzureCloud", "AzureUSGovernment", "AzureChinaCloud"})
    void theWholeRunCompletesUnderEachCloud(String cloud) throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (Sandbox sb = Sandbox.builder().cloud(cloud).timeScale(0).certificateDirectory(home.resolve("certs")).requestLog(log::add).start()) {
            Path endpoints = home.resolve("endpoints.json");
            Files.writeString(endpoints, sb.endpointsJson());
            assertThat(new ObjectMapper().readTree(sb.endpointsJson()).get("cloud").asText()).isEqualTo(cloud);

            String[] r = cli("run", TestPlans.GALLERY.toString(), "--sandbox-endpoints", endpoints.toString(), "--lang", "en", "--json");
            assertThat(r[0]).as(r[2]).isEqualTo("0");
            assertThat(new ObjectMapper().readTree(r[1]).get("status").asText()).isEqualTo("complete");
            List<String> lines = RequestLogs.settled(log);
            assertThat(lines).as("ARM and the Batch data plane took this cloud's tokens")
                    .anyMatch(l -> l.contains("/providers/Microsoft.Batch/batchAccounts/pfdemobatchweu/pools/render-ubuntu2204") && l.contains(" 200 "))
                    .anyMatch(l -> l.contains("/batch/pfdemobatchweu/supportedimages") && l.contains(" 200 "))
                    .noneMatch(l -> l.contains(" 401 "));

            // A token for the wrong audience is refused: this cloud's Batch token on ARM, and another cloud's scope at all.
            CloudProfile profile = CloudProfile.named(cloud).orElseThrow();
            SdkClients clients = SdkClients.forSandbox(sb.armUrl(), sb.tokenUrl(), sb.tenantId(), sb.certificatePath(), profile);
            String batchToken = clients.credential().getTokenSync(new TokenRequestContext().addScopes(profile.batchScope())).getToken();
            HttpResponse<String> wrong = get(sb, "/subscriptions?api-version=2022-12-01", batchToken);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("InvalidAuthenticationTokenAudience");
            String armToken = clients.credential().getTokenSync(new TokenRequestContext().addScopes(profile.armScope())).getToken();
            assertThat(get(sb, "/subscriptions?api-version=2022-12-01", armToken).statusCode()).isEqualTo(200);
            CloudProfile other = CloudProfile.all().stream().filter(c -> c != profile).findFirst().orElseThrow();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> clients.credential()
                    .getTokenSync(new TokenRequestContext().addScopes(other.armScope()))).hasMessageContaining("invalid_scope");
        }
    }

    @Test
    void aClientOfAnotherCloudIsRefusedAndCreatesNothing() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (Sandbox sb = Sandbox.builder().cloud("AzureUSGovernment").timeScale(0).certificateDirectory(home.resolve("certs"))
                .requestLog(log::add).start()) {
            Path endpoints = home.resolve("endpoints.json");
            Files.writeString(endpoints, sb.endpointsJson());
            Map<String, Integer> before = sb.counts();
            // PoolForge told it is AzureCloud asks for the public cloud's scopes: a US Government sandbox issues none.
            String[] r = cli("run", TestPlans.GALLERY.toString(), "--sandbox-endpoints", endpoints.toString(), "--cloud", "AzureCloud",
                    "--lang", "en");
            assertThat(r[0]).as(r[2]).isNotEqualTo("0");
            assertThat(sb.counts()).isEqualTo(before);
            assertThat(RequestLogs.settled(log)).anyMatch(l -> l.contains("/oauth2/v2.0/token") && l.contains(" 400 "));
        }
    }

    @Test
    void theCloudChosenOnTheCommandLineIsRemembered() {
        assertThat(cli("validate", TestPlans.GALLERY.toString(), "--online", "--sandbox", "--cloud", "nowhere", "--lang", "en")[0])
                .isEqualTo(String.valueOf(ExitCodes.USAGE));
        var choice = new io.poolforge.azure.CloudChoice(home.resolve("settings.properties"));
        assertThat(choice.remembered()).isEmpty();
        String[] sandboxed = cli("validate", TestPlans.GALLERY.toString(), "--online", "--sandbox", "--cloud", "AzureChinaCloud", "--lang", "en");
        assertThat(sandboxed[0]).as(sandboxed[2]).isEqualTo("0");
        assertThat(sandboxed[2]).contains("[AzureChinaCloud]");
    }

    private static HttpResponse<String> get(Sandbox sb, String path, String token) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(sb.certificatePath())) {
            trust.setCertificateEntry("sb", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        HttpClient http = HttpClient.newBuilder().sslContext(ctx).build();
        return http.send(HttpRequest.newBuilder(URI.create(sb.armUrl() + path.substring(1))).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
