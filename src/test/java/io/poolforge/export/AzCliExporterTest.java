package io.poolforge.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolforge.i18n.Messages;
import io.poolforge.plan.Plan;
import io.poolforge.plan.ResourceIds;
import io.poolforge.plan.TestPlans;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AzCliExporterTest {
    /**
     * Stands in for az: records each call's arguments (NUL-separated, one call per line), fails every "show" and every
     * "rest --method get" (nothing exists), keeps the body file of "rest --method put".
     */
    private static final String FAKE_AZ = """
            #!/usr/bin/env bash
            for a in "$@"; do printf '%s\\0' "$a" >> "$AZ_LOG"; done
            printf '\\n' >> "$AZ_LOG"
            for a in "$@"; do [ "$a" = show ] && exit 1; done
            [ "$1 $2 $3" = "rest --method get" ] && exit 1
            if [ "$1 $2 $3" = "rest --method put" ]; then
              prev=""; for a in "$@"; do [ "$prev" = --body ] && cp "${a#@}" "$AZ_LOG.pool.json"; prev="$a"; done
            fi
            exit 0
            """;

    @TempDir
    Path dir;

    private final AzCliExporter exporter = new AzCliExporter(new Messages(Locale.ENGLISH), "test");

    @Test
    void theScriptsParseWithBashDashN() throws Exception {
        for (Path example : List.of(TestPlans.GALLERY, TestPlans.MANAGED)) {
            Path script = write(exporter.export(HostilePlans.resolvedExample(example)));
            assertThat(run(List.of("bash", "-n", script.toString()))).as(example + ": bash -n").isEqualTo("");
            script = write(exporter.export(HostilePlans.resolved(example)));
            assertThat(run(List.of("bash", "-n", script.toString()))).as(example + " (hostile): bash -n").isEqualTo("");
        }
    }

    @Test
    void theScriptsPassShellcheck() throws Exception {
        assumeTrue(installed("shellcheck"), "shellcheck is not installed");
        for (Path example : List.of(TestPlans.GALLERY, TestPlans.MANAGED)) {
            for (Plan plan : List.of(HostilePlans.resolvedExample(example), HostilePlans.resolved(example))) {
                Path script = write(exporter.export(plan));
                assertThat(run(List.of("shellcheck", "--shell=bash", script.toString()))).as(example.toString()).isEqualTo("");
            }
        }
    }

    @Test
    void theGalleryScriptRunsTheExpectedAzCommandsWithTheResolvedIds() throws Exception {
        Plan plan = HostilePlans.resolvedExample(TestPlans.GALLERY);
        List<List<String>> calls = runWithFakeAz(exporter.export(plan));
        assertThat(calls).extracting(c -> String.join(" ", c.subList(0, Math.min(3, c.size()))))
                .containsExactly("snapshot show --subscription", "snapshot create --subscription",
                        "sig show --subscription", "sig create --subscription",
                        "sig image-definition show", "sig image-definition create",
                        "sig image-version show", "sig image-version create",
                        "rest --method get", "rest --method put");
        List<String> version = calls.get(7);
        assertThat(after(version, "--os-snapshot")).isEqualTo(ResourceIds.snapshot(plan, "snap-render-ubuntu2204-os"));
        assertThat(after(version, "--target-regions")).isEqualTo("westeurope=1");
        assertThat(after(calls.get(1), "--source")).isEqualTo(plan.snapshots().osDisk().diskId());
        // PF-16: the pool goes through the management plane (az rest), the same body as the runner's, never overwriting.
        List<String> put = calls.get(9);
        assertThat(after(put, "--url")).isEqualTo(ResourceIds.pool(plan) + "?api-version=" + io.poolforge.domain.PoolBody.MANAGEMENT_API_VERSION);
        assertThat(after(put, "--headers")).isEqualTo("If-None-Match=*");
        JsonNode pool = new ObjectMapper().readTree(Files.readString(dir.resolve("az.log.pool.json")));
        JsonNode vmc = pool.at("/properties/deploymentConfiguration/virtualMachineConfiguration");
        assertThat(vmc.at("/imageReference/id").asText()).isEqualTo(ResourceIds.image(plan));
        assertThat(vmc.get("nodeAgentSkuId").asText()).isEqualTo("batch.node.ubuntu 22.04");
        assertThat(pool.at("/properties/scaleSettings/fixedScale/targetDedicatedNodes").asInt()).isEqualTo(2);
        assertThat(pool.at("/properties/scaleSettings/fixedScale/resizeTimeout").asText()).isEqualTo("PT20M");
    }

    @Test
    void hostileNamesReachAzAsPlainArgumentsAndRunNothing() throws Exception {
        for (Path example : List.of(TestPlans.GALLERY, TestPlans.MANAGED)) {
            Plan plan = HostilePlans.resolved(example);
            List<List<String>> calls = runWithFakeAz(exporter.export(plan));
            assertThat(dir.resolve("pwned")).doesNotExist();
            assertThat(after(calls.get(1), "--name")).isEqualTo(HostilePlans.SNAPSHOT);
            assertThat(after(calls.get(1), "--resource-group")).isEqualTo(HostilePlans.GROUP);
            if (plan.galleryTarget()) assertThat(after(calls.get(3), "--gallery-name")).isEqualTo(HostilePlans.GALLERY);
            assertThat(calls).anySatisfy(c -> assertThat(after(c, "--url")).contains("/pools/" + HostilePlans.POOL + "?api-version="));
            JsonNode pool = new ObjectMapper().readTree(Files.readString(dir.resolve("az.log.pool.json")));
            assertThat(pool.at("/properties/displayName").asText()).isEqualTo(HostilePlans.DISPLAY);
            Files.delete(dir.resolve("az.log"));
        }
    }

    @Test
    void noSecretsAndNoSharedKeyAuthentication() {
        String script = exporter.export(HostilePlans.resolvedExample(TestPlans.GALLERY));
        assertThat(script).doesNotContainIgnoringCase("shared-key").doesNotContainIgnoringCase("account-key")
                .doesNotContain("keys list").contains("az rest --method put");
    }

    private List<List<String>> runWithFakeAz(String script) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path az = bin.resolve("az");
        Files.writeString(az, FAKE_AZ);
        Files.setPosixFilePermissions(az, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = write(script);
        ProcessBuilder pb = new ProcessBuilder("bash", file.toString()).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("AZ_LOG", dir.resolve("az.log").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<List<String>> calls = new ArrayList<>();
        for (String line : Files.readString(dir.resolve("az.log")).split("\n")) {
            calls.add(Arrays.asList(line.split("\0")));
        }
        return calls;
    }

    private static String after(List<String> args, String option) {
        return args.get(args.indexOf(option) + 1);
    }

    private Path write(String script) throws IOException {
        Path f = Files.createTempFile(dir, "export", ".sh");
        Files.writeString(f, script);
        return f;
    }

    static boolean installed(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue() == 0 ? out : "exit " + p.exitValue() + ": " + out;
    }
}
