package io.poolforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** PF-8: every plan shipped in docs/examples validates online and runs to complete in the default (demo) scenario. */
class ShippedExamplesTest {
    @TempDir
    Path home;

    static List<Path> examples() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("docs/examples"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RootCommand(() -> {
            throw new AssertionError("the desktop must not open");
        }, home));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @ParameterizedTest
    @MethodSource("examples")
    void validatesOnlineAndRunsToComplete(Path example) throws Exception {
        String[] offline = run("validate", example.toString(), "--lang", "en");
        assertThat(offline[0]).as(offline[1]).isEqualTo("0");
        String[] online = run("validate", example.toString(), "--online", "--sandbox", "--lang", "en", "--json");
        assertThat(online[0]).as(online[1] + online[2]).isEqualTo("0");
        JsonNode v = new ObjectMapper().readTree(online[1]);
        assertThat(v.get("valid").asBoolean()).isTrue();
        assertThat(v.get("findings")).as("the online check found the account's facts").anyMatch(f -> f.get("code").asText().equals("QUOTA_HEADROOM"));

        String[] r = run("run", example.toString(), "--sandbox", "--lang", "en", "--json");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(new ObjectMapper().readTree(r[1]).get("status").asText()).isEqualTo("complete");
    }
}
