package io.poolforge.bench;

import io.poolforge.azure.Connection;
import io.poolforge.azure.Page;
import io.poolforge.azure.VmFleetReader;
import io.poolforge.azure.VmQuery;
import io.poolforge.azure.sdk.SdkConnector;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.PoolAllocationMode;
import io.poolforge.domain.SupportedImage;
import io.poolforge.domain.VmSummary;
import io.poolforge.domain.rules.VmRules;
import io.poolforge.sandbox.Sandbox;
import io.poolforge.ui.wizard.vm.VmRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The 10,000-VM subscription (sandbox scenario {@code large}: 40 resource groups of 250 VMs, 50 VMs a page as
 * Azure pages) through the real adapters: what the VM step does — the VMs read by {@link VmFleetReader} (the
 * subscription's first page, then the groups six at once, PF-21) and every VM checked by {@code VmRules.check};
 * and, for comparison ({@code seq*} figures), the subscription-wide list followed page by page as before PF-21.
 * With a second argument {@code latencyMs}, every VM list request is answered that much later (the sandbox's
 * {@code latency} fault), as over a network to Azure. In one fresh JVM: connect and make the sign-in step's
 * calls, then list {@code iterations} times (the first listing is the cold one: it builds the
 * ComputeManager and loads the classes); then the cost of a keystroke in the search: {@link VmQuery}
 * over the 10,000 VMs, and a {@link FilteredList} predicate update (the VM table's list), after a
 * warm-up. Args: [iterations=5] [latencyMs=0].
 */
public final class VmListBenchmark {
    private VmListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        long latencyMs = args.length > 1 ? Long.parseLong(args[1]) : 0;
        Path home = Files.createTempDirectory("poolforge-bench");
        System.setProperty("sun.net.httpserver.nodelay", "true");
        long c0 = System.nanoTime();
        java.util.concurrent.atomic.AtomicReference<Sandbox> sandbox = new java.util.concurrent.atomic.AtomicReference<>();
        SdkConnector connector = new SdkConnector(scenario -> {
            Sandbox.Builder b = Sandbox.builder().scenario(scenario).timeScale(0).certificateDirectory(home.resolve("sandbox"));
            if (latencyMs > 0) b.fault("latency=" + latencyMs + ":GET:/virtualMachines");
            Sandbox s = b.start();
            sandbox.set(s);
            return new SdkConnector.RunningSandbox(s.armUrl(), s.authorityUrl(), s.tokenUrl(), s.tenantId(), s.certificatePath(), s);
        }, Sandbox.SCENARIOS, home);
        Bench.Result list = new Bench.Result("vm-list");
        try (Connection c = connector.sandbox("large")) {
            // The sign-in step: subscriptions, accounts, then the account's images, sizes and pools.
            String sub = c.identity().subscriptions().get(0).subscriptionId();
            List<BatchAccountInfo> accounts = c.batch().listAccounts(sub);
            BatchAccountInfo account = accounts.stream().filter(a -> a.poolAllocationMode() == PoolAllocationMode.BATCH_SERVICE)
                    .findFirst().orElse(accounts.get(0));
            List<SupportedImage> supported = c.batch().supportedImages(account);
            c.batch().supportedVmSkus(account.subscriptionId(), account.location());
            c.batch().listPools(account);
            list.put("connectAndSignInMs", Bench.ms(System.nanoTime() - c0));
            LocalDate today = LocalDate.now();

            double[] firstPage = new double[iterations];
            double[] all = new double[iterations];
            double[] listOnly = new double[iterations];
            List<VmRow> rows = new ArrayList<>();
            int pages = 0;
            List<java.util.Map<String, Double>> cpu = new ArrayList<>();
            for (int it = 0; it < iterations; it++) {
                rows = new ArrayList<>(10_050);
                pages = 0;
                long listNanos = 0;
                java.util.Map<String, Double> cpu0 = cpuByThreadGroup();
                java.util.Map<String, Double> cpu1;
                Concurrency concurrency = it == iterations - 1 && Boolean.getBoolean("bench.concurrency") ? new Concurrency() : null;
                long t0 = System.nanoTime();
                try (VmFleetReader reader = new VmFleetReader(c.compute(), sub, Integer.getInteger("bench.parallelism", 6))) {
                    while (!reader.done()) {
                        long p0 = System.nanoTime();
                        List<VmSummary> got = reader.next(pages == 0 ? 1 : 2_000);
                        listNanos += System.nanoTime() - p0;
                        for (VmSummary vm : got) rows.add(new VmRow(vm, VmRules.check(vm, account, supported, ImageTarget.GALLERY, today)));
                        if (pages++ == 0) firstPage[it] = Bench.ms(System.nanoTime() - t0);
                    }
                    cpu1 = cpuByThreadGroup(); // before close: the reader's threads end with it
                }
                if (concurrency != null) concurrency.stopAndPrint();
                all[it] = Bench.ms(System.nanoTime() - t0);
                listOnly[it] = Bench.ms(listNanos);
                java.util.Map<String, Double> d = new java.util.TreeMap<>();
                cpu1.forEach((g, ms) -> d.put(g, ms - cpu0.getOrDefault(g, 0.0)));
                cpu.add(d);
            }
            // As before PF-21: the subscription-wide list, page after page (once; warm).
            long s0 = System.nanoTime();
            int seqRows = 0;
            int seqPages = 0;
            String token = null;
            double seqFirst = 0;
            do {
                Page<VmSummary> page = c.compute().listVms(sub, token);
                for (VmSummary vm : page.items()) {
                    VmRules.check(vm, account, supported, ImageTarget.GALLERY, today);
                    seqRows++;
                }
                token = page.continuationToken();
                if (seqPages++ == 0) seqFirst = Bench.ms(System.nanoTime() - s0);
            } while (token != null);
            list.put("latencyMs", latencyMs).put("seqVms", seqRows).put("seqPages", seqPages).put("seqFirstPageMs", seqFirst)
                    .put("seqAllMs", Bench.ms(System.nanoTime() - s0));
            list.put("vms", rows.size()).put("pages", pages).put("iterations", iterations)
                    .put("coldFirstPageMs", firstPage[0]).put("coldAllMs", all[0]).put("coldListOnlyMs", listOnly[0]);
            if (iterations > 1) {
                double[] wf = java.util.Arrays.copyOfRange(firstPage, 1, iterations);
                double[] wa = java.util.Arrays.copyOfRange(all, 1, iterations);
                double[] wl = java.util.Arrays.copyOfRange(listOnly, 1, iterations);
                list.put("warmFirstPageMedianMs", Bench.median(wf)).put("warmAllMedianMs", Bench.median(wa))
                        .put("warmAllMinMs", Bench.min(wa)).put("warmAllMaxMs", Bench.max(wa))
                        .put("warmListOnlyMedianMs", Bench.median(wl));
            }
            // Where each listing's CPU went, by thread group: the cold listing's, and the median of the warm ones.
            cpu.get(0).forEach((g, ms) -> list.put("coldCpu" + g + "Ms", ms));
            if (iterations > 1) {
                for (String g : cpu.get(0).keySet()) {
                    list.put("warmCpu" + g + "MedianMs", Bench.median(cpu.subList(1, iterations).stream()
                            .mapToDouble(m -> m.getOrDefault(g, 0.0)).toArray()));
                }
            }
            // The rules alone over the 10,000 (warm).
            List<VmSummary> vms = rows.stream().map(VmRow::vm).toList();
            long r0 = System.nanoTime();
            for (VmSummary vm : vms) VmRules.check(vm, account, supported, ImageTarget.GALLERY, today);
            list.put("rulesAllWarmMs", Bench.ms(System.nanoTime() - r0));
            parseAndMap(sandbox.get(), sub, list);
            list.print();
            filter(rows);
        }
    }

    /**
     * The client's share of a page apart from TLS and HTTP (warm, this thread's CPU): one resource group's page of 50 VMs
     * as the sandbox sends it, parsed by the SDK's own {@code VirtualMachineListResult.fromJson} (what its REST proxy
     * calls), then mapped by PoolForge's {@code ComputeMapper.vm} (reached by reflection: it is package-private).
     */
    private static void parseAndMap(Sandbox s, String sub, Bench.Result out) throws Exception {
        java.security.KeyStore trust = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("sandbox", s.certificate());
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().sslContext(ctx).build();
        String form = "grant_type=client_credentials&client_id=bench&client_secret=" + Sandbox.CLIENT_SECRET
                + "&scope=" + java.net.URLEncoder.encode("https://management.core.windows.net/.default", java.nio.charset.StandardCharsets.UTF_8);
        String tokenJson = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(s.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(tokenJson).path("access_token").asText();
        byte[] page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(s.armUrl() + "subscriptions/" + sub
                        + "/resourceGroups/rg-fleet-01/providers/Microsoft.Compute/virtualMachines?api-version=2024-07-01"))
                .header("Authorization", "Bearer " + token).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        java.lang.reflect.Method map = Class.forName("io.poolforge.azure.sdk.ComputeMapper").getDeclaredMethod("vm",
                com.azure.resourcemanager.compute.fluent.models.VirtualMachineInner.class,
                com.azure.resourcemanager.compute.fluent.models.DiskInner.class);
        map.setAccessible(true);
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        int reps = 200;
        long parse = 0;
        long mapping = 0;
        int sink = 0;
        for (int r = 0; r < reps * 2; r++) {
            long c0 = mx.getCurrentThreadCpuTime();
            var result = com.azure.resourcemanager.compute.models.VirtualMachineListResult.fromJson(
                    com.azure.json.JsonProviders.createReader(page));
            long c1 = mx.getCurrentThreadCpuTime();
            for (var vm : result.value()) sink += map.invoke(null, vm, null).hashCode() & 1;
            long c2 = mx.getCurrentThreadCpuTime();
            if (r >= reps) { // the first half warms up
                parse += c1 - c0;
                mapping += c2 - c1;
            }
        }
        out.put("pageBytes", page.length).put("sdkParsePerPageWarmMs", Bench.ms(parse / reps))
                .put("mapPerPageWarmMs", Bench.ms(mapping / reps)).put("parseMapSink", sink);
    }

    /**
     * CPU time so far, by group: Sandbox (the in-process HTTPS server: what Azure's side costs here), Http (the JDK
     * HTTP client: TLS, HTTP/1.1), Sdk (reactor: the SDK's JSON), Reader (VmFleetReader's threads: the SDK's paging
     * and our mapping), Main (this harness: the rules), Other (live threads only), and Process (the whole process,
     * JIT compiler and GC threads included).
     */
    static java.util.Map<String, Double> cpuByThreadGroup() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Double> out = new java.util.TreeMap<>();
        for (java.lang.management.ThreadInfo ti : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (ti == null) continue;
            long ns = mx.getThreadCpuTime(ti.getThreadId());
            if (ns < 0) continue;
            String n = ti.getThreadName();
            String group = n.startsWith("poolforge-sandbox") ? "Sandbox" : n.startsWith("HttpClient") ? "Http"
                    : n.startsWith("boundedElastic") || n.startsWith("reactor") ? "Sdk" : n.startsWith("poolforge-vm-list") ? "Reader"
                    : n.equals("main") ? "Main" : "Other";
            out.merge(group, ns / 1e6, Double::sum);
        }
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            out.put("Process", os.getProcessCpuTime() / 1e6);
        }
        // Wall time (not CPU) the JIT compiler and the collector spent.
        out.put("JitWall", (double) java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
        double gc = 0;
        for (var b : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) gc += b.getCollectionTime();
        out.put("GcWall", gc);
        return out;
    }

    /** One keystroke = a new query over all rows. Typing "vm-fleet-0042" then deleting it, 26 keystrokes. */
    private static void filter(List<VmRow> rows) {
        String query = "vm-fleet-0042";
        List<String> keystrokes = new ArrayList<>();
        for (int i = 1; i <= query.length(); i++) keystrokes.add(query.substring(0, i));
        for (int i = query.length() - 1; i >= 0; i--) keystrokes.add(query.substring(0, i));
        keystrokes.add("fleet westeurope 99");
        List<VmSummary> vms = rows.stream().map(VmRow::vm).toList();

        // VmQuery alone.
        int sink = 0;
        for (int w = 0; w < 100; w++) for (String k : keystrokes) sink += count(vms, new VmQuery(k));
        List<Double> times = new ArrayList<>();
        for (int r = 0; r < 30; r++) {
            for (String k : keystrokes) {
                long t0 = System.nanoTime();
                sink += count(vms, new VmQuery(k));
                times.add(Bench.ms(System.nanoTime() - t0));
            }
        }
        double[] q = times.stream().mapToDouble(Double::doubleValue).toArray();

        // The VM table's list: a FilteredList over the rows, its predicate replaced at each keystroke
        // (as VmViewModel does), with a listener reading the change as the table would.
        ObservableList<VmRow> source = FXCollections.observableArrayList(rows);
        FilteredList<VmRow> filtered = new FilteredList<>(source);
        int[] changed = new int[1];
        filtered.addListener((ListChangeListener<VmRow>) ch -> {
            while (ch.next()) changed[0] += ch.getAddedSize() + ch.getRemovedSize();
        });
        for (int w = 0; w < 30; w++) for (String k : keystrokes) setPredicate(filtered, k);
        times.clear();
        for (int r = 0; r < 20; r++) {
            for (String k : keystrokes) {
                long t0 = System.nanoTime();
                setPredicate(filtered, k);
                times.add(Bench.ms(System.nanoTime() - t0));
            }
        }
        double[] f = times.stream().mapToDouble(Double::doubleValue).toArray();
        new Bench.Result("vm-filter").put("vms", vms.size()).put("keystrokes", q.length)
                .put("queryMedianMs", Bench.median(q)).put("queryP99Ms", Bench.percentile(q, 99)).put("queryMaxMs", Bench.max(q))
                .put("filteredListMedianMs", Bench.median(f)).put("filteredListP99Ms", Bench.percentile(f, 99))
                .put("filteredListMaxMs", Bench.max(f))
                .put("sink", sink + changed[0] % 2)
                .print();
    }

    private static void setPredicate(FilteredList<VmRow> filtered, String text) {
        VmQuery q = new VmQuery(text);
        filtered.setPredicate(r -> q.matches(r.vm()));
    }

    private static int count(List<VmSummary> vms, VmQuery q) {
        int n = 0;
        for (VmSummary vm : vms) if (q.matches(vm)) n++;
        return n;
    }

    /**
     * -Dbench.concurrency=true (a diagnosis of the last listing): every 5 ms, the CPU each live Java thread used since the
     * last sample, summed by thread group: how many cores the listing kept busy, and who ran when fewer than one was; and
     * the bytes each group allocated. The JIT's and the collector's threads are not Java threads: a slice with no CPU here
     * may be theirs. -Dbench.parallelism=N reads N resource groups at once instead of the app's 6.
     */
    static final class Concurrency {
        private final java.util.List<java.util.Map<String, Double>> slices = new java.util.ArrayList<>();
        private final Thread sampler;
        private volatile boolean running = true;
        private final java.util.Map<Long, Long> allocated = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.Map<Long, String> threadNames = new java.util.concurrent.ConcurrentHashMap<>();

        Concurrency() {
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            sampler = new Thread(() -> {
                java.util.Map<Long, Long> last = new java.util.HashMap<>();
                com.sun.management.ThreadMXBean amx = (com.sun.management.ThreadMXBean) mx;
                java.util.Map<Long, Long> alloc0 = new java.util.HashMap<>();
                while (running) {
                    java.util.Map<String, Double> slice = new java.util.TreeMap<>();
                    for (long id : mx.getAllThreadIds()) {
                        if (id == Thread.currentThread().getId()) continue;
                        long c = mx.getThreadCpuTime(id);
                        if (c < 0) continue;
                        String name = threadNames.computeIfAbsent(id, k -> {
                            java.lang.management.ThreadInfo info = mx.getThreadInfo(k);
                            return info == null ? "?" : info.getThreadName().replaceAll("[0-9]+", "#");
                        });
                        Long before = last.put(id, c);
                        if (before != null && c > before) slice.merge(name, (c - before) / 1e6, Double::sum);
                        long a = amx.getThreadAllocatedBytes(id);
                        alloc0.putIfAbsent(id, a);
                        allocated.put(id, a - alloc0.get(id));
                    }
                    slices.add(slice);
                    try { Thread.sleep(5); } catch (InterruptedException e) { return; }
                }
            }, "bench-concurrency");
            sampler.setDaemon(true);
            sampler.start();
        }

        void stopAndPrint() throws InterruptedException {
            running = false;
            sampler.join();
            int[] hist = new int[5];
            java.util.Map<String, Double> lowShare = new java.util.TreeMap<>();
            java.util.Map<String, Double> allShare = new java.util.TreeMap<>();
            for (java.util.Map<String, Double> s : slices.subList(1, slices.size())) {
                double busy = s.values().stream().mapToDouble(Double::doubleValue).sum() / 5.0; // cores over ~5 ms
                hist[Math.min(4, (int) Math.round(busy * 2))]++;
                s.forEach((k, v) -> allShare.merge(k, v, Double::sum));
                if (busy < 1.25) s.forEach((k, v) -> lowShare.merge(k, v, Double::sum));
            }
            java.util.Map<String, Long> byGroup = new java.util.TreeMap<>();
            allocated.forEach((id, b) -> byGroup.merge(threadNames.get(id), b, Long::sum));
            byGroup.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(8)
                    .forEach(e -> System.out.printf("# concurrency allocated %-40s %7.1f MB%n", e.getKey(), e.getValue() / 1e6));
            System.out.println("# concurrency slices=" + (slices.size() - 1) + " cores(0,.5,1,1.5,2+)=" + java.util.Arrays.toString(hist));
            allShare.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(12)
                    .forEach(e -> System.out.printf("# concurrency cpu %-40s all %7.1f ms  in slices under 1.25 cores %7.1f ms%n",
                            e.getKey(), e.getValue(), lowShare.getOrDefault(e.getKey(), 0.0)));
        }
    }
}
