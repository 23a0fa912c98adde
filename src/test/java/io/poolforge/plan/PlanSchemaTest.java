package io.poolforge.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/plan.schema.json and the Java model agree: the examples validate against the schema (with a
 * small validator for the keywords the schema uses), each $def has exactly the record's JSON
 * properties, every field the schema requires is one PlanCheck reports when missing, and the
 * enumerations are the same.
 */
class PlanSchemaTest {
    private static final Map<String, Class<?>> DEFS = Map.ofEntries(
            Map.entry("Source", Plan.Source.class), Map.entry("BaseImage", Plan.BaseImage.class),
            Map.entry("Snapshots", Plan.Snapshots.class), Map.entry("OsDisk", Plan.OsDisk.class),
            Map.entry("DataDisk", Plan.DataDisk.class), Map.entry("Image", Plan.Image.class),
            Map.entry("Purchase", Plan.Purchase.class), Map.entry("Gallery", Plan.Gallery.class),
            Map.entry("TargetRegion", Plan.TargetRegion.class), Map.entry("ManagedImage", Plan.ManagedImage.class),
            Map.entry("Pool", Plan.Pool.class), Map.entry("BatchAccount", Plan.BatchAccount.class));

    private static JsonNode schema;
    private final ObjectMapper mapper = PlanJson.newMapper();

    @BeforeAll
    static void load() throws IOException {
        schema = new ObjectMapper().readTree(Files.readString(Path.of("docs/plan.schema.json")));
    }

    @Test
    void theExamplesValidateAgainstTheSchema() throws IOException {
        try (var files = Files.list(Path.of("docs/examples"))) {
            List<Path> examples = files.filter(f -> f.toString().endsWith(".json")).toList();
            assertThat(examples).hasSizeGreaterThanOrEqualTo(2);
            for (Path f : examples) {
                assertThat(validate(TestPlans.tree(f))).as(f.toString()).isEmpty();
                assertThat(new PlanValidator(new PlanCodec(), new OfflineDomainRules()).validate(TestPlans.plan(f)))
                        .as(f.toString()).isEmpty();
            }
        }
    }

    @Test
    void theValidatorCatchesWhatTheSchemaForbids() {
        ObjectNode tree = TestPlans.tree(TestPlans.GALLERY);
        assertThat(validate(TestPlans.edit(tree, "/pool/targetDedicatedNodes", TestPlans.json("\"2\"")))).isNotEmpty();
        assertThat(validate(TestPlans.edit(tree, "/image/target", "vhd"))).isNotEmpty();
        assertThat(validate(TestPlans.edit(tree, "/pool/extra", "x"))).isNotEmpty();
        assertThat(validate(TestPlans.edit(tree, "/image/gallery", (JsonNode) null))).isNotEmpty();
    }

    @Test
    void eachDefinitionHasTheRecordsProperties() {
        for (var e : DEFS.entrySet()) {
            assertThat(names(schema.at("/$defs/" + e.getKey() + "/properties"))).as(e.getKey())
                    .isEqualTo(javaProperties(e.getValue()));
        }
        assertThat(names(schema.get("properties"))).isEqualTo(javaProperties(Plan.class));
    }

    @Test
    void everyRequiredFieldIsReportedMissingByPlanCheck() {
        List<String> required = new ArrayList<>();
        requiredPaths(schema, "", TestPlans.tree(TestPlans.MANAGED), required);
        requiredPaths(schema, "", TestPlans.tree(TestPlans.GALLERY), required);
        assertThat(required).contains("/pool/poolId", "/image/gallery/targetRegions/0/replicaCount",
                "/snapshots/dataDisks/0/lun", "/image/managedImage/name");
        for (String path : new TreeSet<>(required)) {
            if (path.equals("/planVersion")) continue; // PlanCodec refuses it before binding
            // source and snapshots are required unless the plan starts from an existing gallery version:
            // remove them from the managed-image plan, where nothing can stand in for them.
            Path file = path.startsWith("/image/managedImage") || path.startsWith("/snapshots/dataDisks")
                    || path.equals("/snapshots") || path.equals("/source") ? TestPlans.MANAGED : TestPlans.GALLERY;
            ObjectNode without = TestPlans.edit(TestPlans.tree(file), path, (JsonNode) null);
            assertThat(validate(without)).as("schema, without " + path).isNotEmpty();
            assertThat(PlanCheck.check(TestPlans.plan(without))).as("PlanCheck, without " + path)
                    .extracting(Finding::path).contains(path);
        }
    }

    @Test
    void enumerationsAreTheSame() {
        assertThat(enumOf("/$defs/Image/properties/osType")).isEqualTo(PlanCheck.OS_TYPES);
        assertThat(enumOf("/$defs/Source/properties/osType")).isEqualTo(PlanCheck.OS_TYPES);
        assertThat(enumOf("/$defs/Image/properties/osState")).isEqualTo(PlanCheck.OS_STATES);
        assertThat(enumOf("/$defs/Image/properties/hyperVGeneration")).isEqualTo(PlanCheck.GENERATIONS);
        assertThat(enumOf("/$defs/Source/properties/hyperVGeneration")).isEqualTo(PlanCheck.GENERATIONS);
        assertThat(enumOf("/$defs/Image/properties/securityType")).isEqualTo(PlanCheck.SECURITY_TYPES);
        assertThat(enumOf("/$defs/Image/properties/target")).isEqualTo(PlanCheck.TARGETS);
        assertThat(schema.at("/properties/planVersion/const").asInt()).isEqualTo(Plan.CURRENT_VERSION);
    }

