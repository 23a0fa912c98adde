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
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
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

    /** Largest plan file read (bytes): the shipped examples are under 4 KiB; a plan is a few dozen short fields. */
    public static final long MAX_FILE_BYTES = 1024 * 1024;
    /** Longest string value or field name (characters): ARM ids are well under 1 KiB, a Batch display name 1024. */
    public static final int MAX_STRING_CHARS = 8 * 1024;
    /** Deepest nesting of objects and arrays: a plan is at most 5 levels deep. */
    public static final int MAX_DEPTH = 32;

    /** Reads a plan file: at most {@link #MAX_FILE_BYTES}, UTF-8 only. */
    public LoadedPlan read(Path file) {
        String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new PlanFormatException("PLAN_TOO_LARGE", "plan.error.tooLarge", null, source, size, MAX_FILE_BYTES);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new PoolForgeException("plan.error.notFound", e, file.toString());
        } catch (IOException e) {
            throw new PoolForgeException("plan.error.read", e, new Object[] {file.toString(), io.poolforge.domain.FailureWords.of(e)});
        }
        return parse(decode(bytes, source), source);
    }

    /**
     * The file's text as UTF-8 (RFC 8259 section 8.1: "JSON text exchanged between systems that are not part of a
     * closed ecosystem MUST be encoded using UTF-8"; a UTF-8 byte order mark is ignored, as that section allows).
     * UTF-16/32 (a byte order mark or NUL bytes) and invalid UTF-8 are refused with PLAN_NOT_UTF8 and the byte offset.
     */
    static String decode(byte[] bytes, String source) {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) start = 3;
        boolean utf16Bom = bytes.length >= 2 && (((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)
                || ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE));
        int nul = -1;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                nul = i;
                break;
            }
        }
        if (utf16Bom || (nul >= 0 && looksUtf16(bytes, start))) {
            throw new PlanFormatException("PLAN_NOT_UTF8", "plan.error.utf16", null, source, utf16Bom ? 0 : nul);
        }
        if (nul >= 0) throw new PlanFormatException("PLAN_NOT_UTF8", "plan.error.notUtf8", null, source, nul);
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return d.decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new PlanFormatException("PLAN_NOT_UTF8", "plan.error.notUtf8", e, source, in.position());
        }
    }

    /** UTF-16 without a byte order mark: ASCII text whose every other byte is zero (in the first 64 bytes). */
    private static boolean looksUtf16(byte[] b, int start) {
        int even = 0, odd = 0, n = Math.min(b.length - start, 64);
        for (int i = 0; i < n; i++) {
            if (b[start + i] == 0) {
                if (i % 2 == 0) even++;
                else odd++;
            }
        }
        return n >= 4 && (even >= n / 2 - 1 && odd == 0 || odd >= n / 2 - 1 && even == 0);
    }

    /** Parses a plan document; {@code source} names it in messages. */
    public LoadedPlan parse(String json, String source) {
        JsonNode tree = strictTree(json, source);
        if (!(tree instanceof ObjectNode doc)) {
            throw new PlanFormatException("PLAN_NOT_AN_OBJECT", "plan.error.notAPlan", null, source);
        }
        JsonNode v = doc.get("planVersion");
        if (v == null || v.isNull()) {
            throw new PlanFormatException("PLAN_VERSION_MISSING", "plan.error.noVersion", null, source, Plan.CURRENT_VERSION);
        }
        if (!v.isInt()) {
            throw new PlanFormatException("PLAN_VERSION_NOT_INTEGER", "plan.error.versionNotInteger", null, source,
                    v.toString(), Plan.CURRENT_VERSION);
        }
        int fileVersion = v.intValue();
        if (fileVersion > Plan.CURRENT_VERSION) {
            throw new PlanFormatException("PLAN_VERSION_TOO_NEW", "plan.error.tooNew", null, source, fileVersion, Plan.CURRENT_VERSION);
        }
        ObjectNode current = doc;
        for (int version = fileVersion; version < Plan.CURRENT_VERSION; version++) {
            PlanMigration m = migrations.get(version);
            if (m == null) {
                throw new PlanFormatException("PLAN_VERSION_TOO_OLD", "plan.error.tooOld", null, source, fileVersion,
                        Plan.CURRENT_VERSION);
            }
            current = m.apply(current.deepCopy());
        }
        return new LoadedPlan(bind(current, source), fileVersion);
    }

    /**
     * Exactly one JSON document, read token by token before it is bound: no content after it, no key twice in an
     * object, no string longer than {@link #MAX_STRING_CHARS}, no nesting deeper than {@link #MAX_DEPTH}, no
     * integer outside Java's int (every number of a plan is a count, a LUN or a version). Each with its own code
     * and the JSON pointer or line and column it is at.
     */
    private JsonNode strictTree(String json, String source) {
        Deque<Set<String>> keys = new ArrayDeque<>();
        try (JsonParser p = mapper.getFactory().createParser(json)) {
            JsonToken t = p.nextToken();
            if (t == null) throw new PlanFormatException("PLAN_NOT_JSON", "plan.error.empty", null, source);
            int depth = 0;
            do {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> {
                        depth++;
                        if (depth > MAX_DEPTH) {
                            throw new PlanFormatException("PLAN_TOO_DEEP", "plan.error.tooDeep", null, source, pointerOf(p),
                                    MAX_DEPTH);
                        }
                        keys.push(t == JsonToken.START_OBJECT ? new HashSet<>() : Set.of());
                    }
                    case END_OBJECT, END_ARRAY -> {
                        depth--;
                        keys.pop();
                    }
                    case FIELD_NAME -> {
                        String name = p.currentName();
                        if (name.length() > MAX_STRING_CHARS) {
                            throw new PlanFormatException("PLAN_STRING_TOO_LONG", "plan.error.stringTooLong", null, source,
                                    pointerOf(p), name.length(), MAX_STRING_CHARS);
                        }
                        if (!keys.peek().add(name)) {
                            throw new PlanFormatException("PLAN_DUPLICATE_KEY", "plan.error.duplicateKey", null, source,
                                    pointerOf(p), p.currentLocation().getLineNr());
                        }
                    }
                    case VALUE_STRING -> {
                        if (p.getTextLength() > MAX_STRING_CHARS) {
                            throw new PlanFormatException("PLAN_STRING_TOO_LONG", "plan.error.stringTooLong", null, source,
                                    pointerOf(p), p.getTextLength(), MAX_STRING_CHARS);
                        }
                    }
                    case VALUE_NUMBER_INT -> {
                        if (p.getNumberType() != JsonParser.NumberType.INT) {
                            throw new PlanFormatException("PLAN_NUMBER_OUT_OF_RANGE", "plan.error.numberTooLarge", null,
                                    source, pointerOf(p), abbreviate(p.getText()), Integer.MAX_VALUE);
                        }
                    }
                    default -> {
                    }
                }
                if (depth == 0) break;
                t = p.nextToken();
                if (t == null) throw new PlanFormatException("PLAN_NOT_JSON", "plan.error.truncated", null, source);
            } while (true);
            JsonToken after;
            JsonLocation where;
            try {
                after = p.nextToken();
                where = p.currentTokenLocation();
            } catch (JsonProcessingException e) {
                after = JsonToken.NOT_AVAILABLE;
                where = e.getLocation();
            }
            if (after != null) {
                throw new PlanFormatException("PLAN_TRAILING_CONTENT", "plan.error.trailing", null, source,
                        where == null ? 0 : where.getLineNr(), where == null ? 0 : where.getColumnNr());
            }
        } catch (PlanFormatException e) {
            throw e;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new PlanFormatException("PLAN_NOT_JSON", "plan.error.notJson", e, source,
                    loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr());
        } catch (IOException e) {
            throw new PlanFormatException("PLAN_NOT_JSON", "plan.error.notJson", e, source, 0, 0);
        }
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new PlanFormatException("PLAN_NOT_JSON", "plan.error.notJson", e, source,
                    loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr());
        }
    }

    private static String pointerOf(JsonParser p) {
        String ptr = p.getParsingContext().pathAsPointer().toString();
        return ptr.isEmpty() ? "/" : ptr;
    }

    private static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 12) + "…(" + s.length() + ")";
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
            String where = path(e);
            JsonNode found = doc.at(where.equals("/") ? "" : where);
            throw new PlanFormatException("PLAN_WRONG_TYPE", "plan.error.wrongType", e, source, where,
                    expected(e), found.isMissingNode() ? "" : abbreviate(found.toString()));
        } catch (JsonProcessingException e) {
            throw new PlanFormatException("PLAN_NOT_JSON", "plan.error.notJson", e, source, 0, 0);
        }
        if (!unknown.isEmpty()) {
            throw new PlanFormatException("PLAN_UNKNOWN_FIELDS", "plan.error.unknownFields", null, source, String.join(", ", unknown),
                    Plan.CURRENT_VERSION);
        }
        return plan;
    }

    private static String pointer(String contextPointer, String name) {
        // The context's pointer already ends with the property when the parser stands on its value.
        String tail = "/" + name.replace("~", "~0").replace("/", "~1");
        return contextPointer.endsWith(tail) ? contextPointer : contextPointer + tail;
    }

    /** What the field holds, in words: "whole number", "text", "true or false", "object", "list" (PF-22). */
    private static io.poolforge.domain.LocalizedText expected(JsonMappingException e) {
        Class<?> type = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mi ? mi.getTargetType() : null;
        String key;
        if (type == null) key = "plan.type.value";
        else if (type == Integer.class || type == int.class || type == Long.class || type == long.class) key = "plan.type.integer";
        else if (type == String.class || type.isEnum()) key = "plan.type.text";
        else if (type == Boolean.class || type == boolean.class) key = "plan.type.boolean";
        else if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) key = "plan.type.list";
        else key = "plan.type.object";
        return io.poolforge.domain.LocalizedText.of(key);
    }

    /** The JSON pointer of a binding error ("/pool/targetDedicatedNodes"). */
    public static String path(JsonMappingException e) {
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
