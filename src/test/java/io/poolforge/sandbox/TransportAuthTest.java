package io.poolforge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolforge.azure.sdk.SdkClients;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HTTPS, the certificate, ARM's 401/404/400 answers and the Entra sign-in endpoints. */
class TransportAuthTest {
    @RegisterExtension
    static final SandboxExtension SB = new SandboxExtension();

    private static HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(SB.sandbox().armUrl() + path.substring(1)));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return SB.send(b.GET().build());
    }

    private static HttpResponse<String> post(String url, String form) {
        return SB.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void certificateIsEcP256ForLoopbackAndSelfSigned() throws Exception {
        X509Certificate c = SB.sandbox().certificate();
        assertThat(c.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(c.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(c.getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))).toList()).containsExactlyInAnyOrder("127.0.0.1", "localhost");
        c.verify(c.getPublicKey());
        assertThat(SB.sandbox().armUrl()).startsWith("https://127.0.0.1:");
        assertThat(java.nio.file.Files.readString(SB.sandbox().certificatePath())).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @ParameterizedTest
    @CsvSource({
        "none,    /subscriptions?api-version=2022-12-01,                         401, AuthenticationFailed",
        "garbage, /subscriptions?api-version=2022-12-01,                         401, InvalidAuthenticationToken",
        "batch,   /subscriptions?api-version=2022-12-01,                         401, InvalidAuthenticationTokenAudience",
        "arm,     /subscriptions/x/providers/Microsoft.Foo/bars?api-version=2022-12-01, 404, InvalidResourceType",
        "arm,     /subscriptions,                                                400, MissingApiVersionParameter",
        "arm,     /subscriptions?api-version=2022-13-01,                         400, InvalidApiVersionParameter",
        "arm,     /subscriptions/5a4db0c0-0000-4000-8000-0000000000a1/resourceGroups/nope?api-version=2022-09-01, 404, ResourceGroupNotFound",
        "arm,     /batch/pfdemobatchweu/supportedimages?api-version=2024-07-01.20.0, 401, InvalidAuthenticationTokenAudience"})
    void answersInArmsErrorShape(String tokenKind, String path, int status, String code) {
        String token = switch (tokenKind) {
            case "none" -> null;
            case "garbage" -> "eyJhbGciOiJub25lIn0.e30.x";
            case "batch" -> SB.token(SdkClients.BATCH_SCOPE);
            default -> SB.token(SdkClients.ARM_SCOPE);
        };
        HttpResponse<String> r = get(path, token);
        assertThat(r.statusCode()).isEqualTo(status);
        JsonNode body = SandboxExtension.json(r.body());
        JsonNode error = path.startsWith("/batch/") ? body : body.path("error"); // the data plane's own error shape
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("message").toString()).hasSizeGreaterThan(10);
        if (status == 401) assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer "));
    }

    @Test
    void dataPlaneErrorsUseBatchsShape() {
        HttpResponse<String> r = SB.get("/batch/pfdemobatchweu/supportedimages?api-version=latest");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxExtension.json(r.body()).path("message").path("value").asText()).contains("latest");
        assertThat(SB.get("/batch/nobody/pools?api-version=2024-07-01.20.0").statusCode()).isEqualTo(404);
    }

    @Test
    void clientCredentialsNeedTheSandboxSecretAndAKnownScope() {
        String url = SB.sandbox().tokenUrl();
        HttpResponse<String> wrong = post(url, "grant_type=client_credentials&client_id=x&client_secret=nope&scope=" + enc(SdkClients.ARM_SCOPE));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(SandboxExtension.json(wrong.body()).path("error").asText()).isEqualTo("invalid_client");
        HttpResponse<String> scope = post(url, "grant_type=client_credentials&client_id=x&client_secret=sandbox&scope=" + enc("https://vault.azure.net/.default"));
        assertThat(SandboxExtension.json(scope.body()).path("error").asText()).isEqualTo("invalid_scope");
        JsonNode ok = SandboxExtension.json(post(url, "grant_type=client_credentials&client_id=x&client_secret=sandbox&scope="
                + enc(SdkClients.ARM_SCOPE)).body());
        assertThat(ok.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(ok.path("expires_in").asInt()).isEqualTo(3600);
        assertThat(ok.has("refresh_token")).isFalse();
    }

    @Test
    void authorizationCodeWithPkceAsMsalDoesIt() throws Exception {
        JsonNode discovery = SandboxExtension.json(get("/" + SB.sandbox().tenantId() + "/v2.0/.well-known/openid-configuration", null).body());
        assertThat(discovery.path("token_endpoint").asText()).isEqualTo(SB.sandbox().tokenUrl());
        String verifier = "verifier-0123456789-0123456789-0123456789-0123456789";
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirect = "http://localhost:54321";
        String authorize = discovery.path("authorization_endpoint").asText() + "?client_id=app&response_type=code&redirect_uri=" + enc(redirect)
                + "&response_mode=form_post&state=st4te&nonce=n0nce&code_challenge_method=S256&code_challenge=" + challenge
                + "&scope=" + enc(SdkClients.ARM_SCOPE + " openid profile offline_access");
        HttpResponse<String> page = SB.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build());
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body()).contains("action=\"" + redirect + "\"").contains("name=\"state\" value=\"st4te\"").contains(".submit()");
        Matcher m = Pattern.compile("name=\"code\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(m.find()).isTrue();
        String code = m.group(1);
        String base = "grant_type=authorization_code&client_id=app&redirect_uri=" + enc(redirect) + "&code=" + enc(code)
                + "&scope=" + enc(SdkClients.ARM_SCOPE + " openid offline_access");
        assertThat(post(SB.sandbox().tokenUrl(), base + "&code_verifier=wrong").statusCode()).isEqualTo(400);
        // A wrong verifier used the code up, as Entra does: ask for a new one.
        page = SB.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build());
        m = Pattern.compile("name=\"code\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(m.find()).isTrue();
        base = base.replace(enc(code), enc(m.group(1)));
        JsonNode tokens = SandboxExtension.json(post(SB.sandbox().tokenUrl(), base + "&code_verifier=" + verifier).body());
        assertThat(tokens.path("id_token").asText().split("\\.")).hasSize(3);
        String idPayload = new String(Base64.getUrlDecoder().decode(tokens.path("id_token").asText().split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(SandboxExtension.json(idPayload).path("nonce").asText()).isEqualTo("n0nce");
        String clientInfo = new String(Base64.getUrlDecoder().decode(tokens.path("client_info").asText()), StandardCharsets.UTF_8);
        assertThat(SandboxExtension.json(clientInfo).path("utid").asText()).isEqualTo(SB.sandbox().tenantId());
        assertThat(get("/subscriptions?api-version=2022-12-01", tokens.path("access_token").asText()).statusCode()).isEqualTo(200);
        JsonNode batch = SandboxExtension.json(post(SB.sandbox().tokenUrl(), "grant_type=refresh_token&client_id=app&refresh_token="
                + enc(tokens.path("refresh_token").asText()) + "&scope=" + enc(SdkClients.BATCH_SCOPE)).body());
        assertThat(get("/batch/pfdemobatchweu/supportedimages?api-version=2024-07-01.20.0", batch.path("access_token").asText()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void tokensExpireOnTheSandboxClock() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T09:00:00Z"));
        try (SandboxExtension sb = SandboxExtension.started(b -> b.clock(clock).tokenLifetime(Duration.ofMinutes(5)))) {
            String token = sb.token(SdkClients.ARM_SCOPE);
            var req = HttpRequest.newBuilder(URI.create(sb.sandbox().armUrl() + "subscriptions?api-version=2022-12-01"))
                    .header("Authorization", "Bearer " + token).GET().build();
            assertThat(sb.send(req).statusCode()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(6));
            HttpResponse<String> late = sb.send(req);
            assertThat(late.statusCode()).isEqualTo(401);
            assertThat(SandboxExtension.json(late.body()).path("error").path("code").asText()).isEqualTo("ExpiredAuthenticationToken");
        }
    }

    @Test
    void stateCountsEveryResourceTypeAndNeedsAToken() {
        assertThat(get("/sandbox/state", null).statusCode()).isEqualTo(401);
        JsonNode state = SandboxExtension.json(SB.get("/sandbox/state").body());
        for (String type : List.of("subscriptions", "resourceGroups", "Microsoft.Compute/virtualMachines", "Microsoft.Compute/disks",
                "Microsoft.Compute/snapshots", "Microsoft.Compute/images", "Microsoft.Compute/galleries", "Microsoft.Compute/galleries/images",
                "Microsoft.Compute/galleries/images/versions", "Microsoft.Batch/batchAccounts", "Microsoft.Batch/batchAccounts/pools",
                "Microsoft.Batch/batchAccounts/pools/nodes")) {
            assertThat(state.path("counts").path(type).asInt(-1)).as(type).isGreaterThanOrEqualTo(0);
        }
        assertThat(state.path("counts").path("Microsoft.Compute/virtualMachines").asInt()).isEqualTo(17);
    }

    @Test
    void requestLogNeverHoldsTokensOrCodes() {
        SB.token(SdkClients.ARM_SCOPE);
        get("/" + SB.sandbox().tenantId() + "/oauth2/v2.0/authorize?client_id=a&code_challenge=secret", null);
        assertThat(SB.log()).noneMatch(l -> l.contains("eyJ") || l.contains("secret") || l.contains("Bearer"));
    }
}
