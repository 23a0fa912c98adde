package io.poolforge.sandbox.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.sandbox.http.Json;
import io.poolforge.sandbox.http.Request;
import io.poolforge.sandbox.http.Response;
import io.poolforge.sandbox.http.Router;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entra ID v2.0 endpoints as MSAL and azure-identity use them: discovery, {@code authorize}
 * (answering {@code response_mode=form_post} with an auto-submitting form to the localhost redirect)
 * and {@code token} (authorization code with PKCE, refresh token, and client credentials with the
 * well-known development secret {@link #CLIENT_SECRET}).
 */
public final class IdentityApi {
    /** The one client secret the sandbox accepts, like a well-known development key. */
    public static final String CLIENT_SECRET = "sandbox";
    static final String USER_OID = "5a4db0c0-0000-4000-8000-0000000005e4";
    private static final String T = "/(?<tenant>[^/]+)";

    private record Grant(String clientId, String redirectUri, String challenge, String nonce, Instant expires) {
    }

    private final Tokens tokens;
    private final Clock clock;
    private final String tenant;
    private final Duration lifetime;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, String> deviceCodes = new ConcurrentHashMap<>();

    public IdentityApi(Tokens tokens, Clock clock, String tenant, Duration lifetime) {
        this.tokens = tokens;
        this.clock = clock;
        this.tenant = tenant;
        this.lifetime = lifetime;
    }

    public void register(Router r) {
        Router.Plane p = Router.Plane.IDENTITY;
        r.add("openid-configuration", "GET", T + "(/v2\\.0)?/\\.well-known/openid-configuration", p, this::discovery);
        r.add("instance-discovery", "GET", "/common/discovery/instance", p, this::instanceDiscovery);
        r.add("keys", "GET", T + "/discovery(/v2\\.0)?/keys", p, q -> Response.ok(Json.o("keys", Json.a())));
        r.add("authorize", "GET", T + "/oauth2/v2\\.0/authorize", p, this::authorize);
        r.add("token", "POST", T + "/oauth2/v2\\.0/token", p, this::token);
        r.add("devicecode", "POST", T + "/oauth2/v2\\.0/devicecode", p, this::deviceCode);
    }

    private void checkTenant(Request q) {
        String t = q.param("tenant");
        if (!Set.of(tenant, "common", "organizations").contains(t)) {
            throw new OAuthError(400, "invalid_tenant", "AADSTS90002: Tenant '" + t + "' not found.");
        }
    }

    private Response discovery(Request q) {
        checkTenant(q);
        String a = q.base + "/" + tenant;
        ObjectNode doc = Json.o("issuer", a + "/v2.0", "authorization_endpoint", a + "/oauth2/v2.0/authorize",
                "token_endpoint", a + "/oauth2/v2.0/token", "jwks_uri", a + "/discovery/v2.0/keys",
                "device_authorization_endpoint", a + "/oauth2/v2.0/devicecode", "end_session_endpoint", a + "/oauth2/v2.0/logout",
                "response_modes_supported", Json.a("query", "fragment", "form_post"),
                "response_types_supported", Json.a("code", "id_token", "code id_token"),
                "scopes_supported", Json.a("openid", "profile", "email", "offline_access"),
                "subject_types_supported", Json.a("pairwise"), "id_token_signing_alg_values_supported", Json.a("HS256"),
                "token_endpoint_auth_methods_supported", Json.a("client_secret_post", "client_secret_basic"),
                "code_challenge_methods_supported", Json.a("S256"), "tenant_region_scope", "EU",
                "cloud_instance_name", "sandbox.poolforge.invalid");
        return Response.ok(doc);
    }

    private Response instanceDiscovery(Request q) {
        String host = URI.create(q.base).getAuthority();
        return Response.ok(Json.o("tenant_discovery_endpoint", q.base + "/" + tenant + "/v2.0/.well-known/openid-configuration",
                "api-version", "1.1", "metadata", Json.a(Json.o("preferred_network", host, "preferred_cache", host,
                        "aliases", Json.a(host)))));
    }

    private Response authorize(Request q) {
        checkTenant(q);
        String clientId = q.query("client_id");
        String redirect = q.query("redirect_uri");
        if (clientId == null || redirect == null || !"code".equals(q.query("response_type"))) {
            throw new OAuthError(400, "invalid_request", "AADSTS900144: The request body must contain client_id, redirect_uri and response_type=code.");
        }
        URI ru = URI.create(redirect);
        if (!"http".equals(ru.getScheme()) || !Set.of("localhost", "127.0.0.1").contains(ru.getHost())) {
            throw new OAuthError(400, "invalid_request", "AADSTS50011: The redirect URI '" + redirect
                    + "' must be a loopback address (http://localhost:PORT) for the sandbox.");
        }
        String code = Tokens.randomOpaque();
        codes.put(code, new Grant(clientId, redirect, q.query("code_challenge"), q.query("nonce"), clock.instant().plusSeconds(600)));
        String state = q.query("state");
        if ("form_post".equals(q.query("response_mode"))) {
            String html = "<!DOCTYPE html><html><head><title>PoolForge sandbox sign-in</title></head>"
                    + "<body onload=\"document.forms[0].submit()\"><p>Signing in to the PoolForge sandbox as Sandbox User…</p>"
                    + "<form method=\"POST\" action=\"" + esc(redirect) + "\">"
                    + "<input type=\"hidden\" name=\"code\" value=\"" + esc(code) + "\"/>"
                    + (state == null ? "" : "<input type=\"hidden\" name=\"state\" value=\"" + esc(state) + "\"/>")
                    + "<noscript><button type=\"submit\">Continue</button></noscript></form></body></html>";
            return Response.html(html);
        }
        String location = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + enc(code)
                + (state == null ? "" : "&state=" + enc(state));
        return Response.empty(302).header("Location", location);
    }

    /**
     * Device-code flow: there is nobody to type the code into a browser, so the sandbox treats the
     * code as entered at once; the first poll of the token endpoint gets the tokens.
     */
    private Response deviceCode(Request q) {
        checkTenant(q);
        Map<String, String> f = q.form();
        String clientId = f.getOrDefault("client_id", "");
        String device = Tokens.randomOpaque();
        String user = device.substring(0, 8).toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "X");
        deviceCodes.put(device, clientId);
        String verification = q.base + "/sandbox/devicelogin";
        return Response.ok(Json.o("device_code", device, "user_code", user, "verification_uri", verification,
                "expires_in", 900, "interval", 1,
                "message", "To sign in to the PoolForge sandbox, open " + verification + " and enter the code " + user
                        + " (the sandbox accepts it at once)."));
    }

    private Response token(Request q) {
        checkTenant(q);
        Map<String, String> f = q.form();
        String grant = f.getOrDefault("grant_type", "");
        String scope = f.get("scope");
        String clientId = f.get("client_id");
        String oid;
        boolean user;
        switch (grant) {
            case "client_credentials" -> {
                if (!CLIENT_SECRET.equals(f.get("client_secret"))) {
                    throw new OAuthError(401, "invalid_client", "AADSTS7000215: Invalid client secret provided. "
                            + "The sandbox accepts the development secret 'sandbox'.");
                }
                oid = UUID.nameUUIDFromBytes(("app:" + clientId).getBytes(StandardCharsets.UTF_8)).toString();
                user = false;
            }
            case "authorization_code" -> {
                Grant g = codes.remove(f.getOrDefault("code", ""));
                if (g == null || clock.instant().isAfter(g.expires)) {
                    throw new OAuthError(400, "invalid_grant", "AADSTS70008: The provided authorization code is invalid or has expired.");
                }
                if (!g.clientId.equals(clientId) || !g.redirectUri.equals(f.get("redirect_uri"))) {
                    throw new OAuthError(400, "invalid_grant", "AADSTS50148: The client_id or redirect_uri does not match the authorization request.");
                }
                String verifier = f.get("code_verifier");
                if (g.challenge != null && (verifier == null || !Tokens.s256(verifier).equals(g.challenge))) {
                    throw new OAuthError(400, "invalid_grant", "AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.");
                }
                oid = USER_OID;
                user = true;
                return issue(scope, clientId, oid, user, g.nonce);
            }
            case "urn:ietf:params:oauth:grant-type:device_code", "device_code" -> {
                String owner = deviceCodes.remove(f.getOrDefault("device_code", ""));
                if (owner == null || !owner.equals(clientId)) {
                    throw new OAuthError(400, "expired_token", "AADSTS70020: The provided device code has expired or is invalid.");
                }
                oid = USER_OID;
                user = true;
                return issue(scope, clientId, oid, user, null);
            }
            case "refresh_token" -> {
                String owner = refreshTokens.get(f.getOrDefault("refresh_token", ""));
                if (owner == null || !owner.equals(clientId)) {
                    throw new OAuthError(400, "invalid_grant", "AADSTS70000: The refresh token is invalid.");
                }
                oid = USER_OID;
                user = true;
            }
            default -> throw new OAuthError(400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type '" + grant + "'.");
        }
        return issue(scope, clientId, oid, user, null);
    }

    private Response issue(String scope, String clientId, String oid, boolean user, String nonce) {
        String audience = null;
        if (scope != null) {
            for (String s : scope.split(" ")) {
                audience = tokens.audienceOf(s);
                if (audience != null) break;
            }
        }
        if (audience == null) {
            throw new OAuthError(400, "invalid_scope", "AADSTS70011: The provided value for the input parameter 'scope' is not valid. "
                    + "The sandbox presents " + tokens.cloud().name() + " and serves " + tokens.cloud().armAudience() + "/.default and "
                    + tokens.cloud().batchAudience() + "/.default.");
        }
        long secs = lifetime.toSeconds();
        // Entra echoes the scope asked for (MSAL files the access token under it; "…net/.default" never matched "…net//.default").
        ObjectNode body = Json.o("token_type", "Bearer", "scope", scope != null && scope.contains(".default") ? scope : audience + ".default", "expires_in", secs, "ext_expires_in", secs,
                "access_token", tokens.accessToken(audience, clientId == null ? "sandbox-client" : clientId, oid, lifetime));
        if (user) {
            String rt = Tokens.randomOpaque();
            refreshTokens.put(rt, clientId);
            body.put("refresh_token", rt);
            body.put("id_token", tokens.idToken(clientId, oid, nonce));
            body.put("client_info", tokens.clientInfo(oid));
        }
        return Response.ok(body).header("Cache-Control", "no-store");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** An OAuth error answer ({"error":"invalid_client","error_description":...}). */
    public static final class OAuthError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String error;

        OAuthError(int status, String error, String description) {
            super(description, null, false, false);
            this.status = status;
            this.error = error;
        }

        public Response toResponse() {
            String code = getMessage().replaceAll("^AADSTS(\\d+):.*", "$1");
            return Response.json(status, Json.o("error", error, "error_description", getMessage(),
                    "error_codes", code.matches("\\d+") ? Json.a(Integer.parseInt(code)) : Json.a(),
                    "timestamp", java.time.Instant.now().toString(), "trace_id", UUID.randomUUID().toString(),
                    "correlation_id", UUID.randomUUID().toString()));
        }
    }
}
