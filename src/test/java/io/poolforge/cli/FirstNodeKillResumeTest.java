package io.poolforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.plan.TestPlans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PF-19: {@code poolforge run} SIGKILLed while the first node boots (held by the hidden {@code --pause-after
 * pool:first-node}, right after the pool was made with one node and the journal says so), then resumed: the journal
 * knows the stage, the resume watches the same pool (no second pool), and the pool had a target of one until its node
 * was idle. Real processes against a standalone {@code poolforge sandbox} (time scale 0), as {@link RunKillResumeTest}.
 */
class FirstNodeKillResumeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SIGKILLED = 137;
    private static final String SUB = "5a4db0c0-0000-4000-8000-0000000000a1";

    @TempDir
    static Path dir;
    static SandboxProcess sandbox;
    static Path home;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxProcess.start(dir);
        home = dir.resolve("home");
    }

    @AfterAll
    static void stopSandbox() throws Exception {
        if (sandbox != null) sandbox.close();
    }

    @Test
    void killedWhileTheFirstNodeBootsResumesAtThatStageWithOnePool() throws Exception {
        // The existing-image example on the demo gallery image, grown to 3 nodes through the first node.
        ObjectNode tree = TestPlans.tree(Path.of("docs/examples/existing-definition-latest.json"));
        tree = TestPlans.edit(tree, "/pool/poolId", "render-first-node");
        tree = TestPlans.edit(tree, "/pool/targetDedicatedNodes", IntNode.valueOf(3));
        Path plan = dir.resolve("first-node-plan.json");
        Files.writeString(plan, tree.toPrettyString());
        Map<String, Integer> before = withoutNodes(sandbox.counts());

        SandboxProcess.Child c = child("run", plan.toString(), "--pause-after", "pool:first-node");
        c.awaitErr("Paused at pool:first-node");
        c.process.destroyForcibly();
        assertThat(c.exit()).isEqualTo(SIGKILLED);

        // The journal knows the stage; Azure has the pool with a target of one node.
        String runId = onlyRunId();
        JsonNode j = journal(runId);
        assertThat(j.at("/steps/1/id").asText()).isEqualTo("pool");
        assertThat(j.at("/steps/1/status").asText()).isEqualTo("STARTED");
        assertThat(j.at("/firstNode/stage").asText()).isEqualTo("WATCHING");
        assertThat(j.at("/firstNode/dedicated").asBoolean()).isTrue();
        JsonNode pool = sandbox.get("/subscriptions/" + SUB + "/resourceGroups/rg-batch/providers/Microsoft.Batch/batchAccounts/pfdemobatchweu"
                + "/pools/render-first-node?api-version=2024-07-01");
        assertThat(pool.at("/properties/scaleSettings/fixedScale/targetDedicatedNodes").asInt()).as(pool.toString()).isEqualTo(1);
        Map<String, Integer> expected = new TreeMap<>(before);
        expected.merge("Microsoft.Batch/batchAccounts/pools", 1, Integer::sum);
        assertThat(withoutNodes(sandbox.counts())).isEqualTo(expected);

        // Resume: at the pool step, in its first-node stage; the same pool grows to 3 once its node is idle.
        SandboxProcess.Child resume = child("run", plan.toString(), "--resume", "--json");
        assertThat(resume.exit()).as(resume.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(resume.stderr()).contains("Resuming run " + runId + " at step pool.",
                "First node: one dedicated node asked for, not allocated yet", "first node proved the image");
        JsonNode out = JSON.readTree(resume.stdout());
        assertThat(out.get("status").asText()).isEqualTo("complete");
        assertThat(out.at("/firstNode/stage").asText()).isEqualTo("grown");
        assertThat(out.at("/pool/targetDedicatedNodes").asInt()).isEqualTo(3);
        assertThat(onlyRunId()).isEqualTo(runId);
        assertThat(withoutNodes(sandbox.counts())).as("still one pool: the resume made no second one").isEqualTo(expected);
        assertThat(journal(runId).at("/firstNode/stage").asText()).isEqualTo("GROWN");

        SandboxProcess.Child clean = child("run", plan.toString(), "--clean-up", "--yes");
        assertThat(clean.exit()).as(clean.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(withoutNodes(sandbox.counts())).isEqualTo(before);
    }

    private static SandboxProcess.Child child(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--sandbox-endpoints", sandbox.endpointsFile.toString(), "--lang", "en"));
        return new SandboxProcess.Child(home, all.toArray(String[]::new));
    }

    private static String onlyRunId() throws Exception {
        try (Stream<Path> s = Files.list(home.resolve("runs"))) {
            List<String> ids = s.filter(p -> Files.exists(p.resolve("journal.json"))).map(p -> p.getFileName().toString()).toList();
            assertThat(ids).hasSize(1);
            return ids.get(0);
        }
    }

    private static JsonNode journal(String runId) throws Exception {
        return JSON.readTree(Files.readString(home.resolve("runs").resolve(runId).resolve("journal.json")));
    }

    private static Map<String, Integer> withoutNodes(Map<String, Integer> counts) {
        Map<String, Integer> out = new TreeMap<>(counts);
        out.remove("Microsoft.Batch/batchAccounts/pools/nodes");
        return out;
    }
}
