package io.poolforge.sandbox.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.sandbox.http.ApiError;
import io.poolforge.sandbox.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks the sandbox's access tokens: JWTs signed (HS256) with a key made at start, so a
 * token from another sandbox, or a real Entra token, is refused. Tokens are never logged.
 */
public final class Tokens {
    public static final String ARM_AUDIENCE = "https://management.core.windows.net/";
    public static final String BATCH_AUDIENCE = "https://batch.core.windows.net/";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /**
     * A cloud the sandbox can present itself as (PF-8): the token audiences Entra ID issues there and the ARM host.
     * The names and values are Azure CLI's ({@code az cloud show}: activeDirectoryResourceId, batchResourceId).
     */
    public record Cloud(String name, String armAudience, String batchAudience, String armHost) {
        static final Cloud AZURE = new Cloud("AzureCloud", ARM_AUDIENCE, BATCH_AUDIENCE, "management.azure.com");
        static final List<Cloud> ALL = List.of(AZURE,
                new Cloud("AzureUSGovernment", "https://management.core.usgovcloudapi.net/", "https://batch.core.usgovcloudapi.net/",
                        "management.usgovcloudapi.net"),
                new Cloud("AzureChinaCloud", "https://management.core.chinacloudapi.cn/", "https://batch.chinacloudapi.cn/",
                        "management.chinacloudapi.cn"));

        public static Cloud named(String name) {
            for (Cloud c : ALL) if (c.name.equalsIgnoreCase(name)) return c;
            throw new IllegalArgumentException("Unknown cloud '" + name + "'; known: AzureCloud, AzureUSGovernment, AzureChinaCloud");
        }

        private static String host(String url) {
            return url.replaceFirst("^https://", "").replaceFirst("/$", "");
        }
    }

    /** What a valid token says. */
    public record Claims(String audience, String tenant, String objectId, String clientId, Instant expires) {
    }

    private final byte[] key = new byte[32];
    private final Clock clock;
    private final String tenant;
    private final String issuerBase;
    private final Cloud cloud;

    Tokens(Clock clock, String tenant, String issuerBase) {
        this(clock, tenant, issuerBase, Cloud.AZURE);
    }

    public Tokens(Clock clock, String tenant, String issuerBase, Cloud cloud) {
        this.cloud = cloud;
        new SecureRandom().nextBytes(key);
        this.clock = clock;
        this.tenant = tenant;
        this.issuerBase = issuerBase;
    }

    public Cloud cloud() { return cloud; }

    /**
     * The audience a requested scope is for in the cloud the sandbox presents, or null when it serves no such
     * resource there (another cloud's scope included: a US Government sandbox does not issue public-cloud tokens).
     */
    String audienceOf(String scope) {
        if (scope == null) return null;
        String s = scope.toLowerCase(Locale.ROOT);
        if (s.contains(Cloud.host(cloud.batchAudience()))) return cloud.batchAudience();
        if (s.contains(Cloud.host(cloud.armAudience())) || s.contains(cloud.armHost())
                || s.contains("127.0.0.1") || s.contains("localhost")) return cloud.armAudience();
        return null;
    }

    /** The access tokens issued, newest last (at most 1,000): tests grep exports for them. */
    public final java.util.Deque<String> issued = new java.util.concurrent.ConcurrentLinkedDeque<>();

    String accessToken(String audience, String clientId, String objectId, Duration lifetime) {
        String t = newAccessToken(audience, clientId, objectId, lifetime);
        issued.addLast(t);
        while (issued.size() > 1000) issued.pollFirst();
        return t;
    }

    private String newAccessToken(String audience, String clientId, String objectId, Duration lifetime) {
        Instant now = clock.instant();
        ObjectNode payload = Json.o("aud", audience, "iss", "https://sts.windows.net/" + tenant + "/",
                "iat", now.getEpochSecond(), "nbf", now.getEpochSecond(), "exp", expiry(now, lifetime),
                "tid", tenant, "oid", objectId, "sub", objectId, "appid", clientId, "ver", "1.0",
                "uti", UUID.randomUUID().toString());
        return sign(Json.o("typ", "JWT", "alg", "HS256", "kid", "sandbox"), payload);
    }

    /**
     * {@code exp} is whole seconds: round up, so that a token the client was told lasts {@code expires_in} seconds is
     * never refused before then (rounding down made a 1 s token expire up to a second early, even on arrival).
     */
    private static long expiry(Instant issued, Duration lifetime) {
        Instant end = issued.plus(lifetime);
        return end.getNano() == 0 ? end.getEpochSecond() : end.getEpochSecond() + 1;
    }

    String idToken(String clientId, String objectId, String nonce) {
        Instant now = clock.instant();
        ObjectNode payload = Json.o("aud", clientId, "iss", issuerBase + "/" + tenant + "/v2.0",
                "iat", now.getEpochSecond(), "nbf", now.getEpochSecond(), "exp", now.plusSeconds(3600).getEpochSecond(),
                "tid", tenant, "oid", objectId, "sub", objectId, "name", "Sandbox User",
                "preferred_username", "user@sandbox.poolforge.invalid", "nonce", nonce, "ver", "2.0");
        return sign(Json.o("typ", "JWT", "alg", "HS256", "kid", "sandbox"), payload);
    }

    String clientInfo(String objectId) {
        return B64.encodeToString(Json.bytes(Json.o("uid", objectId, "utid", tenant)));
    }

    /**
     * Tokens whose signature was checked, with their claims (a client sends the same token with every request until it
     * expires: ~200 requests to list 10,001 VMs). Only the signature check and the claims' parsing are skipped; the
     * expiry is checked at every request. At most 64 kept.
     */
    private final java.util.Map<String, Claims> checked = new java.util.concurrent.ConcurrentHashMap<>();

    /** Checks a bearer token; throws ARM's 401 errors. */
    public Claims verify(String token) {
        Claims known = token == null ? null : checked.get(token);
        if (known != null) {
            Instant now = clock.instant();
            if (!now.isBefore(known.expires())) throw expired(known.expires(), now);
            return known;
        }
        Claims c = check(token);
        if (checked.size() >= 64) checked.clear();
        checked.put(token, c);
        return c;
    }

    private ApiError expired(Instant exp, Instant now) {
        return unauthorized("ExpiredAuthenticationToken", "The access token expiry UTC time '" + exp
                + "' is earlier than current UTC time '" + now + "'.");
    }

    private Claims check(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3 || !MessageDigest.isEqual(mac(parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII))) {
            throw unauthorized("InvalidAuthenticationToken", "The access token is invalid.");
        }
        JsonNode p = Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        Instant exp = Instant.ofEpochSecond(p.path("exp").asLong());
        Instant now = clock.instant();
        if (!now.isBefore(exp)) throw expired(exp, now);
        return new Claims(p.path("aud").asText(), p.path("tid").asText(), p.path("oid").asText(), p.path("appid").asText(), exp);
    }

    public ApiError unauthorized(String code, String message) {
        return new ApiError(401, code, message).header("WWW-Authenticate",
                "Bearer authorization_uri=\"" + issuerBase + "/" + tenant + "\", error=\"invalid_token\", error_description=\""
                        + message.replace('"', '\'') + "\"");
    }

    private String sign(ObjectNode header, ObjectNode payload) {
        String unsigned = B64.encodeToString(Json.bytes(header)) + "." + B64.encodeToString(Json.bytes(payload));
        return unsigned + "." + mac(unsigned);
    }

    private String mac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(data.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String randomOpaque() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return B64.encodeToString(b);
    }

    static String s256(String verifier) {
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
