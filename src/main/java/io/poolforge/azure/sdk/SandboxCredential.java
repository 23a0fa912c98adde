package io.poolforge.azure.sdk;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * Signs in to the sandbox without a browser: {@code grant_type=client_credentials} with the sandbox's
 * well-known client secret ({@code sandbox}) against its token endpoint. Tokens are cached per scope until
 * shortly before they expire. Never logs a token.
 */
public final class SandboxCredential implements TokenCredential {
    /** The development secret the sandbox's token endpoint accepts with any client id. */
    public static final String CLIENT_SECRET = "sandbox";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EARLY = Duration.ofSeconds(30);

    private final String tokenUrl;
    private final String clientId;
    private final HttpClient http;
    private final Map<String, AccessToken> cache = new ConcurrentHashMap<>();

    /** {@code http} must trust the sandbox's certificate (see {@link SdkClients#trustingHttpClient}). */
    public SandboxCredential(String tokenUrl, String clientId, HttpClient http) {
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.http = http;
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        String scope = String.join(" ", request.getScopes());
        AccessToken cached = cache.get(scope);
        if (cached != null && cached.getExpiresAt().minus(EARLY).isAfter(OffsetDateTime.now())) return Mono.just(cached);
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + CLIENT_SECRET + "&scope=" + enc(scope);
        HttpRequest req = new HttpRequest(HttpMethod.POST, tokenUrl)
                .setHeader(HttpHeaderName.CONTENT_TYPE, "application/x-www-form-urlencoded")
                .setBody(form.getBytes(StandardCharsets.UTF_8));
        return http.send(req).flatMap(resp -> resp.getBodyAsString().map(body -> {
            try {
                JsonNode n = JSON.readTree(body);
                if (resp.getStatusCode() != 200 || !n.hasNonNull("access_token")) {
                    throw new IllegalStateException("Sandbox sign-in failed (" + resp.getStatusCode() + "): " + n.path("error").asText()
                            + " " + n.path("error_description").asText());
                }
                AccessToken t = new AccessToken(n.get("access_token").asText(), OffsetDateTime.now().plusSeconds(n.path("expires_in").asLong(3600)));
                cache.put(scope, t);
                return t;
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Sandbox sign-in answered something that is not JSON", e);
            }
        }));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
