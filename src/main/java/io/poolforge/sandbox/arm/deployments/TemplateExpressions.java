package io.poolforge.sandbox.arm.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.sandbox.http.ApiError;
import io.poolforge.sandbox.http.Json;
import io.poolforge.sandbox.state.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ARM template language expressions ("Template functions", Microsoft Learn): a string "[...]" is an expression,
 * "[[..." a literal starting with '['. The functions a deployment of PoolForge's templates (and ones like them) needs:
 * parameters, variables, resourceId, subscriptionResourceId, format, concat, uniqueString, resourceGroup, subscription,
 * toLower, toUpper, string, int, bool, equals, if, empty. Property access ({@code .name}) and indexes ({@code [0]}) work on
 * the results. Any other function is ARM's 400 InvalidTemplate, naming it.
 */
final class TemplateExpressions {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** What expressions see: the parameters' values, the variables (evaluated on demand), the deployment's scope. */
    static final class Scope {
        final Map<String, JsonNode> parameters;
        final JsonNode variables;
        final String subscriptionId;
        final String resourceGroup;
        final String location;
        final String tenantId;
        final java.util.Set<String> evaluating = new java.util.HashSet<>();

        Scope(Map<String, JsonNode> parameters, JsonNode variables, String subscriptionId, String resourceGroup, String location,
              String tenantId) {
            this.parameters = parameters;
            this.variables = variables == null ? F.objectNode() : variables;
            this.subscriptionId = subscriptionId;
            this.resourceGroup = resourceGroup;
            this.location = location;
            this.tenantId = tenantId;
        }
    }

    private final Scope scope;
    private String text;
    private int pos;

    TemplateExpressions(Scope scope) {
        this.scope = scope;
    }

