package io.poolforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.plan.TestPlans;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** validate and export through the root command, as {@code poolforge ...} runs them. */
class CommandsTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RootCommand(() -> {
            throw new AssertionError("the desktop must not open");
        }));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private Path write(ObjectNode tree) throws Exception {
        Path f = Files.createTempFile(dir, "plan", ".json");
        Files.writeString(f, tree.toString());
        return f;
    }

    @Test
    void validateAcceptsTheExamples() {
        Result r = run("validate", TestPlans.GALLERY.toString(), "--lang", "en");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).isEqualTo(TestPlans.GALLERY + ": no problems found.\n");
        // A managed image is a retired pool source (31 March 2026): offline validation says so (PF-8).
        Result managed = run("validate", TestPlans.MANAGED.toString(), "--lang", "en");
        assertThat(managed.code()).isEqualTo(ExitCodes.RULE_VIOLATIONS);
        assertThat(managed.out()).contains("ERROR POOL_MANAGED_IMAGE_RETIRED");
    }

    @Test
    void validateReportsEachViolationWithCodeSeverityAndLocalizedMessage() throws Exception {
        ObjectNode tree = TestPlans.edit(TestPlans.tree(TestPlans.GALLERY), "/image/osType", "Solaris");
        Path plan = write(tree);
        Result en = run("validate", plan.toString(), "--lang", "en");
        assertThat(en.code()).isEqualTo(ExitCodes.RULE_VIOLATIONS);
        assertThat(en.out()).contains("ERROR PLAN_BAD_VALUE: /image/osType is \"Solaris\"; it must be one of: Linux, Windows.",
                "1 errors, 0 warnings, 0 notes");
        Result es = run("validate", plan.toString(), "--lang", "es");
        assertThat(es.out()).contains("ERROR PLAN_BAD_VALUE: /image/osType es \"Solaris\"; debe ser uno de: Linux, Windows.");

        Result json = run("validate", plan.toString(), "--json");
        JsonNode n = new ObjectMapper().readTree(json.out());
        assertThat(n.get("valid").asBoolean()).isFalse();
        assertThat(n.at("/findings/0/code").asText()).isEqualTo("PLAN_BAD_VALUE");
        assertThat(n.at("/findings/0/severity").asText()).isEqualTo("ERROR");
        assertThat(n.at("/findings/0/path").asText()).isEqualTo("/image/osType");
        assertThat(n.at("/findings/0/messageKey").asText()).isEqualTo("plan.check.oneOf");
    }

    @Test
    void validateRunsTheDomainNamingRules() throws Exception {
        Path plan = write(TestPlans.edit(TestPlans.tree(TestPlans.GALLERY), "/image/gallery/name", "gal-hyphen"));
        Result r = run("validate", plan.toString(), "--json");
        assertThat(r.code()).isEqualTo(ExitCodes.RULE_VIOLATIONS);
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertThat(n.at("/findings/0/code").asText()).isEqualTo("NAME_GALLERY_INVALID");
        assertThat(n.at("/findings/0/source").asText()).startsWith("https://learn.microsoft.com/");
    }

    @Test
    void unreadablePlansAreViolationsAndMissingFilesAreUsageErrors() throws Exception {
        ObjectNode tree = TestPlans.tree(TestPlans.GALLERY);
        tree.put("planVersion", 7);
        Result newer = run("validate", write(tree).toString(), "--lang", "en");
        assertThat(newer.code()).isEqualTo(ExitCodes.RULE_VIOLATIONS);
        assertThat(newer.out()).contains("PLAN_VERSION_TOO_NEW", "version 7", "up to 1");
        Result missing = run("validate", dir.resolve("nope.json").toString(), "--lang", "en");
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("There is no plan file");
        assertThat(run("validate", TestPlans.GALLERY.toString(), "--lang", "fr").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("validate").code()).isEqualTo(ExitCodes.USAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"az", "pwsh", "arm", "pool-json"})
    void exportWritesEachFormatToStdoutOrAFile(String format) throws Exception {
        Result r = run("export", TestPlans.GALLERY.toString(), "--format", format);
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains(format.equals("arm") ? "\"defaultValue\" : \"gal_pf_images\""
                : "/galleries/gal_pf_images/images/render-ubuntu2204/versions/1.0.0");
        Path out = dir.resolve("export." + format);
        Result toFile = run("export", TestPlans.GALLERY.toString(), "--format", format, "--out", out.toString(), "--json",
                "--lang", "en");
        assertThat(toFile.code()).isEqualTo(ExitCodes.OK);
        assertThat(out).hasContent(r.out().stripTrailing());
        assertThat(toFile.err()).contains("Wrote the " + format + " export to");
        assertThat(new ObjectMapper().readTree(toFile.out()).get("format").asText()).isEqualTo(format);
    }

    @Test
    void exportRefusesBadFormatsAndPlansWithErrors() throws Exception {
        assertThat(run("export", TestPlans.GALLERY.toString(), "--format", "bicep").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("export", TestPlans.GALLERY.toString()).code()).isEqualTo(ExitCodes.USAGE);
        Path bad = write(TestPlans.edit(TestPlans.tree(TestPlans.GALLERY), "/pool/poolId", "bad pool id"));
        Result r = run("export", bad.toString(), "--format", "az", "--lang", "en");
        assertThat(r.code()).isEqualTo(ExitCodes.RULE_VIOLATIONS);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("POOL_ID_INVALID", "was not exported");
    }

    @Test
    void helpIsLocalizedFromTheBundles() {
        Result r = run("validate", "--help");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("Checks a plan offline", "--json", "Print the result as JSON.", "en|es");
        assertThat(run("export", "--help").out()).contains("(PowerShell, Az module)", "Show the version and exit.");
    }
}
