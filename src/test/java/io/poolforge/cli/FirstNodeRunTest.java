package io.poolforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.plan.TestPlans;
import io.poolforge.sandbox.RequestLogs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * PF-19: {@code poolforge run} proves a custom image on one node before asking for the plan's counts. The sandbox runs
 * in this JVM with its request log, so the test sees every pool request: the create (one node), the node reads, and
 * the resize (a management-plane PATCH of the pool) that only comes after the node is idle.
 */
class FirstNodeRunTest extends SandboxCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int code, String out, String err) {
    }

    @Test
    void aGoodImageReachesItsFullCountThroughTheFirstNode() throws Exception {
        // The gallery example: 2 dedicated nodes, image built from the golden VM; firstNode absent = on (custom image).
        assertThat(TestPlans.tree(TestPlans.GALLERY).at("/pool/firstNode").isMissingNode()).isTrue();
        Path plan = home.resolve("good.json");
        Files.writeString(plan, TestPlans.tree(TestPlans.GALLERY).toString());

        Result r = run("run", plan.toString(), "--sandbox-endpoints", endpoints.toString(), "--lang", "en", "--json");

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).contains("first node: pool render-ubuntu2204 created with one dedicated node",
                "first node proved the image; pool render-ubuntu2204 resized to the plan's counts");
        JsonNode out = JSON.readTree(r.out());
        assertThat(out.get("status").asText()).isEqualTo("complete");
        assertThat(out.at("/firstNode/stage").asText()).isEqualTo("grown");
        assertThat(out.at("/firstNode/nodeAgentVersion").asText()).isEqualTo("1.11.19");
        assertThat(out.at("/firstNode/bootSeconds").isNumber()).as(out.toString()).isTrue();
        assertThat(out.at("/firstNode/summary").asText()).contains("reached idle", "node agent 1.11.19");
        assertThat(out.at("/pool/targetDedicatedNodes").asInt()).isEqualTo(2);

        List<String> pool = poolRequests("render-ubuntu2204");
        // Create with one node, read the node until idle, then one resize to the plan's 2 nodes.
        int put = indexOf(pool, "PUT", "/pools/render-ubuntu2204");
        int nodes = indexOf(pool, "GET", "/pools/render-ubuntu2204/nodes");
        int patch = indexOf(pool, "PATCH", "/pools/render-ubuntu2204");
        assertThat(put).as(String.join("\n", pool)).isGreaterThanOrEqualTo(0);
        assertThat(nodes).as("the node is read after the create").isGreaterThan(put);
        assertThat(patch).as("the resize comes after the node was read").isGreaterThan(nodes);
        assertThat(pool.stream().filter(l -> method(l).equals("PUT") && path(l).endsWith("/pools/render-ubuntu2204")).count()).isEqualTo(1);
        assertThat(pool.stream().filter(l -> method(l).equals("PATCH")).count()).isEqualTo(1);

        // The pool allocates to its full count (time scale 0: at once).
        JsonNode inspected = inspect("render-ubuntu2204");
        assertThat(inspected.toString()).contains("\"currentDedicatedNodes\":2");
    }

    @Test
    void anImageThatCannotBootStopsAfterOneNodeWithTheCauseAndExitsNonZero() throws Exception {
        Path plan = home.resolve("bad.json");
        Files.writeString(plan, badPlan(3).toString());
        assertThat(run("validate", plan.toString(), "--lang", "en").code()).as("the rules cannot see inside the disk").isEqualTo(ExitCodes.OK);
        log.clear();

        Result r = run("run", plan.toString(), "--sandbox-endpoints", endpoints.toString(), "--lang", "en");

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.AZURE_ERROR);
        assertThat(r.err()).contains("The first node of pool build-first-node did not prove the image", "is unusable",
                "Cause:", "What to do:", "Nothing more was asked for: the pool has one node.",
                "poolforge run " + plan + " --clean-up", "poolforge run " + plan + " --resume");
        assertThat(r.out()).contains("First node:", "ended unusable", "the pool was not grown beyond one node");

        List<String> pool = poolRequests("build-first-node");
        assertThat(pool.stream().filter(l -> method(l).equals("PUT")).count()).as(String.join("\n", pool)).isEqualTo(1);
        assertThat(pool).as("no resize (PATCH) and no other write after the one-node create")
                .noneMatch(l -> method(l).equals("PATCH") || method(l).equals("POST"));
        // The one create asked for one node: the pool never had a target above 1.
        JsonNode inspected = inspect("build-first-node");
        assertThat(inspected.toString()).contains("\"targetDedicatedNodes\":1").doesNotContain("\"targetDedicatedNodes\":3");

        JsonNode journal = onlyJournal();
        assertThat(journal.at("/firstNode/nodeAgentVersion").asText()).isEqualTo("1.11.19");
        assertThat(journal.at("/firstNode/stage").asText()).isEqualTo("FAILED");
        assertThat(journal.at("/firstNode/state").asText()).isEqualTo("unusable");
        assertThat(journal.at("/steps/1/status").asText()).isEqualTo("FAILED");

        // The diagnostic bundle of that pool carries what its first node told (from the run its tag names).
        Path zip = home.resolve("bundle.zip");
        Result bundle = run("inspect", "--sandbox-endpoints", endpoints.toString(), "--account", "pfdemobatchweu", "--pool",
                "build-first-node", "--bundle", zip.toString(), "--lang", "en");
        assertThat(bundle.code()).as(bundle.err()).isEqualTo(ExitCodes.OK);
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            String summary = new String(z.getInputStream(z.getEntry("summary.txt")).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(summary).contains("First node: ").contains("ended unusable").contains("not grown beyond one node");
        }

        // The review of the next run of the same image says what the last first node told.
        Path second = home.resolve("bad-2.json");
        Files.writeString(second, TestPlans.edit(badPlan(3), "/pool/poolId", "build-first-node-2").toString());
        Result next = run("run", second.toString(), "--sandbox-endpoints", endpoints.toString(), "--lang", "en");
        assertThat(next.err()).contains("The last run of this image: First node: ").contains("ended unusable");
        assertThat(next.code()).isEqualTo(ExitCodes.AZURE_ERROR);

        // Resuming does not grow it either: the node is still unusable, the same cause, the same pool.
        log.clear();
        Result again = run("run", plan.toString(), "--resume", "--sandbox-endpoints", endpoints.toString(), "--lang", "es");
        assertThat(again.code()).as(again.err()).isEqualTo(ExitCodes.AZURE_ERROR);
        assertThat(again.err()).contains("El primer nodo del grupo build-first-node no ha probado la imagen");
        assertThat(poolRequests("build-first-node")).noneMatch(l -> !method(l).equals("GET"));
    }

    @Test
    void theOptionCanBeTurnedOffAndThePoolIsAskedForAtOnce() throws Exception {
        Path plan = home.resolve("off.json");
        Files.writeString(plan, TestPlans.edit(TestPlans.tree(TestPlans.GALLERY), "/pool/firstNode", BooleanNode.FALSE).toString());
        Result r = run("run", plan.toString(), "--sandbox-endpoints", endpoints.toString(), "--lang", "en", "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).doesNotContain("first node");
        assertThat(JSON.readTree(r.out()).has("firstNode")).isFalse();
        assertThat(poolRequests("render-ubuntu2204")).noneMatch(l -> method(l).equals("PATCH"));
    }

    /**
     * A plan on the estate's win2022-build 1.0.0: a Windows definition whose version holds the Linux golden VM's
     * snapshot. Every rule PoolForge has passes (the definition says Windows, the node agent is Windows); the node boots
     * the Linux disk, where the Windows node agent cannot start: it ends unusable.
     */
    static ObjectNode badPlan(int nodes) {
        ObjectNode t = TestPlans.tree(Path.of("docs/examples/existing-definition-latest.json"));
        t = TestPlans.edit(t, "/image/osType", "Windows");
        t = TestPlans.edit(t, "/image/gallery/imageDefinition", "win2022-build");
        t = TestPlans.edit(t, "/image/gallery/version", "1.0.0");
        t = TestPlans.edit(t, "/image/gallery/offer", "build-windows");
        t = TestPlans.edit(t, "/image/gallery/sku", "2022-g2");
        t = TestPlans.edit(t, "/pool/poolId", "build-first-node");
        t = TestPlans.edit(t, "/pool/nodeAgentSkuId", "batch.node.windows amd64");
        return TestPlans.edit(t, "/pool/targetDedicatedNodes", IntNode.valueOf(nodes));
    }

    private JsonNode inspect(String poolId) throws Exception {
        Result r = run("inspect", "--sandbox-endpoints", endpoints.toString(), "--account", "pfdemobatchweu", "--pool", poolId, "--json",
                "--lang", "en");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        return JSON.readTree(r.out());
    }

    private JsonNode onlyJournal() throws Exception {
        try (Stream<Path> s = Files.list(home.resolve("runs"))) {
            List<Path> runs = s.filter(p -> Files.exists(p.resolve("journal.json"))).toList();
            assertThat(runs).hasSize(1);
            return JSON.readTree(Files.readString(runs.get(0).resolve("journal.json")));
        }
    }

    /** The requests on the pool (management and data plane), in order. */
    /**
     * PF-20 (second pass): an empty pool (0 dedicated, 0 Spot: Azure accepts it, BatchManagement.json 2025-06-01
     * ScaleSettings) validates with advice, not an error, and runs without the first-node stage, saying it is skipped:
     * one create, no node read, no resize.
     */
    @Test
    void anEmptyPoolValidatesAndRunsWithoutAFirstNodeSayingSo() throws Exception {
        ObjectNode tree = TestPlans.edit(TestPlans.tree(TestPlans.GALLERY), "/pool/targetDedicatedNodes", IntNode.valueOf(0));
        tree = TestPlans.edit(tree, "/pool/targetLowPriorityNodes", IntNode.valueOf(0));
        Path plan = home.resolve("empty.json");
        Files.writeString(plan, tree.toString());

        Result v = run("validate", plan.toString(), "--lang", "en");
        assertThat(v.code()).as(v.out() + v.err()).isEqualTo(ExitCodes.OK);
        assertThat(v.out() + v.err()).contains("POOL_NO_NODES").contains("no nodes until you resize it");

        Result r = run("run", plan.toString(), "--sandbox-endpoints", endpoints.toString(), "--lang", "en", "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).contains("First-node check skipped: pool render-ubuntu2204 is created with no nodes");
        assertThat(JSON.readTree(r.out()).at("/pool/targetDedicatedNodes").asInt(-1)).isZero();
        List<String> pool = poolRequests("render-ubuntu2204");
        assertThat(pool.stream().filter(l -> method(l).equals("PUT") && path(l).endsWith("/pools/render-ubuntu2204")).count())
                .as(String.join("\n", pool)).isEqualTo(1);
        assertThat(indexOf(pool, "GET", "/pools/render-ubuntu2204/nodes")).as("no node to read").isEqualTo(-1);
        assertThat(indexOf(pool, "PATCH", "/pools/render-ubuntu2204")).as("no resize").isEqualTo(-1);
    }

    private List<String> poolRequests(String poolId) {
        return RequestLogs.settled(log).stream().filter(l -> l.contains("/pools/" + poolId)).toList();
    }

    private static int indexOf(List<String> lines, String method, String pathPart) {
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (method(l).equals(method) && path(l).endsWith(pathPart)) return i;
        }
        return -1;
    }

    /** A log line is "TIME METHOD PATH STATUS DURATION". */
    private static String method(String line) {
        String[] p = line.split(" ");
        return p.length > 1 ? p[1] : "";
    }

    private static String path(String line) {
        String[] p = line.split(" ");
        String full = p.length > 2 ? p[2] : "";
        int q = full.indexOf('?');
        return q < 0 ? full : full.substring(0, q);
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RootCommand(() -> {
            throw new AssertionError("the desktop must not open");
        }, home));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
