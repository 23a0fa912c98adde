package io.poolforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.plan.TestPlans;
import io.poolforge.sandbox.FaultSpec;
import io.poolforge.sandbox.Sandbox;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The fault matrix (PF-9, docs/RELIABILITY.md): each fault aimed at each step of {@code poolforge run}
 * (the CLI entry point, against a sandbox at time scale 0 reached with {@code --sandbox-endpoints}). Each
 * cell: the run completes, or stops with a specific message (never "unexpected") and a journal that
 * {@code --resume} finishes; no resource is created twice (successful PUTs per resource, counted in the
 * sandbox's request log; resource counts per type before and after); every resource the cell made is in
 * the run's result as created (no orphan nobody reports). Also the doors: a poolId that exists stops the
 * run before anything is created, and a non-loopback --sandbox-url is refused without a request.
 */
class FaultMatrixTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What each fault is, as a --fault spec head (the method and path come from the target). */
    static final List<String> FAULTS = List.of("429=1", "500", "503", "reset", "latency=2500", "fail", "expire");
    /** Where each fault is aimed: method, path regex, and (for reads after a create) the request that arms it. */
    record Target(String name, String method, String path, String armedAfter) {
    }

    static final List<Target> TARGETS = List.of(
            new Target("snapshot", "PUT", "/snapshots/", null),
            new Target("definition", "PUT", "/galleries/[^/]+/images/[^/]+$", null),
            new Target("version", "PUT", "/versions/", null),
            new Target("polling", "GET", "/operations/", null),
            new Target("pool-create", "PUT", "/pools/", null),
            new Target("pool-read", "GET", "/pools/", "PUT /pools/"),
            new Target("watch", "GET", "/pools/", "GET /pools/ after PUT"));

    @TempDir
    static Path dir;
    static Sandbox sandbox;
    static final List<String> log = new CopyOnWriteArrayList<>();
    static final AtomicReference<Runnable> trigger = new AtomicReference<>();
    static final AtomicReference<String> triggerOn = new AtomicReference<>();
    static Path endpoints;
    static String osDiskId;
    static HttpClient http;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        System.setProperty("poolforge.http.responseTimeoutMs", "1000");
        sandbox = Sandbox.builder().scenario("demo").timeScale(0).certificateDirectory(dir.resolve("certs"))
                .requestLog(FaultMatrixTest::logged).start();
        endpoints = dir.resolve("endpoints.json");
        Files.writeString(endpoints, sandbox.endpointsJson());
        http = HttpClient.newBuilder().sslContext(trusting(sandbox.certificatePath())).build();
        ObjectNode tree = TestPlans.tree(TestPlans.GALLERY);
        JsonNode vm = get(tree.at("/source/vmId").asText() + "?api-version=2024-07-01");
        osDiskId = vm.at("/properties/storageProfile/osDisk/managedDisk/id").asText();
    }

    @AfterAll
    static void stop() {
        System.clearProperty("poolforge.http.responseTimeoutMs");
        if (sandbox != null) sandbox.close();
    }

    /** Arms a read fault when the request it waits for has been answered (the log line comes after the answer). */
    private static void logged(String line) {
        log.add(line);
        String on = triggerOn.get();
        if (on == null) return;
        String[] p = line.split(" ");
        if (p.length < 4) return;
        String req = p[1] + " " + p[2];
        boolean hit = switch (on) {
            case "PUT /pools/" -> req.startsWith("PUT ") && req.contains("/pools/") && p[3].startsWith("2");
            case "GET /pools/ after PUT" -> {
                // The first pool read after the create: arm the fault for the next one (the watch).
                if (req.startsWith("PUT ") && req.contains("/pools/") && p[3].startsWith("2")) {
                    triggerOn.set("GET /pools/");
                }
                yield false;
            }
            case "GET /pools/" -> req.startsWith("GET ") && req.contains("/pools/") && p[3].startsWith("2");
            default -> false;
        };
        if (hit && triggerOn.compareAndSet(on, null)) {
            Runnable r = trigger.getAndSet(null);
            if (r != null) r.run();
        }
    }

    record Cell(String fault, String target, String outcome, int putsMax) {
    }

    @Test
    void everyFaultAtEveryStepCompletesOrStopsResumablyWithNoDuplicatesAndNoUnreportedOrphans() throws Exception {
        List<Cell> cells = new ArrayList<>();
        int n = 0;
        for (Target t : TARGETS) {
            for (String f : FAULTS) {
                n++;
                cells.add(cell(n, f, t));
            }
        }
        StringBuilder table = new StringBuilder("| target \\ fault | " + String.join(" | ", FAULTS) + " |\n|---|"
                + "---|".repeat(FAULTS.size()) + "\n");
        for (Target t : TARGETS) {
            table.append("| ").append(t.name()).append(" | ");
            for (String f : FAULTS) {
                Cell c = cells.stream().filter(x -> x.fault().equals(f) && x.target().equals(t.name())).findFirst().orElseThrow();
                table.append(c.outcome()).append(" | ");
            }
            table.append('\n');
        }
        table.append("\ncells passed: ").append(cells.size()).append("/").append(TARGETS.size() * FAULTS.size())
                .append("; duplicates: 0; orphans unreported: 0\n");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/fault-matrix.md"), table.toString());
        assertThat(cells).hasSize(TARGETS.size() * FAULTS.size());
    }

    private Cell cell(int n, String fault, Target t) throws Exception {
        String name = "mx" + n;
        Path home = dir.resolve("home-" + name);
        ObjectNode tree = TestPlans.tree(TestPlans.GALLERY);
        tree = TestPlans.edit(tree, "/snapshots/osDisk/diskId", osDiskId);
        tree = TestPlans.edit(tree, "/snapshots/osDisk/snapshotName", "snap-" + name + "-os");
        tree = TestPlans.edit(tree, "/image/gallery/version", "1.0." + n);
        tree = TestPlans.edit(tree, "/pool/poolId", "pool-" + name);
        Path plan = dir.resolve(name + ".json");
        Files.writeString(plan, tree.toPrettyString());
        Map<String, Integer> before = withoutNodes(sandbox.counts());
        int logStart = log.size();

        FaultSpec spec = FaultSpec.parse(fault + ":" + t.method() + ":" + t.path() + ":1");
        if (t.armedAfter() == null) {
            sandbox.faults().add(spec);
        } else {
            trigger.set(() -> sandbox.faults().add(spec));
            triggerOn.set(t.armedAfter());
        }
        Result first = cli(home, "run", plan.toString(), "--sandbox-endpoints", endpoints.toString(), "--lang", "en", "--json");
        sandbox.faults().clear();
        triggerOn.set(null);
        trigger.set(null);
        String outcome;
        Result last = first;
        if (first.code() == ExitCodes.OK) {
            outcome = "completes";
        } else {
            String label = fault + " at " + t.name() + ": " + first.err();
            assertThat(first.code()).as(label).isIn(ExitCodes.AZURE_ERROR, ExitCodes.USAGE);
            assertThat(first.err()).as(label).doesNotContain("did not expect").contains("--resume");
            Result resumed = cli(home, "run", plan.toString(), "--resume", "--sandbox-endpoints", endpoints.toString(), "--lang", "en",
                    "--json");
            assertThat(resumed.code()).as(label + "\nresume: " + resumed.err()).isEqualTo(ExitCodes.OK);
            last = resumed;
            outcome = "stops, resumed";
        }
        JsonNode result = JSON.readTree(last.out());
        assertThat(result.get("status").asText()).isEqualTo("complete");
        assertThat(result.at("/pool/id").asText()).isEqualTo("pool-" + name);
        // Every resource the cell made is reported as created by the run (no orphans nobody knows of).
        List<String> created = new ArrayList<>();
        result.get("created").forEach(x -> created.add(x.asText().toLowerCase()));
        assertThat(created).anyMatch(x -> x.endsWith("/snapshots/snap-" + name + "-os"))
                .anyMatch(x -> x.endsWith("/versions/1.0." + n)).anyMatch(x -> x.endsWith("/pools/pool-" + name));
        // No resource created twice: one more snapshot, version and pool (the definition only in the first cell).
        Map<String, Integer> after = withoutNodes(sandbox.counts());
        Map<String, Integer> expected = new LinkedHashMap<>(before);
        for (String type : List.of("Microsoft.Compute/snapshots", "Microsoft.Compute/galleries/images/versions",
                "Microsoft.Batch/batchAccounts/pools")) {
            expected.merge(type, 1, Integer::sum);
        }
        expected.put("Microsoft.Compute/galleries/images", after.get("Microsoft.Compute/galleries/images"));
        assertThat(after).as(fault + " at " + t.name()).isEqualTo(expected);
        // Successful PUTs per resource: one, or two where the fault made Azure fail the operation (re-created by
        // name) or the client gave up waiting for an answer Azure did send (the same PUT again).
        Map<String, Integer> puts = new LinkedHashMap<>();
        for (String line : RequestLogsAccess.settled(log).subList(logStart, RequestLogsAccess.settled(log).size())) {
            String[] p = line.split(" ");
            if (p.length >= 4 && p[1].equals("PUT") && p[3].startsWith("2")) {
                String path = p[2].contains("?") ? p[2].substring(0, p[2].indexOf('?')) : p[2];
                puts.merge(path.toLowerCase(), 1, Integer::sum);
            }
        }
        int max = puts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        boolean mayRepeat = fault.equals("fail") || fault.startsWith("latency") || fault.equals("reset");
        assertThat(max).as(fault + " at " + t.name() + " " + puts).isLessThanOrEqualTo(mayRepeat ? 2 : 1);
        // A request the client gave up on is still served by Azure after its delay: wait for it, or it lands after the
        // clean-up below and re-creates what was just deleted (in the next cell's counts).
        if (fault.startsWith("latency=")) Thread.sleep(Long.parseLong(fault.substring("latency=".length())) + 500);
        // Clean-up deletes what the cell's run made, by its tags: the counts are back (the account keeps 20 pools at most).
        Result clean = cli(home, "run", plan.toString(), "--clean-up", "--yes", "--sandbox-endpoints", endpoints.toString(), "--lang", "en",
                "--json");
        assertThat(clean.code()).as(fault + " at " + t.name() + " clean-up: " + clean.err()).isZero();
        Map<String, Integer> cleaned = withoutNodes(sandbox.counts());
        cleaned.put("Microsoft.Compute/galleries/images", before.get("Microsoft.Compute/galleries/images"));
        assertThat(cleaned).as(fault + " at " + t.name() + " after clean-up").isEqualTo(before);
        return new Cell(fault, t.name(), outcome, max);
    }

    // --- the doors --------------------------------------------------------------------------------

    @Test
    void aPlanWhosePoolIdExistsStopsBeforeCreatingAnything() throws Exception {
        for (String poolId : List.of("render-gallery", "Render-Gallery")) {
            Path home = dir.resolve("home-exists-" + poolId);
            ObjectNode tree = TestPlans.edit(TestPlans.tree(TestPlans.GALLERY), "/snapshots/osDisk/diskId", osDiskId);
            tree = TestPlans.edit(tree, "/snapshots/osDisk/snapshotName", "snap-exists-" + poolId.toLowerCase());
            tree = TestPlans.edit(tree, "/image/gallery/version", "9.0.0");
            Path plan = dir.resolve("exists-" + poolId + ".json");
            Files.writeString(plan, TestPlans.edit(tree, "/pool/poolId", poolId).toPrettyString());
            Map<String, Integer> before = withoutNodes(sandbox.counts());
            int logStart = RequestLogsAccess.settled(log).size();
            Result r = cli(home, "run", plan.toString(), "--sandbox-endpoints", endpoints.toString(), "--lang", "en");
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.RULE_VIOLATIONS);
            // The preflight (PF-8) names the rule; the survey (PF-9) would name the conflict: either stops first.
            assertThat(r.err()).contains("POOL_ID_TAKEN", poolId, "nothing was created");
            assertThat(withoutNodes(sandbox.counts())).isEqualTo(before);
            List<String> lines = RequestLogsAccess.settled(log);
            assertThat(lines.subList(logStart, lines.size())).filteredOn(l -> !l.contains("/oauth2/"))
                    .noneMatch(l -> l.split(" ")[1].matches("PUT|POST|PATCH|DELETE"));
            assertThat(home.resolve("runs")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(),
                    p -> assertThat(Files.list(p).filter(x -> !x.getFileName().toString().startsWith(".")).count()).isZero());
        }
    }

    @Test
    void aNonLoopbackSandboxUrlIsRefusedWithoutARequest() throws Exception {
        Path home = dir.resolve("home-door");
        int logStart = RequestLogsAccess.settled(log).size();
        Result r = cli(home, "run", TestPlans.GALLERY.toString(), "--sandbox-url", "https://192.0.2.2:8444/", "--sandbox-cert",
                sandbox.certificatePath().toString(), "--lang", "en");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("https://192.0.2.2:8444/ is not a loopback address", "nothing was sent");
        // Endpoints that point elsewhere (here: the sandbox's token endpoint moved to another host) are refused too.
        ObjectNode e = (ObjectNode) JSON.readTree(sandbox.endpointsJson());
        e.put("token", "https://192.0.2.2:8444/t/oauth2/v2.0/token");
        Result r2 = cli(home, "run", TestPlans.GALLERY.toString(), "--sandbox-endpoints", e.toString(), "--lang", "en");
        assertThat(r2.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r2.err()).contains("is not a loopback address");
        assertThat(RequestLogsAccess.settled(log).size()).isEqualTo(logStart);
        assertThat(ConnectionOptions.loopback("https://127.0.0.1:1/")).isTrue();
        assertThat(ConnectionOptions.loopback("https://[::1]:1/")).isTrue();
        assertThat(ConnectionOptions.loopback("https://localhost:1/")).isTrue();
        assertThat(ConnectionOptions.loopback("https://127.0.0.1.example.com:1/")).isFalse();
        assertThat(ConnectionOptions.loopback("http://127.0.0.1:1/")).isFalse();
        assertThat(ConnectionOptions.loopback("https://10.0.0.1:1/")).isFalse();
        assertThat(home.resolve("runs")).doesNotExist();
    }

    @Test
    void aDamagedJournalStopsTheNextRunAndCleanUpByTagsDeletesWhatTheRunMade() throws Exception {
        Path home = dir.resolve("home-damaged");
        ObjectNode tree = TestPlans.edit(TestPlans.tree(TestPlans.GALLERY), "/snapshots/osDisk/diskId", osDiskId);
        tree = TestPlans.edit(tree, "/snapshots/osDisk/snapshotName", "snap-damaged-os");
        tree = TestPlans.edit(tree, "/image/gallery/version", "7.0.0");
        tree = TestPlans.edit(tree, "/pool/poolId", "pool-damaged");
        Path plan = dir.resolve("damaged.json");
        Files.writeString(plan, tree.toPrettyString());
        Map<String, Integer> before = withoutNodes(sandbox.counts());
        Result ok = cli(home, "run", plan.toString(), "--sandbox-endpoints", endpoints.toString(), "--lang", "en", "--json");
        assertThat(ok.code()).as(ok.err()).isZero();
        String runId = JSON.readTree(ok.out()).get("runId").asText();
        int createdByRun = JSON.readTree(ok.out()).get("created").size();
        Path journal = home.resolve("runs").resolve(runId).resolve("journal.json");
        String text = Files.readString(journal);
        Files.writeString(journal, text.substring(0, text.length() / 2));
        Map<String, Integer> made = withoutNodes(sandbox.counts());

        Result again = cli(home, "run", plan.toString(), "--sandbox-endpoints", endpoints.toString(), "--lang", "en");
        assertThat(again.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("The journal of run " + runId, "is damaged", "line ", "made " + createdByRun + " resource(s)",
                "--resume --run-id " + runId, "--clean-up --run-id " + runId);
        Result resume = cli(home, "run", plan.toString(), "--resume", "--sandbox-endpoints", endpoints.toString(), "--lang", "en");
        assertThat(resume.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(withoutNodes(sandbox.counts())).isEqualTo(made);

        // The journal gone altogether: the tags still find what the run made.
        Files.delete(journal);
        Result clean = cli(home, "run", plan.toString(), "--clean-up", "--run-id", runId, "--yes", "--sandbox-endpoints",
                endpoints.toString(), "--lang", "en", "--json");
        assertThat(clean.code()).as(clean.err()).isZero();
        assertThat(JSON.readTree(clean.out()).get("deleted")).hasSize(createdByRun);
        Map<String, Integer> now = withoutNodes(sandbox.counts());
        // The image definition was made by an earlier test's run or is shared; what this run made is gone.
        now.put("Microsoft.Compute/galleries/images", before.get("Microsoft.Compute/galleries/images"));
        assertThat(now).isEqualTo(before);
    }

    // --- helpers ----------------------------------------------------------------------------------

    record Result(int code, String out, String err) {
    }

    static Result cli(Path home, String... args) {
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

    static Map<String, Integer> withoutNodes(Map<String, Integer> counts) {
        Map<String, Integer> out = new java.util.TreeMap<>(counts);
        out.keySet().removeIf(k -> k.contains("/nodes") || k.contains("allocation") || !k.contains("/"));
        return out;
    }

    static JsonNode get(String pathAndQuery) throws Exception {
        if (token == null) {
            String body = "grant_type=client_credentials&client_id=matrix&client_secret=" + Sandbox.CLIENT_SECRET + "&scope="
                    + URLEncoder.encode("https://management.core.windows.net//.default", StandardCharsets.UTF_8);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sandbox.tokenUrl()))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            token = JSON.readTree(r.body()).get("access_token").asText();
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sandbox.armUrl() + pathAndQuery.substring(1)))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    static SSLContext trusting(Path pem) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            int i = 0;
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) trust.setCertificateEntry("c" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    /** The sandbox package's settled-log helper, from here. */
    static final class RequestLogsAccess {
        static List<String> settled(List<String> log) {
            return io.poolforge.sandbox.RequestLogs.settled(log);
        }
    }
}
