package io.poolforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.cli.Cli.Result;
import io.poolforge.plan.TestPlans;
import io.poolforge.sandbox.RequestLogs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PF-22: a plan that is not exactly one well-formed plan document is refused by {@code validate} and {@code run} with
 * its own rule code, in English and Spanish, and nothing is made; a completed plan run again is "already done" (exit
 * 0); {@code --resume} of a complete run says only that; the clean-up preview lists exactly what it then deletes.
 * The sandbox runs in this JVM with a request log, so the test sees that a refused plan sent no write to Azure.
 */
class StrictPlanAndRerunTest extends SandboxCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Result cli(String... args) {
        return Cli.run(home, args);
    }

    private List<String> writes() {
        return RequestLogs.settled(log).stream().filter(l -> !l.split(" ")[1].equals("GET") && !l.contains("/oauth2/")).toList();
    }

    private static String good() throws Exception {
        return Files.readString(TestPlans.GALLERY);
    }

    static Stream<Arguments> hostile() throws Exception {
        String plan = good();
        ObjectNode tree = TestPlans.tree(TestPlans.GALLERY);
        String big = tree.toString().replaceFirst("\"targetDedicatedNodes\":\\d+", "\"targetDedicatedNodes\":99999999999");
        String longName = TestPlans.edit(tree.deepCopy(), "/name", "n".repeat(100_000)).toString();
        String deep = plan.replaceFirst("\\{", "{\"deep\":" + "[".repeat(200) + "]".repeat(200) + ",");
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) binary[i] = (byte) (i * 7 + 3);
        binary[10] = 0;
        return Stream.of(
                Arguments.of("trailing", (plan + "\n{\"junk\": true}\n").getBytes(StandardCharsets.UTF_8), "PLAN_TRAILING_CONTENT",
                        "after its JSON document", "después de su documento JSON"),
                Arguments.of("trailing-text", (plan + "garbage").getBytes(StandardCharsets.UTF_8), "PLAN_TRAILING_CONTENT",
                        "remove what follows its closing brace", "quite lo que sigue"),
                Arguments.of("duplicate", plan.replaceFirst("\"planVersion\" ?: ?1", "\"planVersion\": 1, \"planVersion\": 1")
                        .getBytes(StandardCharsets.UTF_8), "PLAN_DUPLICATE_KEY", "sets /planVersion twice", "define /planVersion dos veces"),
                Arguments.of("utf16", plan.getBytes(StandardCharsets.UTF_16), "PLAN_NOT_UTF8", "looks like UTF-16", "parece UTF-16"),
                Arguments.of("utf16le", plan.getBytes(StandardCharsets.UTF_16LE), "PLAN_NOT_UTF8", "looks like UTF-16", "parece UTF-16"),
                Arguments.of("binary", binary, "PLAN_NOT_UTF8", "is not UTF-8 text", "no es texto UTF-8"),
                Arguments.of("latin1", plan.replace("Render nodes", "Nœuds é").getBytes(StandardCharsets.ISO_8859_1),
                        "PLAN_NOT_UTF8", "not valid UTF-8", "no son UTF-8"),
                Arguments.of("huge", ("{\"planVersion\": 1, \"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}")
                        .getBytes(StandardCharsets.UTF_8), "PLAN_TOO_LARGE", "a plan may be at most", "como máximo"),
                Arguments.of("longName", longName.getBytes(StandardCharsets.UTF_8), "PLAN_STRING_TOO_LONG",
                        "the value at /name is 100,000 characters", "el valor de /name tiene 100.000 caracteres"),
                Arguments.of("deep", deep.getBytes(StandardCharsets.UTF_8), "PLAN_TOO_DEEP", "deeper than 32 levels", "más de 32 niveles"),
                Arguments.of("versionText", plan.replaceFirst("\"planVersion\" ?: ?1", "\"planVersion\": \"1\"")
                        .getBytes(StandardCharsets.UTF_8), "PLAN_VERSION_NOT_INTEGER", "Write \"planVersion\": 1", "Escriba \"planVersion\": 1"),
                Arguments.of("bigNumber", big.getBytes(StandardCharsets.UTF_8), "PLAN_NUMBER_OUT_OF_RANGE",
                        "the number at /pool/targetDedicatedNodes (99999999999) is too large", "es demasiado grande"),
                Arguments.of("wrongType", TestPlans.edit(tree.deepCopy(), "/pool/targetDedicatedNodes", "2").toString()
                        .getBytes(StandardCharsets.UTF_8), "PLAN_WRONG_TYPE", "must be a whole number, but it holds \"2\"",
                        "debe ser un número entero"),
                Arguments.of("empty", new byte[0], "PLAN_NOT_JSON", "is empty", "está vacío"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void aMalformedPlanIsRefusedWithItsOwnCodeAndNothingIsMade(String name, byte[] content, String code, String en, String es)
            throws Exception {
        Path file = home.resolve(name + ".json");
        Files.write(file, content);

        Result v = cli("validate", file.toString(), "--lang", "en");
        assertThat(v.code()).as(v.out() + v.err()).isEqualTo(ExitCodes.RULE_VIOLATIONS);
        assertThat(v.out()).contains("ERROR " + code + ": ").contains(en);
        Result vEs = cli("validate", file.toString(), "--lang", "es");
        assertThat(vEs.out()).contains(code + ": ").contains(es);
        Result json = cli("validate", file.toString(), "--json", "--lang", "en");
        assertThat(JSON.readTree(json.out()).at("/findings/0/code").asText()).isEqualTo(code);

        Result online = cli("validate", file.toString(), "--online", "--sandbox-endpoints", endpoints.toString(), "--lang", "en");
        assertThat(online.code()).isEqualTo(ExitCodes.RULE_VIOLATIONS);
        Result run = cli("run", file.toString(), "--sandbox-endpoints", endpoints.toString(), "--lang", "en");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.RULE_VIOLATIONS);
        assertThat(run.err()).contains(code + ": ").contains("was not run");
        assertThat(home.resolve("runs")).doesNotExist();
        assertThat(writes()).as("a refused plan sends nothing that changes Azure").isEmpty();
        for (Result r : List.of(v, vEs, online, run)) {
            assertThat(r.out() + r.err()).doesNotContain("Exception").doesNotContain("(null)").doesNotContain("line 0, column 0");
        }
    }

    @Test
    void aCompletedPlanRunAgainIsAlreadyDoneAndItsCleanUpPreviewIsWhatItDeletes() throws Exception {
        String plan = TestPlans.GALLERY.toString();
        String[] conn = {"--sandbox-endpoints", endpoints.toString(), "--lang", "en"};
        Result first = cli(concat(new String[] {"run", plan, "--json"}, conn));
        assertThat(first.code()).as(first.err()).isEqualTo(ExitCodes.OK);
        String runId = JSON.readTree(first.out()).get("runId").asText();

        int writesBefore = writes().size();
        Result again = cli(concat(new String[] {"run", plan, "--json"}, conn));
        assertThat(again.code()).as(again.err()).isEqualTo(ExitCodes.OK);
        assertThat(again.err()).contains("Already done: pool render-ubuntu2204 exists in the Batch account pfdemobatchweu from run "
                + runId).doesNotContain("POOL_ID_TAKEN").doesNotContain("QUOTA").doesNotContain("Choose another id");
        JsonNode j = JSON.readTree(again.out());
        assertThat(j.get("runId").asText()).isEqualTo(runId);
        assertThat(j.get("status").asText()).isEqualTo("complete");
        assertThat(writes().subList(writesBefore, writes().size())).as("the re-run changes nothing in Azure").isEmpty();
        assertThat(home.resolve("runs")).isDirectoryContaining(p -> p.getFileName().toString().equals(runId));

        Result resume = cli(concat(new String[] {"run", plan, "--resume"}, conn));
        assertThat(resume.code()).isEqualTo(ExitCodes.OK);
        assertThat(resume.err()).contains("Already done").doesNotContain("Resuming").doesNotContain("at step -");

        Result es = cli("run", plan, "--sandbox-endpoints", endpoints.toString(), "--lang", "es");
        assertThat(es.code()).isEqualTo(ExitCodes.OK);
        assertThat(es.err()).contains("Ya está hecho: el grupo render-ubuntu2204");

        // The preview: read from Azure with the deletion's own rule; the lines it lists are the ones deleted.
        Result preview = cli(concat(new String[] {"run", plan, "--clean-up"}, conn));
        assertThat(preview.code()).isEqualTo(ExitCodes.USAGE);
        List<String> listed = preview.err().lines().filter(l -> l.startsWith("  ") && l.contains("/subscriptions/"))
                .map(l -> l.substring(l.indexOf("/subscriptions/"))).toList();
        assertThat(preview.err()).contains("  pool /subscriptions/", "  image version /subscriptions/")
                .doesNotContain("IMAGE_VERSION").doesNotContain("POOL /");
        Result clean = cli(concat(new String[] {"run", plan, "--clean-up", "--yes", "--json"}, conn));
        assertThat(clean.code()).as(clean.err()).isEqualTo(ExitCodes.OK);
        List<String> deleted = JSON.readValue(JSON.readTree(clean.out()).get("deleted").toString(),
                JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(deleted).containsExactlyElementsOf(listed);
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
