package io.poolforge.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP answer. */
public final class Response {
    public final int status;
    public final Map<String, String> headers = new LinkedHashMap<>();
    public final byte[] body;

    public Response(int status, byte[] body, String contentType) {
        this.status = status;
        this.body = body == null ? new byte[0] : body;
        if (contentType != null) headers.put("Content-Type", contentType);
    }

    public static Response json(int status, JsonNode body) {
        return new Response(status, Json.bytes(body), "application/json; charset=utf-8");
    }

    public static Response ok(JsonNode body) {
        return json(200, body);
    }

    public static Response empty(int status) {
        return new Response(status, null, null);
    }

    public static Response html(String html) {
        return new Response(200, html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
    }

    public Response header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** ARM's error body. */
    public static Response error(ApiError e) {
        var body = Json.o("code", e.code, "message", e.getMessage());
        if (!e.details.isEmpty()) {
            var details = Json.a();
            e.details.forEach((k, v) -> details.add(Json.o("code", k, "message", v)));
            body.set("details", details);
        }
        Response r = json(e.status, Json.o("error", body));
        e.headers.forEach(r::header);
        return r;
    }

    /** The Batch data plane's error body ({"code","message":{"lang","value"}}). */
    public static Response batchError(ApiError e, String base) {
        var body = Json.o("odata.metadata", base + "/$metadata#Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element",
                "code", e.code, "message", Json.o("lang", "en-US", "value", e.getMessage()));
        if (!e.details.isEmpty()) {
            var values = Json.a();
            e.details.forEach((k, v) -> values.add(Json.o("key", k, "value", v)));
            body.set("values", values);
        }
        Response r = json(e.status, body);
        e.headers.forEach(r::header);
        return r;
    }
}
