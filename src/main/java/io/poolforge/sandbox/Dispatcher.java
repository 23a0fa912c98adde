package io.poolforge.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.poolforge.sandbox.http.ApiError;
import io.poolforge.sandbox.http.Request;
import io.poolforge.sandbox.http.Response;
import io.poolforge.sandbox.http.Router;
import io.poolforge.sandbox.identity.IdentityApi;
import io.poolforge.sandbox.identity.Tokens;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The one HTTP handler: faults, authentication, api-version, routing, error format, request log.
 * Handlers run one at a time under the sandbox lock (they are fast); faults' delays run outside it.
 */
final class Dispatcher implements HttpHandler {
    private static final Pattern ARM_VERSION = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])(-preview|-beta|-alpha)?");
    private static final Pattern BATCH_VERSION = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])(\\.\\d+\\.\\d+)?");
    private static final Pattern KEEP_QUERY = Pattern.compile("(?i)api-version|\\$skiptoken|\\$expand|\\$filter|\\$top|\\$orderby|maxresults|timeout|monitor");

    private final Router router;
    private volatile Tokens tokens;
    private final Faults faults;
    private final Clock clock;
    private final double timeScale;
    private final Object lock;
    private final Runnable settle;
    private final Consumer<String> log;
    private volatile String base;

    Dispatcher(Router router, Tokens tokens, Faults faults, Clock clock, double timeScale, Object lock, Runnable settle,
               Consumer<String> log) {
        this.router = router;
        this.tokens = tokens;
        this.faults = faults;
        this.clock = clock;
        this.timeScale = timeScale;
        this.lock = lock;
        this.settle = settle;
        this.log = log;
    }

    void tokens(Tokens tokens) {
        this.tokens = tokens;
    }

    void base(String base) {
        this.base = base;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        long t0 = System.nanoTime();
        URI uri = ex.getRequestURI();
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        // ARM collapses repeated slashes: "https://host/" + "/metadata/endpoints" is "/metadata/endpoints".
        String path = collapse(pathOf(uri));
        byte[] body = ex.getRequestBody().readAllBytes();
        Request req = new Request(method, path, uri.getRawQuery(), ex.getRequestHeaders(), body, base);
        Router.Match m = router.match(method, path);
        req.route = m.route();
        req.params = m.matcher();
        Router.Plane plane = m.route() != null ? m.route().plane()
                : path.toLowerCase(Locale.ROOT).startsWith("/batch/") ? Router.Plane.BATCH : Router.Plane.ARM;
        Response resp;
        try {
            FaultSpec fault = faults.take(method, path, m.route() == null ? null : m.route().name());
            if (fault != null) {
                switch (fault.kind()) {
                    case RESET -> {
                        logLine(method, uri, "reset", t0);
                        ex.close();
                        return;
                    }
                    case LATENCY -> sleep(fault.argument());
                    case THROTTLE -> throw throttled(fault.argument());
                    case SERVER_ERROR -> throw new ApiError(500, "InternalServerError",
                            "Encountered internal server error. Diagnostic information: timestamp '" + clock.instant() + "' (sandbox fault).");
                    case UNAVAILABLE -> throw scaledRetry(new ApiError(503, "ServiceUnavailable",
                            "The service is temporarily unavailable. Please retry the request later (sandbox fault)."), 1);
                    case TOKEN_EXPIRED -> throw tokens.unauthorized("ExpiredAuthenticationToken", "The access token expiry UTC time '"
                            + clock.instant().minusSeconds(60) + "' is earlier than current UTC time '" + clock.instant() + "'.");
                    case FAIL_OPERATION -> req.failCode = fault.code();
                    case FORBIDDEN -> throw new ApiError(403, "AuthorizationFailed", fault.action() == null
                            ? "The client does not have authorization to perform this operation (sandbox fault)."
                            : "The client 'user@sandbox.poolforge.invalid' with object id 'sandbox-user' does not have authorization to"
                            + " perform action '" + fault.action() + "' over scope '" + path + "' or the scope is invalid. If access was"
                            + " recently granted, please refresh your credentials (sandbox fault).");
                    default -> throw new IllegalStateException();
                }
            }
            if (plane != Router.Plane.IDENTITY && plane != Router.Plane.PUBLIC) authenticate(req, plane);
            if (m.route() == null) {
                if (m.pathKnown()) throw new ApiError(405, "MethodNotAllowed", "The requested method '" + method
                        + "' is not allowed for the resource path '" + path + "'.");
                throw new ApiError(404, plane == Router.Plane.BATCH ? "InvalidUri" : "InvalidResourceType",
                        "No route for the request path '" + path + "' in the PoolForge sandbox (it emulates the APIs in docs/SANDBOX.md).");
            }
            if (plane == Router.Plane.ARM || plane == Router.Plane.BATCH) checkApiVersion(req, plane);
            synchronized (lock) {
                settle.run();
                resp = m.route().handler().handle(req);
            }
        } catch (ApiError e) {
            resp = plane == Router.Plane.BATCH ? Response.batchError(e, base) : Response.error(e);
        } catch (IdentityApi.OAuthError e) {
            resp = e.toResponse();
        } catch (RuntimeException e) {
            resp = Response.error(new ApiError(500, "InternalServerError", "Sandbox error: " + e));
        }
        send(ex, resp);
        logLine(method, uri, String.valueOf(resp.status), t0);
    }

    /**
     * The request target's path. {@code URI} reads a target starting with {@code //} as a network-path reference
     * ({@code //metadata/endpoints} would become host "metadata", path "/endpoints"), so the path is cut from the raw text.
     */
    static String pathOf(URI uri) {
        if (uri.getScheme() != null) return uri.getPath() == null ? "/" : uri.getPath();
        String raw = uri.getRawSchemeSpecificPart();
        if (raw == null) return "/";
        String p = uri.getRawAuthority() != null ? raw : uri.getRawPath();
        int q = p.indexOf('?');
        if (q >= 0) p = p.substring(0, q);
        return java.net.URLDecoder.decode(p.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    static String collapse(String path) {
        if (path == null || path.isEmpty()) return "/";
        return path.indexOf("//") < 0 ? path : path.replaceAll("/{2,}", "/");
    }

    private ApiError throttled(long seconds) {
        ApiError e = new ApiError(429, "TooManyRequests", "The request is being throttled as the limit has been reached for operation type - "
                + "Read_30Min. For more information, see - https://aka.ms/srpthrottlinglimits (sandbox fault).")
                .header("x-ms-ratelimit-remaining-resource", "Microsoft.Compute/HighCostGet3Min;0");
        return scaledRetry(e, seconds);
    }

    /** Retry-After in real seconds; below time scale 1 also x-ms-retry-after-ms (scaled), which azure-core prefers. */
    private ApiError scaledRetry(ApiError e, long seconds) {
        e.header("Retry-After", String.valueOf(seconds));
        if (timeScale < 1) e.header("x-ms-retry-after-ms", String.valueOf(Math.max(1, Math.round(seconds * 1000 * timeScale))));
        return e;
    }

    private void authenticate(Request req, Router.Plane plane) {
        String h = req.header("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw tokens.unauthorized("AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
        }
        Tokens.Claims c = tokens.verify(h.substring(7).trim());
        String want = plane == Router.Plane.BATCH ? tokens.cloud().batchAudience()
                : plane == Router.Plane.ARM ? tokens.cloud().armAudience() : null;
        if (want != null && !want.equals(c.audience())) {
            throw tokens.unauthorized("InvalidAuthenticationTokenAudience", "The access token has been obtained for wrong audience or resource '"
                    + c.audience() + "'. It should exactly match with one of the allowed audiences '" + want + "'.");
        }
        req.claims = c;
    }

    private static void checkApiVersion(Request req, Router.Plane plane) {
        String v = req.apiVersion();
        if (v == null) {
            throw new ApiError(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");
        }
        Pattern p = plane == Router.Plane.BATCH ? BATCH_VERSION : ARM_VERSION;
        if (!p.matcher(v).matches()) {
            throw new ApiError(400, plane == Router.Plane.BATCH ? "InvalidQueryParameterValue" : "InvalidApiVersionParameter",
                    "The api-version '" + v + "' is invalid. The supported versions look like '"
                            + (plane == Router.Plane.BATCH ? "2024-07-01.20.0" : "2025-04-01") + "'.");
        }
    }

    private void send(HttpExchange ex, Response resp) throws IOException {
        resp.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        String id = UUID.randomUUID().toString();
        ex.getResponseHeaders().set("x-ms-request-id", id);
        ex.getResponseHeaders().set("x-ms-correlation-request-id", id);
        ex.getResponseHeaders().set("Date", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                clock.instant().atZone(java.time.ZoneOffset.UTC)));
        int len = resp.body.length;
        ex.sendResponseHeaders(resp.status, len == 0 ? -1 : len);
        if (len > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(resp.body);
            }
        }
        ex.close();
    }

    private void logLine(String method, URI uri, String outcome, long t0) {
        if (log == null) return;
        StringBuilder sb = new StringBuilder().append(Instant.now()).append(' ').append(method).append(' ').append(collapse(pathOf(uri)));
        String q = uri.getRawQuery();
        if (q != null && !pathOf(uri).contains("/oauth2/")) {
            StringBuilder kept = new StringBuilder();
            for (String pair : q.split("&")) {
                String k = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                kept.append(kept.length() == 0 ? "?" : "&").append(KEEP_QUERY.matcher(k).matches() ? pair : k + "=***");
            }
            sb.append(kept);
        }
        sb.append(' ').append(outcome).append(' ').append((System.nanoTime() - t0) / 1_000_000).append("ms");
        log.accept(sb.toString());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
