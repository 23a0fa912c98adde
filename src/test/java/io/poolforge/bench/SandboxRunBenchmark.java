package io.poolforge.bench;

import io.poolforge.azure.Connection;
import io.poolforge.azure.Page;
import io.poolforge.azure.sdk.SdkConnector;
import io.poolforge.domain.AllocationState;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.PoolAllocationMode;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.VmSummary;
import io.poolforge.plan.Plan;
import io.poolforge.plan.PlanCodec;
import io.poolforge.run.Journal;
import io.poolforge.run.JournalStore;
import io.poolforge.run.PlanRunner;
import io.poolforge.run.RunId;
import io.poolforge.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A whole sandbox run (scenario {@code demo}, time scale 0) through the real adapters, the calls
 * the wizard makes in order: start the sandbox and sign in, subscriptions and Batch accounts, the
 * account's images/sizes/pools, every page of VMs, the chosen VM read in full, then
 * {@link PlanRunner} on the plan (snapshot, gallery, image definition, image version, pool, with
 * the journal on disk), then the pool read until steady. Counts the HTTP requests the sandbox
 * served (its request log, one line a request). Each iteration starts a new sandbox; the first is
 * the cold one (a fresh JVM). Args: plan.json [iterations=5].
 */
public final class SandboxRunBenchmark {
    private SandboxRunBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path planFile = Path.of(args.length > 0 ? args[0] : "docs/examples/vm-render-ubuntu2204-gallery.json");
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.setProperty("sun.net.httpserver.nodelay", "true");
        for (int i = 0; i < iterations; i++) {
            Bench.Result r = once(planFile);
            r.put("iteration", i).put("sinceJvmStartMs", Bench.sinceJvmStart());
            r.print();
        }
    }

    private static Bench.Result once(Path planFile) throws Exception {
        Path home = Files.createTempDirectory("poolforge-bench");
        AtomicInteger requests = new AtomicInteger();
        SdkConnector connector = new SdkConnector(scenario -> {
            Sandbox s = Sandbox.builder().scenario(scenario).timeScale(0).certificateDirectory(home.resolve("sandbox"))
                    .requestLog(line -> requests.incrementAndGet()).start();
            return new SdkConnector.RunningSandbox(s.armUrl(), s.authorityUrl(), s.tokenUrl(), s.tenantId(), s.certificatePath(), s);
        }, Sandbox.SCENARIOS, home);
        Bench.Result r = new Bench.Result("sandbox-run");
        PlanCodec codec = new PlanCodec();
        long t0 = System.nanoTime();
        try (Connection c = connector.sandbox("demo")) {
            // Sign-in step.
            String sub = c.identity().subscriptions().get(0).subscriptionId();
            var accounts = c.batch().listAccounts(sub);
            BatchAccountInfo account = accounts.stream().filter(a -> a.poolAllocationMode() == PoolAllocationMode.BATCH_SERVICE)
                    .findFirst().orElse(accounts.get(0));
            c.batch().supportedImages(account);
            c.batch().supportedVmSkus(account.subscriptionId(), account.location());
            c.batch().listPools(account);
            long t1 = System.nanoTime();
            int q1 = requests.get();
            // VM step: every page, then the chosen VM in full.
            String vmId = codec.read(planFile).plan().source().vmId();
            String token = null;
            int vms = 0;
            do {
                Page<VmSummary> page = c.compute().listVms(sub, token);
                vms += page.items().size();
                token = page.continuationToken();
            } while (token != null);
            VmSummary vm = c.compute().getVm(vmId);
            // The example plan with the OS disk id the sandbox gave this VM (as the wizard would fill it in).
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(Files.readString(planFile));
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("snapshots").path("osDisk")).put("diskId", vm.osDisk().id());
            Plan plan = codec.parse(tree.toString(), planFile.toString()).plan();
            long t2 = System.nanoTime();
            int q2 = requests.get();
            // Create step: the journal and the runner, then the pool for the watcher.
            Clock clock = Clock.systemUTC();
            JournalStore store = new JournalStore(home.resolve("runs"), codec);
            Journal journal = store.start(plan, RunId.create(clock.instant(), new Random()), clock.instant());
            Plan resolved = store.plan(journal);
            Journal done = new PlanRunner(c.compute(), c.batch(), store, clock)
                    .run(resolved, journal, Map.of("createdBy", "PoolForge"), PlanRunner.Listener.NONE, () -> false);
            BatchAccountInfo planAccount = PlanRunner.account(resolved);
            PoolInfo pool = c.batch().getPool(planAccount, resolved.pool().poolId()).orElseThrow();
            long t3 = System.nanoTime();
            int q3 = requests.get();
            int polls = 0;
            while (pool.allocationState() != AllocationState.STEADY && polls < 100) {
                Thread.sleep(10);
                pool = c.batch().getPool(planAccount, resolved.pool().poolId()).orElseThrow();
                polls++;
            }
            long t4 = System.nanoTime();
            int q4 = requests.get();
            if (!done.complete()) throw new IllegalStateException("run incomplete");
            r.put("signInMs", Bench.ms(t1 - t0)).put("signInRequests", q1)
                    .put("vmStepMs", Bench.ms(t2 - t1)).put("vmStepRequests", q2 - q1).put("vms", vms)
                    .put("runMs", Bench.ms(t3 - t2)).put("runRequests", q3 - q2).put("steps", done.steps().size())
                    .put("toSteadyMs", Bench.ms(t4 - t3)).put("toSteadyRequests", q4 - q3)
                    .put("totalMs", Bench.ms(t4 - t0)).put("totalRequests", q4)
                    .put("poolState", pool.allocationState().name());
        }
        return r;
    }
}