    private List<String> enumOf(String pointer) {
        List<String> out = new ArrayList<>();
        schema.at(pointer + "/enum").forEach(n -> out.add(n.asText()));
        return out;
    }

    private Set<String> javaProperties(Class<?> type) {
        BeanDescription d = mapper.getDeserializationConfig().introspect(mapper.constructType(type));
        return d.findProperties().stream().map(BeanPropertyDefinition::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> names(JsonNode properties) {
        Set<String> out = new TreeSet<>();
        properties.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Paths of the required fields present in {@code doc} (so that removing each one is a real test). */
    private static void requiredPaths(JsonNode s, String at, JsonNode doc, List<String> out) {
        s = deref(s);
        if (doc == null) return;
        if (doc.isObject()) {
            for (JsonNode r : s.path("required")) out.add(at + "/" + r.asText());
            for (JsonNode rule : s.path("allOf")) {
                if (matches(rule.get("if"), doc)) rule.at("/then/required").forEach(r -> out.add(at + "/" + r.asText()));
            }
            s.path("properties").fields().forEachRemaining(p -> requiredPaths(p.getValue(), at + "/" + p.getKey(),
                    doc.get(p.getKey()), out));
        } else if (doc.isArray() && s.has("items")) {
            if (!doc.isEmpty()) requiredPaths(s.get("items"), at + "/0", doc.get(0), out);
        }
    }

    // ---- A validator for the JSON Schema keywords plan.schema.json uses ----

    /** PF-20 (second pass), for other tests: the errors of {@code doc} against docs/plan.schema.json (loaded if needed). */
    static List<String> validateAgainstSchema(JsonNode doc) {
        try {
            if (schema == null) load();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return validate(doc);
    }

    static List<String> validate(JsonNode doc) {
        List<String> errors = new ArrayList<>();
        check(schema, doc, "", errors);
        return errors;
    }

    private static JsonNode deref(JsonNode s) {
        while (s.has("$ref")) s = schema.at(s.get("$ref").asText().substring(1));
        return s;
    }

    private static boolean matches(JsonNode s, JsonNode doc) {
        List<String> e = new ArrayList<>();
        check(s, doc, "", e);
        return e.isEmpty();
    }

    private static void check(JsonNode s, JsonNode doc, String at, List<String> errors) {
        s = deref(s);
        if (s.has("const") && !s.get("const").equals(doc)) errors.add(at + ": not " + s.get("const"));
        if (s.has("enum")) {
            boolean found = false;
            for (JsonNode v : s.get("enum")) found |= v.equals(doc);
            if (!found) errors.add(at + ": not one of " + s.get("enum"));
        }
        String type = s.path("type").asText("");
        switch (type) {
            case "object" -> { if (!doc.isObject()) { errors.add(at + ": not an object"); return; } }
            case "array" -> { if (!doc.isArray()) { errors.add(at + ": not an array"); return; } }
            case "string" -> { if (!doc.isTextual()) errors.add(at + ": not a string"); }
            case "integer" -> { if (!doc.isIntegralNumber()) errors.add(at + ": not an integer"); }
            default -> { }
        }
        if (s.has("minLength") && doc.isTextual() && doc.asText().length() < s.get("minLength").asInt()) {
            errors.add(at + ": too short");
        }
        if (s.has("minimum") && doc.isNumber() && doc.asLong() < s.get("minimum").asLong()) errors.add(at + ": too small");
        if (s.has("maximum") && doc.isNumber() && doc.asLong() > s.get("maximum").asLong()) errors.add(at + ": too large");
        if (s.has("minItems") && doc.isArray() && doc.size() < s.get("minItems").asInt()) errors.add(at + ": too few items");
        if (doc.isArray() && s.has("items")) {
            for (int i = 0; i < doc.size(); i++) check(s.get("items"), doc.get(i), at + "/" + i, errors);
        }
        if (doc.isObject()) {
            for (JsonNode r : s.path("required")) if (!doc.has(r.asText())) errors.add(at + "/" + r.asText() + ": missing");
            JsonNode props = s.path("properties");
            for (Iterator<String> it = doc.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (props.has(name)) check(props.get(name), doc.get(name), at + "/" + name, errors);
                else if (s.path("additionalProperties").isBoolean() && !s.get("additionalProperties").asBoolean()) {
                    errors.add(at + "/" + name + ": not allowed");
                }
            }
            for (JsonNode rule : s.path("allOf")) {
                if (rule.has("if") && matches(rule.get("if"), doc)) check(rule.get("then"), doc, at, errors);
            }
        }
    }
}
