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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code poolforge run} as real processes against a standalone {@code poolforge sandbox} (time scale 0):
 * the run is killed with SIGKILL after each step in turn (and once after a step's intent only), resumed
 * each time with {@code --resume}, and in the end every resource exists exactly once; SIGTERM (the
 * path of Ctrl+C) ends it with exit code 4 and a resumable journal; {@code --clean-up} then brings the
 * sandbox's resource counts back to what they were before the run. The hidden {@code --pause-after STEP}
 * holds the child at a step boundary so that each kill lands exactly there.
 */
class RunKillResumeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Exit status of a process ended by SIGKILL (128 + 9). */
    private static final int SIGKILLED = 137;
    private static final List<String> STEPS = List.of("snapshot-os", "gallery", "image-definition", "image-version", "pool");

    @TempDir
    static Path dir;
    static SandboxProcess sandbox;
    static Path plan;
    static Path home;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxProcess.start(dir);
        home = dir.resolve("home");
        // The example plan with the OS disk id the sandbox gave the demo VM.
        ObjectNode tree = TestPlans.tree(TestPlans.GALLERY);
        JsonNode vm = sandbox.get(tree.at("/source/vmId").asText() + "?api-version=2024-07-01");
        tree = TestPlans.edit(tree, "/snapshots/osDisk/diskId", vm.at("/properties/storageProfile/osDisk/managedDisk/id").asText());
        plan = dir.resolve("render-plan.json");
        Files.writeString(plan, tree.toPrettyString());
    }

    @AfterAll
    static void stopSandbox() throws Exception {
        if (sandbox != null) sandbox.close();
    }

    @Test
    void killedAfterEachStepResumesToExactlyOneOfEachAndCleanUpRestoresTheCounts() throws Exception {
        Map<String, Integer> before = sandbox.counts();

        // 1. A new run, SIGKILLed after the OS snapshot.
        kill("snapshot-os", "run", plan.toString());
        String runId = onlyRunId();
        assertThat(statuses()).containsExactly(entry("snapshot-os", "SUCCEEDED"), entry("gallery", "PENDING"),
                entry("image-definition", "PENDING"), entry("image-version", "PENDING"), entry("pool", "PENDING"));

        // Starting again without a flag is refused while that run is unfinished (the desktop offers the same choice).
        Result again = inProcess("run", plan.toString(), "--sandbox-endpoints", sandbox.endpointsFile.toString(), "--lang", "en");
        assertThat(again.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("The run " + runId + " of " + plan + " did not finish (next step: gallery).",
                "--resume", "--clean-up");

        // 2-5. Resume, SIGKILL after each further step; once after the intent of a step only.
        kill("gallery", "run", plan.toString(), "--resume");
        kill("image-definition:start", "run", plan.toString(), "--resume");
        assertThat(statuses()).containsEntry("image-definition", "STARTED");
        kill("image-definition", "run", plan.toString(), "--resume");
        kill("image-version", "run", plan.toString(), "--resume");
        assertThat(statuses()).containsEntry("image-version", "SUCCEEDED").containsEntry("pool", "PENDING");
        // As if the kill had come after Azure made the version but before the journal said so.
        forgetResult("image-version");

        // 6. SIGTERM (what Ctrl+C does) while the pool's intent is written: exit 4, journal resumable.
        SandboxProcess.Child term = child("run", plan.toString(), "--resume", "--pause-after", "pool:start");
        term.awaitErr("Paused at pool:start");
        // SIGTERM through the handle: Process.destroy() would also close our ends of the child's pipes.
        assertThat(term.process.toHandle().destroy()).isTrue();
        assertThat(term.exit()).as(term.stderr()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(term.stdout()).as(term.stderr()).contains("Run " + runId + " of " + plan + ": interrupted; it can be resumed.");
        assertThat(statuses()).containsEntry("image-version", "SUCCEEDED").containsEntry("pool", "STARTED");

        // 7. Resume, SIGKILL after the last step.
        kill("pool", "run", plan.toString(), "--resume");
        assertThat(statuses().values()).containsOnly("SUCCEEDED");
        assertThat(onlyRunId()).isEqualTo(runId);

        // Every resource exists exactly once; the gallery existed before and is not counted as the run's.
        Map<String, Integer> expected = new TreeMap<>(before);
        for (String type : List.of("Microsoft.Compute/snapshots", "Microsoft.Compute/galleries/images",
                "Microsoft.Compute/galleries/images/versions", "Microsoft.Batch/batchAccounts/pools")) {
            expected.merge(type, 1, Integer::sum);
        }
        Map<String, Integer> after = withoutNodes(sandbox.counts());
        assertThat(after).isEqualTo(withoutNodes(expected));
        JsonNode journal = journal(runId);
        assertThat(journal.at("/steps/1/created").asBoolean()).isFalse();
        for (int i : new int[] {0, 2, 3, 4}) assertThat(journal.at("/steps/" + i + "/created").asBoolean()).isTrue();

        // Resuming a complete run does nothing and says so.
        Result complete = inProcess("run", plan.toString(), "--resume", "--run-id", runId,
                "--sandbox-endpoints", sandbox.endpointsFile.toString(), "--lang", "en", "--json");
        assertThat(complete.code()).as(complete.err()).isEqualTo(ExitCodes.OK);
        // PF-22: only that it is done (no "Resuming run … at step -").
        assertThat(complete.err()).contains("Already done: pool render-ubuntu2204 exists in the Batch account pfdemobatchweu from run "
                + runId).doesNotContain("Resuming").doesNotContain("at step -");
        JsonNode result = JSON.readTree(complete.out());
        assertThat(result.get("status").asText()).isEqualTo("complete");
        assertThat(result.get("created")).hasSize(4);
        assertThat(result.at("/reused/0").asText()).endsWith("/galleries/gal_pf_images");
        assertThat(result.at("/pool/id").asText()).isEqualTo("render-ubuntu2204");
        assertThat(result.at("/pool/targetDedicatedNodes").asInt()).isEqualTo(2);
        assertThat(withoutNodes(sandbox.counts())).isEqualTo(after);

        // Clean-up without a terminal and without --yes: the list, then a refusal.
        Result refused = inProcess("run", plan.toString(), "--clean-up", "--sandbox-endpoints", sandbox.endpointsFile.toString(),
                "--lang", "en");
        assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("The run " + runId + " created these 4 resources", "add --yes");
        assertThat(withoutNodes(sandbox.counts())).isEqualTo(after);

        // Clean-up deletes exactly what the run created: the counts are those from before the run.
        SandboxProcess.Child cleanUp = child("run", plan.toString(), "--clean-up", "--yes", "--json");
        assertThat(cleanUp.exit()).as(cleanUp.stderr()).isEqualTo(ExitCodes.OK);
        JsonNode deleted = JSON.readTree(cleanUp.stdout());
        assertThat(deleted.get("status").asText()).isEqualTo("cleaned-up");
        List<String> ids = new ArrayList<>();
        deleted.get("deleted").forEach(n -> ids.add(n.asText()));
        assertThat(ids).hasSize(4);
        assertThat(ids.get(0)).endsWith("/pools/render-ubuntu2204");
        assertThat(ids.get(3)).endsWith("/snapshots/snap-render-ubuntu2204-os");
        assertThat(ids).noneMatch(id -> id.endsWith("/galleries/gal_pf_images"));
        assertThat(sandbox.counts()).isEqualTo(before);
        assertThat(home.resolve("runs/cleaned-up").resolve(runId).resolve("cleanup.json")).exists();
        assertThat(runIds()).isEmpty();
    }

    @Test
    void aSecondRunOrResumeWhileOneIsGoingOnIsToldWhoHoldsItAndExits2() throws Exception {
        ObjectNode tree = TestPlans.tree(plan);
        tree = TestPlans.edit(tree, "/snapshots/osDisk/snapshotName", "snap-locks-os");
        tree = TestPlans.edit(tree, "/image/gallery/version", "5.0.0");
        tree = TestPlans.edit(tree, "/pool/poolId", "pool-locks");
        Path locksPlan = dir.resolve("locks-plan.json");
        Files.writeString(locksPlan, tree.toPrettyString());
        Path locksHome = dir.resolve("locks-home");
        List<String> args = List.of("run", locksPlan.toString(), "--pause-after", "snapshot-os", "--sandbox-endpoints",
                sandbox.endpointsFile.toString(), "--lang", "en");
        SandboxProcess.Child first = new SandboxProcess.Child(locksHome, args.toArray(String[]::new));
        first.awaitErr("Paused at snapshot-os");
        long pid = first.process.pid();
        // A plain second run of the same plan, and a resume, while the first holds the locks.
        for (List<String> second : List.of(List.of("run", locksPlan.toString()), List.of("run", locksPlan.toString(), "--resume"))) {
            List<String> all = new ArrayList<>(second);
            all.addAll(List.of("--sandbox-endpoints", sandbox.endpointsFile.toString(), "--lang", "en"));
            SandboxProcess.Child c = new SandboxProcess.Child(locksHome, all.toArray(String[]::new));
            assertThat(c.exit()).as(c.stderr()).isEqualTo(ExitCodes.USAGE);
            assertThat(c.stderr()).contains("is in use by another PoolForge process (pid " + pid);
        }
        first.process.destroyForcibly();
        assertThat(first.exit()).isEqualTo(SIGKILLED);
        // The OS released the locks with the process: the resume goes on, and the snapshot was PUT once only.
        SandboxProcess.Child resume = new SandboxProcess.Child(locksHome, "run", locksPlan.toString(), "--resume",
                "--sandbox-endpoints", sandbox.endpointsFile.toString(), "--lang", "en", "--json");
        assertThat(resume.exit()).as(resume.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(JSON.readTree(resume.stdout()).get("status").asText()).isEqualTo("complete");
        SandboxProcess.Child clean = new SandboxProcess.Child(locksHome, "run", locksPlan.toString(), "--clean-up", "--yes",
                "--sandbox-endpoints", sandbox.endpointsFile.toString(), "--lang", "en");
        assertThat(clean.exit()).as(clean.stderr()).isEqualTo(ExitCodes.OK);
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** Runs a child that pauses at {@code point}, waits for it to get there, and SIGKILLs it. */
    private static void kill(String point, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--pause-after", point));
        SandboxProcess.Child c = child(all.toArray(String[]::new));
        c.awaitErr("Paused at " + point);
        c.process.destroyForcibly();
        assertThat(c.exit()).isEqualTo(SIGKILLED);
    }

    private static SandboxProcess.Child child(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--sandbox-endpoints", sandbox.endpointsFile.toString(), "--lang", "en"));
        return new SandboxProcess.Child(home, all.toArray(String[]::new));
    }

    record Result(int code, String out, String err) {
    }

    /** {@code poolforge ARGS} in this JVM, with the test's PoolForge folder. */
    static Result inProcess(String... args) {
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

    private static List<String> runIds() throws Exception {
        Path runs = home.resolve("runs");
        if (!Files.isDirectory(runs)) return List.of();
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(p -> Files.exists(p.resolve("journal.json"))).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String onlyRunId() throws Exception {
        List<String> ids = runIds();
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    private static JsonNode journal(String runId) throws Exception {
        return JSON.readTree(Files.readString(home.resolve("runs").resolve(runId).resolve("journal.json")));
    }

    private static Map<String, String> statuses() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        journal(onlyRunId()).get("steps").forEach(s -> out.put(s.get("id").asText(), s.get("status").asText()));
        assertThat(out.keySet()).containsExactlyElementsOf(STEPS);
        return out;
    }

    /** Puts a finished step back to STARTED (intent written, result lost). */
    private static void forgetResult(String stepId) throws Exception {
        String runId = onlyRunId();
        ObjectNode j = (ObjectNode) journal(runId);
        for (JsonNode s : j.get("steps")) {
            if (!s.get("id").asText().equals(stepId)) continue;
            ObjectNode step = (ObjectNode) s;
            step.put("status", "STARTED");
            step.remove(List.of("finishedAt", "created"));
        }
        Files.writeString(home.resolve("runs").resolve(runId).resolve("journal.json"), j.toPrettyString());
    }

    /** Node counts follow the pool's allocation; the resources themselves are what must match. */
    private static Map<String, Integer> withoutNodes(Map<String, Integer> counts) {
        Map<String, Integer> out = new TreeMap<>(counts);
        out.remove("Microsoft.Batch/batchAccounts/pools/nodes");
        return out;
    }

    private static Map.Entry<String, String> entry(String k, String v) {
        return Map.entry(k, v);
    }
}
