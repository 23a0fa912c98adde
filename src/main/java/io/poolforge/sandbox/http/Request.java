package io.poolforge.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/** One HTTP request as the sandbox's handlers see it. */
public final class Request {
    final String method;
    public final String path;
    final String rawQuery;
    public final Map<String, String> query;
    final Map<String, List<String>> headers;
    public final byte[] body;
    /** {@code https://127.0.0.1:PORT} (no trailing slash). */
    public final String base;
    public Matcher params;
    /** The verified bearer token's claims (identity's {@code Tokens.Claims}), set by the dispatcher; null on unauthenticated routes. */
    public Object claims;
    public Router.Route route;
    /** Set by a "fail" fault: the operation this request starts ends Failed with this code. */
    public String failCode;

    public Request(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body, String base) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = path;
        this.rawQuery = rawQuery;
        this.query = parseForm(rawQuery);
        this.headers = headers;
        this.body = body;
        this.base = base;
    }

    public String param(String name) {
        return params.group(name);
    }

    public String query(String name) {
        for (Map.Entry<String, String> e : query.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }

    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) return e.getValue().get(0);
        }
        return null;
    }

    public String apiVersion() {
        return query("api-version");
    }

    public JsonNode json() {
        return Json.parse(new String(body, StandardCharsets.UTF_8));
    }

    public Map<String, String> form() {
        return parseForm(new String(body, StandardCharsets.UTF_8));
    }

    /** This request's URL with the query replaced. */
    public String url(String newQuery) {
        return base + path + (newQuery == null || newQuery.isEmpty() ? "" : "?" + newQuery);
    }

    static Map<String, String> parseForm(String s) {
        Map<String, String> m = new LinkedHashMap<>();
        if (s == null || s.isEmpty()) return m;
        for (String pair : s.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            m.putIfAbsent(k, v);
        }
        return m;
    }
}
