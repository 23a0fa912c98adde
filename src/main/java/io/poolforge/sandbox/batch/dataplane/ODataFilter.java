package io.poolforge.sandbox.batch.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolforge.sandbox.http.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The OData {@code $filter} subset the Batch service accepts on its lists ("Create queries to list Batch resources
 * efficiently"): comparisons {@code eq}, {@code ne}, {@code gt}, {@code ge}, {@code lt}, {@code le} of a filterable
 * property with a literal ('text', number, true/false), {@code startswith(prop,'text')}, {@code and}, {@code or},
 * {@code not} and parentheses. A property the list cannot filter on, or text that does not parse, is the service's
 * 400 {@code InvalidQueryParameterValue}, never a silently unfiltered list.
 */
final class ODataFilter {
    private final String text;
    private final Set<String> filterable;
    private final List<String> tokens = new ArrayList<>();
    private int pos;

    private ODataFilter(String text, Set<String> filterable) {
        this.text = text;
        this.filterable = filterable;
    }

    /** A predicate over the data-plane JSON of an item; everything passes when {@code filter} is null or blank. */
    static Predicate<JsonNode> parse(String filter, Set<String> filterable) {
        if (filter == null || filter.isBlank()) return n -> true;
        ODataFilter f = new ODataFilter(filter, filterable);
        f.tokenize();
        Predicate<JsonNode> p = f.or();
        if (f.pos != f.tokens.size()) throw f.invalid("unexpected '" + f.tokens.get(f.pos) + "'");
        return p;
    }

    static ApiError invalidQuery(String parameter, String reason) {
        return new ApiError(400, "InvalidQueryParameterValue", "Value for one of the query parameters specified in the request URI is "
                + "invalid. QueryParameterName: " + parameter + ". Reason: " + reason);
    }

    private ApiError invalid(String reason) {
        return invalidQuery("$filter", reason + " in '" + text + "'.");
    }

    private void tokenize() {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '\'') {
                StringBuilder sb = new StringBuilder("'");
                i++;
                while (true) {
                    if (i >= text.length()) throw invalid("unterminated string literal");
                    char d = text.charAt(i++);
                    if (d == '\'') {
                        if (i < text.length() && text.charAt(i) == '\'') {
                            sb.append('\'');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        sb.append(d);
                    }
                }
                tokens.add(sb.toString());
            } else {
                int j = i;
                while (j < text.length() && !Character.isWhitespace(text.charAt(j)) && "(),'".indexOf(text.charAt(j)) < 0) j++;
                tokens.add(text.substring(i, j));
                i = j;
            }
        }
    }

    private String peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private String next() {
        if (pos >= tokens.size()) throw invalid("unexpected end of expression");
        return tokens.get(pos++);
    }

    private boolean keyword(String k) {
        String t = peek();
        if (t != null && t.equalsIgnoreCase(k)) {
            pos++;
            return true;
        }
        return false;
    }

    private Predicate<JsonNode> or() {
        Predicate<JsonNode> left = and();
        while (keyword("or")) left = left.or(and());
        return left;
    }

    private Predicate<JsonNode> and() {
        Predicate<JsonNode> left = unary();
        while (keyword("and")) left = left.and(unary());
        return left;
    }

    private Predicate<JsonNode> unary() {
        if (keyword("not")) return unary().negate();
        if ("(".equals(peek())) {
            pos++;
            Predicate<JsonNode> inner = or();
            if (!")".equals(next())) throw invalid("missing ')'");
            return inner;
        }
        String t = next();
        if (t.equalsIgnoreCase("startswith")) {
            expect("(");
            String prop = property(next());
            expect(",");
            String lit = next();
            if (!lit.startsWith("'")) throw invalid("startswith needs a string literal");
            expect(")");
            String prefix = lit.substring(1).toLowerCase(Locale.ROOT);
            return n -> {
                JsonNode v = n.get(prop);
                return v != null && !v.isNull() && v.asText().toLowerCase(Locale.ROOT).startsWith(prefix);
            };
        }
        String prop = property(t);
        String op = next().toLowerCase(Locale.ROOT);
        if (!Set.of("eq", "ne", "gt", "ge", "lt", "le").contains(op)) throw invalid("unsupported operator '" + op + "'");
        String lit = next();
        return n -> compare(n.get(prop), lit, op);
    }

    private void expect(String s) {
        if (!s.equals(next())) throw invalid("expected '" + s + "'");
    }

    private String property(String name) {
        for (String f : filterable) if (f.equalsIgnoreCase(name)) return f;
        throw invalid("the property '" + name + "' cannot be used in a filter on this list (filterable: " + String.join(", ", filterable) + ")");
    }

    private static boolean compare(JsonNode v, String literal, String op) {
        int c;
        if (literal.startsWith("'")) {
            String a = v == null || v.isNull() ? null : v.asText();
            if (a == null) return op.equals("ne");
            // Batch compares enum values and ids case-insensitively (pool ids are unique case-insensitively).
            c = a.compareToIgnoreCase(literal.substring(1));
        } else if (literal.equalsIgnoreCase("true") || literal.equalsIgnoreCase("false")) {
            boolean a = v != null && v.asBoolean(false);
            c = Boolean.compare(a, Boolean.parseBoolean(literal.toLowerCase(Locale.ROOT)));
        } else {
            double b;
            try {
                b = Double.parseDouble(literal);
            } catch (NumberFormatException e) {
                throw invalidQuery("$filter", "'" + literal + "' is not a literal (quote text as 'text').");
            }
            c = Double.compare(v == null ? 0 : v.asDouble(), b);
        }
        return switch (op) {
            case "eq" -> c == 0;
            case "ne" -> c != 0;
            case "gt" -> c > 0;
            case "ge" -> c >= 0;
            case "lt" -> c < 0;
            default -> c <= 0;
        };
    }
}
