package io.poolforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.poolforge.cli.Cli.Result;

/** {@code poolforge inspect --pool ID --bundle FILE} against the sandbox's "nodes" scenario. */
class InspectBundleTest {
    /** The SAS signature the sandbox's failing start task prints (Scenarios.START_TASK_SAS_SIG). */
    static final String LEAKED_SIG = "c2FuZGJveFNhc1NpZ25hdHVyZUZvclBGMTI%3D";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    Result run(String... args) {
        return Cli.run(home, args);
    }

    static Map<String, String> unzip(Path zip) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                out.put(e.getName(), new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void writesABundleWithSummaryFirstAndEverythingASupportTicketNeeds() throws Exception {
        Path zip = home.resolve("out/bundle.zip");
        Result r = run("inspect", "--sandbox", "--scenario", "nodes", "--account", "pfdemobatchweu", "--pool", "render-custom-nodes",
                "--bundle", zip.toString(), "--lang", "en");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).contains("Diagnostic bundle for pool render-custom-nodes written to", "bundle.zip");

        Map<String, String> files = unzip(zip);
        assertThat(files.keySet()).first().isEqualTo("summary.txt");
        assertThat(files).containsKeys("pool.json", "resize-errors.json", "node-counts.json", "node-errors.json", "nodes.json", "image.json",
                "about.json");
        String summary = files.get("summary.txt");
        assertThat(summary).contains("PoolForge diagnostic bundle: pool render-custom-nodes", "Batch account: pfdemobatchweu",
                "Cloud: AzureCloud", "5 nodes: unusable, no error reported", "2 nodes: FailureExitCode", "1 node: BlobAccessDenied",
                "Batch cannot communicate with the VM", "BatchNodeManagement.<region>", "Evidence: Confirmed",
                "https://learn.microsoft.com/azure/batch/batch-pool-node-error-checking#node-in-unusable-state",
                "The image exists.", "Replicated to: West Europe × 2, East US × 1", "Allocation state: Steady",
                "Nodes by state: Idle 4, Start task failed 3, Unusable 5")
                .doesNotContain("steady;").doesNotContain("startTaskFailed 2");
        JsonNode groups = JSON.readTree(files.get("node-errors.json"));
        assertThat(groups).hasSize(3);
        assertThat(groups.get(0).path("cause").asText()).isEqualTo("UNREACHABLE");
        assertThat(groups.get(0).path("level").asText()).isEqualTo("CONFIRMED");
        assertThat(groups.get(0).path("nodeIds")).hasSize(5);
        assertThat(JSON.readTree(files.get("nodes.json"))).hasSize(12);
        assertThat(JSON.readTree(files.get("node-counts.json")).at("/dedicated/unusable").asInt()).isEqualTo(4);
        assertThat(JSON.readTree(files.get("image.json")).path("exists").asBoolean()).isTrue();
        assertThat(JSON.readTree(files.get("about.json")).path("cloud").asText()).isEqualTo("AzureCloud");
        // Written from a sandbox session: it says so first, so it is never attached to a real ticket as Azure's (PF-14).
        assertThat(summary.lines().findFirst()).hasValueSatisfying(l -> assertThat(l).startsWith("SANDBOX — nothing in this bundle is real Azure"));
        assertThat(JSON.readTree(files.get("about.json")).path("sandbox").asBoolean()).isTrue();
        assertThat(files.keySet()).filteredOn(k -> k.startsWith("stderr/")).hasSize(3);
        String stderr = files.entrySet().stream().filter(e -> e.getKey().startsWith("stderr/") && !e.getValue().isEmpty())
                .findFirst().orElseThrow().getValue();
        assertThat(stderr).contains("blender: command not found", "sig=***");
        // no secret: neither the SAS the start task printed nor any token or key
        String all = String.join("\n", files.values());
        assertThat(all).doesNotContain(LEAKED_SIG).doesNotContainIgnoringCase("eyJ").doesNotContain("AccountKey=");
    }

    @Test
    void theSummaryIsInTheLanguageAskedFor() throws Exception {
        Path zip = home.resolve("bundle-es.zip");
        Result r = run("inspect", "--sandbox", "--scenario", "nodes", "--account", "pfdemobatchweu", "--pool", "render-custom-nodes",
                "--bundle", zip.toString(), "--lang", "es");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(unzip(zip).get("summary.txt")).contains("Paquete de diagnóstico de PoolForge: grupo render-custom-nodes",
                "5 nodos: no utilizable, sin error notificado", "BatchNodeManagement.<región>", "Nivel de evidencia: Confirmado");
    }

    @Test
    void bundleNeedsAPool() {
        Result r = run("inspect", "--sandbox", "--account", "pfdemobatchweu", "--bundle", home.resolve("x.zip").toString(), "--lang", "en");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--bundle needs --pool.");
    }
}
