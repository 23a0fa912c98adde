package io.poolforge.plan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.domain.PoolForgeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads and writes plan documents. Reading is explicit about everything it does not understand:
 * a file without {@code planVersion}, of a newer version, of an older version with no migration, or
 * with fields this version does not know is refused with a localized {@link PoolForgeException}
 * ({@code plan.error.*}); older versions with a migration are migrated on the JSON tree first.
 */
public final class PlanCodec {
    /** The migrations shipped, by the version they start from. Version 1 is the first: none yet. */
    public static final List<PlanMigration> MIGRATIONS = List.of();

    private final ObjectMapper mapper = PlanJson.newMapper();
    private final Map<Integer, PlanMigration> migrations;

    public PlanCodec() {
        this(MIGRATIONS);
    }

    /** With other migrations (tests). */
    public PlanCodec(List<PlanMigration> migrations) {
        this.migrations = migrations.stream().collect(Collectors.toUnmodifiableMap(PlanMigration::from, Function.identity()));
    }

    /** Reads a plan file. */
    public LoadedPlan read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PoolForgeException("plan.error.notFound", e, file.toString());
        } catch (IOException e) {
            throw new PoolForgeException("plan.error.read", e, new Object[] {file.toString(), e.getClass().getSimpleName()});
        }
        return parse(text, file.getFileName().toString());
    }

    /** Parses a plan document; {@code source} names it in messages. */
    public LoadedPlan parse(String json, String source) {
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new PoolForgeException("plan.error.notJson", e, source,
                    loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr());
        }
        if (!(tree instanceof ObjectNode doc)) throw new PoolForgeException("plan.error.notAPlan", source);
        JsonNode v = doc.get("planVersion");
        if (v == null || !v.isInt()) throw new PoolForgeException("plan.error.noVersion", source, Plan.CURRENT_VERSION);
        int fileVersion = v.intValue();
        if (fileVersion > Plan.CURRENT_VERSION) {
            throw new PoolForgeException("plan.error.tooNew", source, fileVersion, Plan.CURRENT_VERSION);
        }
        ObjectNode current = doc;
        for (int version = fileVersion; version < Plan.CURRENT_VERSION; version++) {
            PlanMigration m = migrations.get(version);
            if (m == null) throw new PoolForgeException("plan.error.tooOld", source, fileVersion, Plan.CURRENT_VERSION);
            current = m.apply(current.deepCopy());
        }
        return new LoadedPlan(bind(current, source), fileVersion);
    }

    private Plan bind(ObjectNode doc, String source) {
        List<String> unknown = new ArrayList<>();
        ObjectMapper strict = mapper.copy().addHandler(new DeserializationProblemHandler() {
            @Override
            public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                                 Object beanOrClass, String propertyName) throws IOException {
                unknown.add(pointer(p.getParsingContext().pathAsPointer().toString(), propertyName));
                p.skipChildren();
                return true;
            }
        });
        Plan plan;
        try {
            plan = strict.treeToValue(doc, Plan.class);
        } catch (JsonMappingException e) {
            throw new PoolForgeException("plan.error.wrongType", e, new Object[] {source, path(e)});
        } catch (JsonProcessingException e) {
            throw new PoolForgeException("plan.error.notJson", e, source, 0, 0);
        }
        if (!unknown.isEmpty()) {
            throw new PoolForgeException("plan.error.unknownFields", source, String.join(", ", unknown),
                    Plan.CURRENT_VERSION);
        }
        return plan;
    }

    private static String pointer(String contextPointer, String name) {
        // The context's pointer already ends with the property when the parser stands on its value.
        String tail = "/" + name.replace("~", "~0").replace("/", "~1");
        return contextPointer.endsWith(tail) ? contextPointer : contextPointer + tail;
    }

    /** The JSON pointer of a binding error ("/pool/targetDedicatedNodes"). */
    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            sb.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    /** The plan as pretty JSON (what the wizard saves and the run folder keeps). */
    public String write(Plan plan) {
        return PlanJson.pretty(mapper, plan);
    }

    /** SHA-256 (hex) of the plan's compact JSON (fixed field order): same plan, same digest, whatever the file's layout. */
    public String sha256(Plan plan) {
        try {
            byte[] bytes = mapper.writeValueAsBytes(plan);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