    /** The JSON with every expression in it evaluated (objects and arrays deeply). */
    JsonNode evaluate(JsonNode n) {
        if (n == null) return null;
        if (n.isTextual()) return evaluateString(n.asText());
        if (n.isObject()) {
            ObjectNode out = F.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), evaluate(e.getValue()));
            }
            return out;
        }
        if (n.isArray()) {
            ArrayNode out = F.arrayNode();
            for (JsonNode x : n) out.add(evaluate(x));
            return out;
        }
        return n.deepCopy();
    }

    JsonNode evaluateString(String s) {
        if (s.startsWith("[[")) return F.textNode(s.substring(1));
        if (!(s.startsWith("[") && s.endsWith("]"))) return F.textNode(s);
        TemplateExpressions sub = new TemplateExpressions(scope);
        sub.text = s.substring(1, s.length() - 1);
        sub.pos = 0;
        JsonNode v = sub.expression();
        sub.skipSpace();
        if (sub.pos != sub.text.length()) throw sub.invalid("unexpected '" + sub.text.substring(sub.pos) + "'");
        return v;
    }

    static ApiError invalidTemplate(String message) {
        return new ApiError(400, "InvalidTemplate", "Deployment template validation failed: '" + message + "'.");
    }

    private ApiError invalid(String why) {
        return invalidTemplate("The template language expression '" + text + "' is not valid: " + why);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private JsonNode expression() {
        skipSpace();
        if (pos >= text.length()) throw invalid("it ends too early");
        char c = text.charAt(pos);
        JsonNode v;
        if (c == '\'') {
            v = F.textNode(string());
        } else if (Character.isDigit(c) || c == '-') {
            int start = pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
            v = F.numberNode(Long.parseLong(text.substring(start, pos)));
        } else if (Character.isLetter(c)) {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
            String name = text.substring(start, pos);
            skipSpace();
            if (name.equalsIgnoreCase("true") || name.equalsIgnoreCase("false")) {
                v = F.booleanNode(Boolean.parseBoolean(name.toLowerCase(Locale.ROOT)));
            } else {
                if (pos >= text.length() || text.charAt(pos) != '(') throw invalid("'" + name + "' must be a function call");
                pos++;
                List<JsonNode> args = new ArrayList<>();
                skipSpace();
                if (pos < text.length() && text.charAt(pos) == ')') {
                    pos++;
                } else {
                    while (true) {
                        args.add(expression());
                        skipSpace();
                        if (pos >= text.length()) throw invalid("missing ')'");
                        char d = text.charAt(pos++);
                        if (d == ')') break;
                        if (d != ',') throw invalid("expected ',' or ')'");
                    }
                }
                v = call(name, args);
            }
        } else {
            throw invalid("unexpected '" + c + "'");
        }
        while (true) {
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == '.') {
                pos++;
                int start = pos;
                while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
                String prop = text.substring(start, pos);
                JsonNode next = v == null ? null : v.get(prop);
                if (next == null) throw invalid("the value has no property '" + prop + "'");
                v = next;
            } else if (pos < text.length() && text.charAt(pos) == '[') {
                pos++;
                JsonNode idx = expression();
                skipSpace();
                if (pos >= text.length() || text.charAt(pos++) != ']') throw invalid("missing ']'");
                JsonNode next = idx.isNumber() ? v.get(idx.asInt()) : v.get(idx.asText());
                if (next == null) throw invalid("index '" + idx.asText() + "' is out of range");
                v = next;
            } else {
                return v;
            }
        }
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) throw invalid("unterminated string");
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (pos < text.length() && text.charAt(pos) == '\'') {
                    sb.append('\'');
                    pos++;
                } else {
                    return sb.toString();
                }
            } else {
                sb.append(c);
            }
        }
    }

    private JsonNode call(String name, List<JsonNode> a) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "parameters" -> {
                String p = arg(a, 0, name);
                for (Map.Entry<String, JsonNode> e : scope.parameters.entrySet()) if (e.getKey().equalsIgnoreCase(p)) return e.getValue();
                throw invalidTemplate("The template parameter '" + p + "' is not found");
            }
            case "variables" -> {
                String v = arg(a, 0, name);
                for (Iterator<String> it = scope.variables.fieldNames(); it.hasNext(); ) {
                    String k = it.next();
                    if (k.equalsIgnoreCase(v)) {
                        if (!scope.evaluating.add(k)) throw invalidTemplate("The template variable '" + k + "' refers to itself");
                        try {
                            return evaluate(scope.variables.get(k));
                        } finally {
                            scope.evaluating.remove(k);
                        }
                    }
                }
                throw invalidTemplate("The template variable '" + v + "' is not found");
            }
            case "resourceid" -> {
                return F.textNode(resourceId(a, true));
            }
            case "subscriptionresourceid" -> {
                return F.textNode(resourceId(a, false));
            }
            case "format" -> {
                String f = arg(a, 0, name);
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < f.length(); i++) {
                    char c = f.charAt(i);
                    if (c == '{' && i + 1 < f.length() && f.charAt(i + 1) == '{') {
                        sb.append('{');
                        i++;
                    } else if (c == '}' && i + 1 < f.length() && f.charAt(i + 1) == '}') {
                        sb.append('}');
                        i++;
                    } else if (c == '{') {
                        int end = f.indexOf('}', i);
                        if (end < 0) throw invalid("format string '" + f + "' has an open '{'");
                        int k = Integer.parseInt(f.substring(i + 1, end).split(":")[0].trim());
                        if (k + 1 >= a.size()) throw invalid("format string '" + f + "' refers to argument " + k + " that is not given");
                        sb.append(a.get(k + 1).asText());
                        i = end;
                    } else {
                        sb.append(c);
                    }
                }
                return F.textNode(sb.toString());
            }
            case "concat" -> {
                if (!a.isEmpty() && a.get(0).isArray()) {
                    ArrayNode out = F.arrayNode();
                    for (JsonNode x : a) out.addAll((ArrayNode) x);
                    return out;
                }
                StringBuilder sb = new StringBuilder();
                for (JsonNode x : a) sb.append(x.asText());
                return F.textNode(sb.toString());
            }
            case "uniquestring" -> {
                StringBuilder sb = new StringBuilder();
                for (JsonNode x : a) sb.append(x.asText()).append('\u0000');
                return F.textNode(uniqueString(sb.toString()));
            }
            case "resourcegroup" -> {
                String id = Ids.rg(scope.subscriptionId, scope.resourceGroup);
                return Json.o("id", id, "name", scope.resourceGroup, "type", "Microsoft.Resources/resourceGroups",
                        "location", scope.location, "properties", Json.o("provisioningState", "Succeeded"));
            }
            case "subscription" -> {
                return Json.o("id", Ids.sub(scope.subscriptionId), "subscriptionId", scope.subscriptionId, "tenantId", scope.tenantId);
            }
            case "tolower" -> {
                return F.textNode(arg(a, 0, name).toLowerCase(Locale.ROOT));
            }
            case "toupper" -> {
                return F.textNode(arg(a, 0, name).toUpperCase(Locale.ROOT));
            }
            case "string" -> {
                JsonNode x = a.get(0);
                return F.textNode(x.isTextual() ? x.asText() : Json.text(x));
            }
            case "int" -> {
                return F.numberNode(Long.parseLong(arg(a, 0, name).trim()));
            }
            case "bool" -> {
                return F.booleanNode(a.get(0).isBoolean() ? a.get(0).asBoolean() : Boolean.parseBoolean(a.get(0).asText()));
            }
            case "equals" -> {
                return F.booleanNode(a.size() == 2 && a.get(0).equals(a.get(1)));
            }
            case "if" -> {
                if (a.size() != 3) throw invalid("if() takes 3 arguments");
                return a.get(0).asBoolean() ? a.get(1) : a.get(2);
            }
            case "empty" -> {
                JsonNode x = a.get(0);
                return F.booleanNode(x == null || x.isNull() || (x.isTextual() && x.asText().isEmpty()) || (x.isContainerNode() && x.size() == 0));
            }
            default -> throw invalidTemplate("The template function '" + name + "' is not valid or is not emulated by the PoolForge "
                    + "sandbox (docs/SANDBOX.md lists the functions it evaluates)");
        }
    }

    private String arg(List<JsonNode> a, int i, String fn) {
        if (a.size() <= i) throw invalid(fn + "() needs at least " + (i + 1) + " argument(s)");
        return a.get(i).asText();
    }

    /** resourceId([subscriptionId], [resourceGroupName], resourceType, name1, name2...). */
    private String resourceId(List<JsonNode> a, boolean groupScoped) {
        int t = -1;
        for (int i = 0; i < a.size(); i++) {
            String s = a.get(i).asText();
            if (s.indexOf('/') > 0 && s.substring(0, s.indexOf('/')).contains(".")) {
                t = i;
                break;
            }
        }
        if (t < 0) throw invalid("resourceId() needs a resource type like 'Microsoft.Compute/galleries'");
        String sub = scope.subscriptionId;
        String rg = scope.resourceGroup;
        if (t == 1) {
            if (groupScoped) rg = a.get(0).asText();
            else sub = a.get(0).asText();
        } else if (t == 2) {
            sub = a.get(0).asText();
            rg = a.get(1).asText();
        } else if (t > 2) {
            throw invalid("resourceId() takes at most a subscription and a resource group before the type");
        }
        String[] typeParts = a.get(t).asText().split("/");
        int names = a.size() - t - 1;
        if (names != typeParts.length - 1) {
            throw invalid("resourceId() for type '" + a.get(t).asText() + "' needs " + (typeParts.length - 1) + " name(s), got " + names);
        }
        StringBuilder sb = new StringBuilder(groupScoped ? Ids.rg(sub, rg) : Ids.sub(sub)).append("/providers/").append(typeParts[0]);
        for (int i = 1; i < typeParts.length; i++) sb.append('/').append(typeParts[i]).append('/').append(a.get(t + i).asText());
        return sb.toString();
    }

    /** 13 lower-case characters, deterministic for its input, like ARM's uniqueString (its hash is not published). */
    static String uniqueString(String input) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
            StringBuilder sb = new StringBuilder();
            long bits = 0;
            for (int i = 0; i < 8; i++) bits = bits << 8 | (d[i] & 0xff);
            for (int i = 0; i < 13; i++) {
                sb.append(alphabet.charAt((int) (bits >>> 59)));
                bits <<= 5;
                if (i == 11) bits |= (d[8] & 0xffL) << 56;
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
