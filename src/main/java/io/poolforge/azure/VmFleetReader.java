package io.poolforge.azure;

import io.poolforge.domain.VmSummary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads every VM of a subscription, quickly where there are many (PF-21).
 *
 * <p>Azure pages both VM lists at 50: the subscription-wide one ("list_vms_sub returns a maximum of 50 results",
 * gbowerman/azurerm#6, 2016-08-29; Azure/azure-xplat-cli#2961) and, since 2018, the one per resource group
 * ("Get-AzureRmVM -ResourceGroupName blah is only returning 50 results even if there are more then 50 vms in an
 * RG", Azure/azure-powershell#7292, 2018-09-19; read 2026-12-07). Each page's {@code nextLink} comes with the page
 * before it, so one list is a chain of round trips: 10,001 VMs are ~200 in a row. Lists of different resource
 * groups are independent, so they run {@code parallelism} at a time.
 *
 * <p>Only the subscription-wide list gives the power state ({@code statusOnly=true} "enables fetching run time status
 * of all Virtual Machines in the subscription"); the list per resource group can expand the instance view only with a
 * {@code $filter} of a scale set ("'instanceView' enables fetching run time status of all Virtual Machines, this can
 * only be specified if a valid $filter option is specified", learn.microsoft.com/javascript/api/@azure/arm-compute/
 * virtualmachineslistoptionalparams, read 2026-12-07). So the first page is the subscription-wide one (first rows at
 * once, with their state; a subscription of up to one page is read exactly as before), and only when it has a next
 * page are the rest read per resource group: those rows show the power state as unknown until the VM is chosen (its
 * full read has the instance view). Without resource groups (a gateway that cannot list them) the subscription-wide
 * pages are followed one after the other.
 */
public final class VmFleetReader implements AutoCloseable {
    private static final List<VmSummary> END = new ArrayList<>(0);

    private final ComputeGateway compute;
    private final String subscriptionId;
    private final ExecutorService pool;
    private final BlockingQueue<List<VmSummary>> pages = new LinkedBlockingQueue<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Set<String> firstPageIds = new HashSet<>();
    private volatile boolean done;

    public VmFleetReader(ComputeGateway compute, String subscriptionId, int parallelism) {
        this.compute = compute;
        this.subscriptionId = subscriptionId;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, parallelism), r -> {
            Thread t = new Thread(r, "poolforge-vm-list-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        submit(this::firstPage);
    }

    /**
     * At least {@code min} VMs (blocking until then), or what is left; an empty list once every VM was returned.
     * Throws the first failure of any list.
     */
    public List<VmSummary> next(int min) throws InterruptedException {
        List<VmSummary> out = new ArrayList<>();
        while (!done && out.size() < Math.max(1, min)) {
            List<VmSummary> page = pages.take();
            if (page == END) {
                done = true;
                break;
            }
            out.addAll(page);
        }
        RuntimeException e = failure.get();
        if (e != null) throw e;
        return out;
    }

    /** Whether every VM was returned by {@link #next}. */
    public boolean done() { return done; }

    @Override
    public void close() { pool.shutdownNow(); }

    private void firstPage() {
        Page<VmSummary> first = compute.listVms(subscriptionId, null);
        for (VmSummary vm : first.items()) firstPageIds.add(key(vm));
        pages.add(first.items());
        if (first.continuationToken() == null) return;
        List<String> groups = compute.listResourceGroups(subscriptionId);
        if (groups.isEmpty()) {
            String next = first.continuationToken();
            while (next != null && !Thread.currentThread().isInterrupted()) {
                Page<VmSummary> page = compute.listVms(subscriptionId, next);
                pages.add(page.items());
                next = page.continuationToken();
            }
            return;
        }
        for (String g : groups) submit(() -> group(g));
    }

    private void group(String resourceGroup) {
        String next = null;
        do {
            Page<VmSummary> page = compute.listVms(subscriptionId, resourceGroup, next);
            List<VmSummary> fresh = new ArrayList<>(page.items().size());
            for (VmSummary vm : page.items()) if (!firstPageIds.contains(key(vm))) fresh.add(vm);
            if (!fresh.isEmpty()) pages.add(fresh);
            next = page.continuationToken();
        } while (next != null && !Thread.currentThread().isInterrupted());
    }

    private void submit(Runnable work) {
        running.incrementAndGet();
        pool.execute(() -> {
            try {
                if (failure.get() == null) work.run();
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                // The first page's task submits the groups' before it ends, so the count reaches 0 only at the end.
                if (running.decrementAndGet() == 0 || failure.get() != null) pages.add(END);
            }
        });
    }

    private static String key(VmSummary vm) {
        return vm.id() == null ? "" : vm.id().toLowerCase(Locale.ROOT);
    }
}
