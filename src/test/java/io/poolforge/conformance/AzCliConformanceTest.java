package io.poolforge.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code conformance/az.sh}: the real Azure CLI (a client nobody here wrote) against the sandbox, including the three
 * exports. Skipped, saying so, when {@code az} is not on the PATH (or with {@code -Dpoolforge.conformance=skip}).
 * About 3 minutes on a loaded 2-core machine: one az process per command.
 */
@Tag("conformance")
class AzCliConformanceTest {
    private static final Pattern SUMMARY = Pattern.compile("azure-cli (\\S+): (\\d+) of (\\d+) checks passed, (\\d+) failed, (\\d+) pending; (\\d+) az commands run");

    @Test
    void theRealAzureCliPassesEveryCheckItRuns() throws IOException, InterruptedException {
        Assumptions.assumeFalse("skip".equals(System.getProperty("poolforge.conformance")),
                "SKIPPED: -Dpoolforge.conformance=skip");
        Assumptions.assumeTrue(onPath("az"), "SKIPPED: the Azure CLI (az) is not on the PATH; conformance/az.sh needs it "
                + "(Debian: apt-get install -y azure-cli)");
        Path script = Path.of("conformance", "az.sh").toAbsolutePath();
        Path log = Files.createTempFile("poolforge-az-conformance", ".txt");
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("POOLFORGE_CLASSPATH", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        Process p = pb.start();
        boolean done = p.waitFor(15, TimeUnit.MINUTES);
        if (!done) p.destroyForcibly();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(out);
        Files.deleteIfExists(log);
        assertThat(done).as("the harness finished").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        Matcher m = SUMMARY.matcher(out);
        assertThat(m.find()).as("summary line in:\n" + out).isTrue();
        assertThat(Integer.parseInt(m.group(4))).as("failed checks").isZero();
        assertThat(Integer.parseInt(m.group(2))).as("passed checks").isGreaterThanOrEqualTo(60);
        assertThat(Integer.parseInt(m.group(6))).as("az commands run").isGreaterThanOrEqualTo(60);
        for (String export : new String[] {"az script: the pool exists, from the image", "ARM template: the pool exists, from the image",
            "pool JSON (data plane): the pool exists, from the image", "pool JSON (management plane): the pool exists, from the image",
            // PF-16: the Trusted Launch plan's exports carry the profile and make working pools; without it, Azure's error.
            "az script (Trusted Launch): the pool has the profile", "ARM template (Trusted Launch): the pool has the profile",
            "PowerShell (Trusted Launch): the body names trustedLaunch and api-version 2025-06-01",
            "pool JSON (Trusted Launch): nodes reach idle", "without securityProfile: Azure's message", "without securityProfile: no node"}) {
            assertThat(out).containsPattern("PASS\\s+" + Pattern.quote(export));
        }
    }

    private static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, exe))) return true;
        }
        return false;
    }
}
