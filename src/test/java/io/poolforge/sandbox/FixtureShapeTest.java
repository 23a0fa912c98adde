package io.poolforge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.management.serializer.SerializerFactory;
import com.azure.core.util.serializer.SerializerAdapter;
import com.azure.core.util.serializer.SerializerEncoding;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every GET example in ../shared/fixtures (the official REST examples), the sandbox's answer for the
 * equivalent resource has the same JSON structure — the same property paths, values may differ — and the
 * real SDK model classes parse both. Deliberate differences are listed per example (docs/SANDBOX.md).
 */
class FixtureShapeTest {
    @RegisterExtension
    static final SandboxExtension SB = new SandboxExtension();

    static final Path FIXTURES = Path.of(System.getProperty("pf.fixtures", "../shared/fixtures/azure-rest-api-specs/specification"));
    static final String S = "/subscriptions/" + SandboxExtension.SUB;
    static final String CV = "Microsoft.Compute/ComputeRP/stable/";

    /**
     * How to compare: EXACT both ways; MAXIMUM_SET (a generated example with every optional property): only what the sandbox adds;
     * MINIMUM_SET (a generated example with only the required ones): only what the sandbox lacks.
     */
    enum Mode { EXACT, MAXIMUM_SET, MINIMUM_SET }

    /** One example: fixture file, sandbox request, SDK model (null for the data plane), paths only in the fixture, only in the sandbox. */
    record Case(String fixture, String request, Class<?> model, Set<String> onlyFixture, Set<String> onlySandbox, Mode mode) {
        @Override
        public String toString() {
            return Path.of(fixture).getFileName().toString();
        }
    }

    static Set<String> set(String... s) {
        return new TreeSet<>(Set.of(s));
    }

    static Stream<Arguments> cases() {
        return Stream.of(FixtureCases.ALL).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameStructureAndTheSdkParsesBoth(Case c) throws IOException {
        JsonNode fixture = SandboxExtension.json(Files.readString(FIXTURES.resolve(c.fixture))).path("responses").path("200").path("body");
        var response = SB.get(c.request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode sandbox = SandboxExtension.json(response.body());
        Set<String> f = paths(fixture);
        Set<String> s = paths(sandbox);
        Set<String> onlyF = new TreeSet<>(f);
        onlyF.removeAll(s);
        Set<String> onlyS = new TreeSet<>(s);
        onlyS.removeAll(f);
        if (System.getProperty("pf.dumpShapes") != null) {
            Files.writeString(Path.of(System.getProperty("pf.dumpShapes")), c + "\nF " + onlyF + "\nS " + onlyS + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            return;
        }
        if (c.mode != Mode.MAXIMUM_SET) assertThat(onlyF).as("in the example, not in the sandbox's answer").isEqualTo(c.onlyFixture);
        if (c.mode != Mode.MINIMUM_SET) assertThat(onlyS).as("in the sandbox's answer, not in the example").isEqualTo(c.onlySandbox);
        if (c.model != null) {
            SerializerAdapter adapter = SerializerFactory.createDefaultManagementSerializerAdapter();
            assertThat((Object) adapter.deserialize(fixture.toString(), c.model, SerializerEncoding.JSON)).isNotNull();
            assertThat((Object) adapter.deserialize(sandbox.toString(), c.model, SerializerEncoding.JSON)).isNotNull();
        }
    }

    /** Property paths; array elements collapse to [], tag names and free-form settings are values, not structure. */
    static Set<String> paths(JsonNode n) {
        Set<String> out = new TreeSet<>();
        walk(n, "", out);
        return out;
    }

    private static void walk(JsonNode n, String at, Set<String> out) {
        if (n.isObject()) {
            if (at.endsWith("tags") || at.endsWith("settings") || at.endsWith("userAssignedIdentities")) {
                out.add(at);
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = at.isEmpty() ? e.getKey() : at + "." + e.getKey();
                out.add(p);
                walk(e.getValue(), p, out);
            }
        } else if (n.isArray()) {
            for (JsonNode x : n) walk(x, at + "[]", out);
        }
    }
}
