package io.poolforge.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;

/** Small helpers to build and read Jackson trees. Stateless. */
public final class Json {
    /** Made on first use (it costs ~100 ms of class loading): building trees does not need it. */
    private static final class Holder {
        /**
         * Reads requests the way ARM's JSON reader does (JSONC): comments, unquoted field names, single quotes and trailing
         * commas. az sends deployment bodies as {@code {"properties": {..., template:{...}}}} (its JsonCTemplatePolicy).
         */
        static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_JAVA_COMMENTS,
                        com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
                        com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_SINGLE_QUOTES,
                        com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_TRAILING_COMMA)
                .build();
    }
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Json() {
    }

    /** An object from alternating keys and values; null values are skipped. */
    public static ObjectNode o(Object... kv) {
        ObjectNode n = F.objectNode();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            if (v != null) n.set((String) kv[i], node(v));
        }
        return n;
    }

    public static ArrayNode a(Object... items) {
        ArrayNode n = F.arrayNode();
        for (Object item : items) n.add(node(item));
        return n;
    }

    public static JsonNode node(Object v) {
        if (v == null) return F.nullNode();
        if (v instanceof JsonNode j) return j;
        if (v instanceof String s) return F.textNode(s);
        if (v instanceof Integer i) return F.numberNode(i);
        if (v instanceof Long l) return F.numberNode(l);
        if (v instanceof Double d) return F.numberNode(d);
        if (v instanceof Boolean b) return F.booleanNode(b);
        if (v instanceof Collection<?> c) {
            ArrayNode arr = F.arrayNode();
            c.forEach(x -> arr.add(node(x)));
            return arr;
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = F.objectNode();
            m.forEach((k, x) -> o.set(String.valueOf(k), node(x)));
            return o;
        }
        return F.textNode(String.valueOf(v));
    }

    public static JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? F.objectNode() : Holder.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new ApiError(400, "InvalidRequestContent", "The request content was invalid and could not be deserialized: "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    public static byte[] bytes(JsonNode n) {
        try {
            return Holder.MAPPER.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(JsonNode n) {
        try {
            return Holder.MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text at a slash path ("properties/storageProfile/osDisk/osType"), or null. */
    public static String str(JsonNode n, String path) {
        JsonNode v = at(n, path);
        return v == null || v.isNull() || v.isMissingNode() ? null : v.asText();
    }

    public static int integer(JsonNode n, String path, int dflt) {
        JsonNode v = at(n, path);
        return v == null || !v.isNumber() && !v.isTextual() ? dflt : v.asInt(dflt);
    }

    public static JsonNode at(JsonNode n, String path) {
        JsonNode cur = n;
        for (String part : path.split("/")) {
            if (cur == null) return null;
            cur = cur.get(part);
        }
        return cur;
    }

    /** The object at a path, created on the way if missing. */
    public static ObjectNode with(ObjectNode n, String path) {
        ObjectNode cur = n;
        for (String part : path.split("/")) {
            JsonNode next = cur.get(part);
            if (!(next instanceof ObjectNode)) {
                next = cur.putObject(part);
            }
            cur = (ObjectNode) next;
        }
        return cur;
    }

    /** Loads the mapper off the caller's thread, so the first request does not pay for it. */
    public static void warmUp() {
        Thread t = new Thread(() -> text(o("warm", true)), "poolforge-sandbox-warmup");
        t.setDaemon(true);
        t.start();
    }

    /** A copy of {@code a} with {@code b}'s fields over it (b may be null or not an object). */
    public static ObjectNode merge(ObjectNode a, JsonNode b) {
        ObjectNode out = a.deepCopy();
        if (b instanceof ObjectNode o) out.setAll(o.deepCopy());
        return out;
    }

    public static ObjectNode props(ObjectNode resource) {
        return with(resource, "properties");
    }
}
