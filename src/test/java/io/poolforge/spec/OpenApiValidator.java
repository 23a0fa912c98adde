package io.poolforge.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small validator of a JSON request body against a Swagger 2.0 (OpenAPI) definition of Azure/azure-rest-api-specs (PF-16):
 * local {@code $ref}s, {@code allOf} (properties and required lists merged), {@code required}, {@code enum}, {@code type}
 * (object, array, string, integer, number, boolean), {@code format} duration and int32, {@code additionalProperties} maps, and
 * NO unknown property (a misspelt or non-existent field is an error), nor a {@code readOnly} one in a request.
 * ARM template expressions ({@code "[parameters('x')]"}) stand for values of any type when {@code armExpressions} is on.
 */
public final class OpenApiValidator {
    private final JsonNode spec;
    private final boolean armExpressions;

    private OpenApiValidator(JsonNode spec, boolean armExpressions) {
        this.spec = spec;
        this.armExpressions = armExpressions;
    }

    public static OpenApiValidator load(Path swagger) throws IOException {
        return new OpenApiValidator(new ObjectMapper().readTree(swagger.toFile()), false);
    }

    /** The same validator, reading {@code "[...]"} strings as ARM template expressions. */
    public OpenApiValidator withArmExpressions() {
        return new OpenApiValidator(spec, true);
    }

    /** The spec's {@code info.version} (the api-version it defines). */
    public String apiVersion() {
        return spec.path("info").path("version").asText();
    }

    /** The schema of the body parameter of the operation {@code operationId} (for example "Pool_Create"). */
    public JsonNode bodySchema(String operationId) {
        for (JsonNode path : spec.path("paths")) {
            for (JsonNode op : path) {
                if (!operationId.equals(op.path("operationId").asText())) continue;
                for (JsonNode p : op.path("parameters")) {
                    JsonNode param = resolveParam(p);
                    if ("body".equals(param.path("in").asText())) return param.path("schema");
                }
            }
        }
        throw new IllegalArgumentException("No operation " + operationId + " with a body in " + apiVersion());
    }

    /** The definition named {@code name}. */
    public JsonNode definition(String name) {
        JsonNode d = spec.path("definitions").path(name);
        if (d.isMissingNode()) throw new IllegalArgumentException("No definition " + name);
        return d;
    }

    private JsonNode resolveParam(JsonNode p) {
        if (p.has("$ref")) {
            String ref = p.get("$ref").asText();
            if (ref.startsWith("#/parameters/")) return spec.path("parameters").path(ref.substring("#/parameters/".length()));
            return p; // a parameter in another file (common types): never the body here
        }
        return p;
    }

    /** Every problem of {@code value} against {@code schema} ("$.properties.vmSize: ..."); empty when it conforms. */
    public List<String> validate(JsonNode value, JsonNode schema) {
        List<String> errors = new ArrayList<>();
        check(value, schema, "$", errors);
        return errors;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        int guard = 0;
        while (s.has("$ref")) {
            String ref = s.get("$ref").asText();
            if (!ref.startsWith("#/definitions/")) throw new IllegalArgumentException("Only local $refs are read: " + ref);
            s = spec.path("definitions").path(ref.substring("#/definitions/".length()));
            if (s.isMissingNode()) throw new IllegalArgumentException("Unresolved $ref " + ref);
            if (++guard > 50) throw new IllegalStateException("$ref loop at " + ref);
        }
        return s;
    }

    /** The schema's properties with those of its allOf parts (recursively). */
    private Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        JsonNode s = resolve(schema);
        for (JsonNode part : s.path("allOf")) out.putAll(properties(part));
        Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields();
        while (it.hasNext()) {
            var e = it.next();
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    private Set<String> required(JsonNode schema) {
        Set<String> out = new LinkedHashSet<>();
        JsonNode s = resolve(schema);
        for (JsonNode part : s.path("allOf")) out.addAll(required(part));
        s.path("required").forEach(r -> out.add(r.asText()));
        return out;
    }

    private String type(JsonNode schema) {
        JsonNode s = resolve(schema);
        if (s.has("type")) return s.get("type").asText();
        for (JsonNode part : s.path("allOf")) {
            String t = type(part);
            if (t != null) return t;
        }
        return s.has("properties") ? "object" : null;
    }

    private void check(JsonNode value, JsonNode schema0, String at, List<String> errors) {
        JsonNode schema = resolve(schema0);
        if (armExpressions && value.isTextual() && value.asText().startsWith("[") && value.asText().endsWith("]")
                && !value.asText().startsWith("[[")) {
            return; // an ARM template expression: its value is known at deployment
        }
        String type = type(schema);
        if (schema.has("enum") && value.isValueNode()) {
            boolean ok = false;
            for (JsonNode e : schema.get("enum")) ok |= e.asText().equals(value.asText());
            if (!ok) errors.add(at + ": \"" + value.asText() + "\" is not one of " + schema.get("enum"));
        }
        if (type == null) return;
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    errors.add(at + ": expected an object, got " + value.getNodeType());
                    return;
                }
                Map<String, JsonNode> props = properties(schema);
                JsonNode additional = schema.get("additionalProperties");
                for (String r : required(schema)) {
                    if (!value.has(r)) errors.add(at + ": required property \"" + r + "\" is missing");
                }
                Iterator<Map.Entry<String, JsonNode>> it = value.fields();
                while (it.hasNext()) {
                    var e = it.next();
                    JsonNode ps = props.get(e.getKey());
                    if (ps == null) {
                        if (additional != null && additional.isObject()) {
                            check(e.getValue(), additional, at + "." + e.getKey(), errors);
                        } else if (additional == null || !additional.asBoolean(false)) {
                            errors.add(at + ": unknown property \"" + e.getKey() + "\" (not in the " + apiVersion() + " definition)");
                        }
                        continue;
                    }
                    if (resolve(ps).path("readOnly").asBoolean(false) || ps.path("readOnly").asBoolean(false)) {
                        errors.add(at + "." + e.getKey() + ": read-only, not for a request");
                        continue;
                    }
                    if (e.getValue().isNull()) continue;
                    check(e.getValue(), ps, at + "." + e.getKey(), errors);
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    errors.add(at + ": expected an array, got " + value.getNodeType());
                    return;
                }
                int i = 0;
                for (JsonNode item : value) check(item, schema.path("items"), at + "[" + i++ + "]", errors);
            }
            case "string" -> {
                if (!value.isTextual()) {
                    errors.add(at + ": expected a string, got " + value.getNodeType());
                    return;
                }
                if ("duration".equals(schema.path("format").asText())) {
                    try {
                        Duration.parse(value.asText());
                    } catch (RuntimeException ex) {
                        errors.add(at + ": \"" + value.asText() + "\" is not an ISO-8601 duration");
                    }
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    errors.add(at + ": expected an integer, got " + value.getNodeType());
                } else if ("int32".equals(schema.path("format").asText()) && !value.canConvertToInt()) {
                    errors.add(at + ": " + value + " is not an int32");
                }
            }
            case "number" -> {
                if (!value.isNumber()) errors.add(at + ": expected a number, got " + value.getNodeType());
            }
            case "boolean" -> {
                if (!value.isBoolean()) errors.add(at + ": expected a boolean, got " + value.getNodeType());
            }
            default -> errors.add(at + ": the validator does not know the type \"" + type + "\"");
        }
    }
}
