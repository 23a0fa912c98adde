package io.poolforge.bench;

import io.poolforge.azure.Connection;
import io.poolforge.azure.Page;
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
 * The 10,000-VM subscription (sandbox scenario {@code large}, 200 VMs a page, 50 pages) through the
 * real adapters: what the VM step does — each page listed by {@code ComputeGateway.listVms} and
 * every VM checked by {@code VmRules.check}. In one fresh JVM: connect and make the sign-in step's
 * calls, then list {@code iterations} times (the first listing is the cold one: it builds the
 * ComputeManager and loads the classes); then the cost of a keystroke in the search: {@link VmQuery}
 * over the 10,000 VMs, and a {@link FilteredList} predicate update (the VM table's list), after a
 * warm-up. Args: [iterations=5].
 */
public final class VmListBenchmark {
    private VmListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path home = Files.createTempDirectory("poolforge-bench");
        System.setProperty("sun.net.httpserver.nodelay", "true");
        long c0 = System.nanoTime();
        SdkConnector connector = new SdkConnector(scenario -> {
            Sandbox s = Sandbox.builder().scenario(scenario).timeScale(0).certificateDirectory(home.resolve("sandbox")).start();
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
            for (int it = 0; it < iterations; it++) {
                rows = new ArrayList<>(10_050);
                pages = 0;
                long listNanos = 0;
                long t0 = System.nanoTime();
                String token = null;
                do {
                    long p0 = System.nanoTime();
                    Page<VmSummary> page = c.compute().listVms(sub, token);
                    listNanos += System.nanoTime() - p0;
                    for (VmSummary vm : page.items()) rows.add(new VmRow(vm, VmRules.check(vm, account, supported, ImageTarget.GALLERY, today)));
                    token = page.continuationToken();
                    if (pages++ == 0) firstPage[it] = Bench.ms(System.nanoTime() - t0);
                } while (token != null);
                all[it] = Bench.ms(System.nanoTime() - t0);
                listOnly[it] = Bench.ms(listNanos);
            }
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
            // The rules alone over the 10,000 (warm).
            List<VmSummary> vms = rows.stream().map(VmRow::vm).toList();
            long r0 = System.nanoTime();
            for (VmSummary vm : vms) VmRules.check(vm, account, supported, ImageTarget.GALLERY, today);
            list.put("rulesAllWarmMs", Bench.ms(System.nanoTime() - r0));
            list.print();
            filter(rows);
        }
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
}
