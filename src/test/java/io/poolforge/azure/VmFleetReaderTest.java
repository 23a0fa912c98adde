package io.poolforge.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.VmSummary;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * PF-21: the reader's order of requests over a gateway that answers like ARM (pages of 50, a next link per page),
 * with a delay per request as over a network: the first page is the subscription's, the rest per resource group,
 * several at once, each VM once. (The real SDK and sandbox: VmListChunksTest, ComputeGatewayContractTest.)
 */
class VmFleetReaderTest {
    private static final String SUB = "00000000-0000-0000-0000-000000000001";

    /** A subscription of {@code groups} groups of {@code perGroup} VMs, pages of 50, each request {@code delayMs}. */
    private static final class Arm {
        final int groups;
        final int perGroup;
        final long delayMs;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
        final Map<String, RuntimeException> fail = new ConcurrentHashMap<>();

        Arm(int groups, int perGroup, long delayMs) {
            this.groups = groups;
            this.perGroup = perGroup;
            this.delayMs = delayMs;
        }

        List<VmSummary> vms(String rg) {
            List<VmSummary> out = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                String name = "rg-" + g;
                if (rg != null && !rg.equals(name)) continue;
                for (int i = 0; i < perGroup; i++) {
                    VmSummary base = io.poolforge.domain.Fixtures.vm();
                    String vm = "vm-" + g + "-" + i;
                    out.add(new VmSummary("/subscriptions/" + SUB + "/resourceGroups/" + name + "/providers/Microsoft.Compute/virtualMachines/" + vm,
                            vm, SUB, name, base.location(), base.osType(), base.vmSize(), base.powerState(), base.osDisk(), base.dataDisks(),
                            base.imageReference(), base.plan(), base.extensions(), base.securityType(), base.hyperVGeneration(),
                            base.osDiskEncryption(), base.tempDrive()));
                }
            }
            return out;
        }

        Page<VmSummary> page(String rg, String token) {
            requests.add((rg == null ? "sub" : rg) + "@" + (token == null ? 0 : token));
            int n = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(n, Math::max);
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            if (rg != null && fail.containsKey(rg)) throw fail.get(rg);
            List<VmSummary> all = vms(rg);
            int from = token == null ? 0 : Integer.parseInt(token);
            int to = Math.min(all.size(), from + 50);
            return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
        }

        ComputeGateway gateway(boolean groupsListed) {
            return (ComputeGateway) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ComputeGateway.class}, (p, m, a) -> {
                switch (m.getName()) {
                    case "listResourceGroups": {
                        requests.add("groups");
                        List<String> out = new ArrayList<>();
                        if (groupsListed) for (int g = 0; g < groups; g++) out.add("rg-" + g);
                        return out;
                    }
                    case "listVms":
                        return a.length == 2 ? page(null, (String) a[1]) : page((String) a[1], (String) a[2]);
                    default:
                        throw new UnsupportedOperationException(m.getName());
                }
            });
        }
    }

    private static List<VmSummary> readAll(VmFleetReader r, List<Integer> sizes) throws InterruptedException {
        List<VmSummary> all = new ArrayList<>();
        boolean first = true;
        while (!r.done()) {
            List<VmSummary> got = r.next(first ? 1 : 500);
            if (!got.isEmpty()) sizes.add(got.size());
            all.addAll(got);
            first = false;
        }
        return all;
    }

    @Test
    void aLargeSubscriptionIsReadPerGroupSeveralAtOnceEachVmOnce() throws Exception {
        Arm arm = new Arm(12, 120, 20);
        List<Integer> sizes = new ArrayList<>();
        try (VmFleetReader r = new VmFleetReader(arm.gateway(true), SUB, 6)) {
            List<VmSummary> all = readAll(r, sizes);
            assertThat(all).hasSize(12 * 120).extracting(VmSummary::id).doesNotHaveDuplicates();
        }
        assertThat(sizes.get(0)).as("the subscription's first page first, alone").isEqualTo(50);
        assertThat(arm.requests.get(0)).isEqualTo("sub@0");
        assertThat(arm.requests.get(1)).isEqualTo("groups");
        assertThat(arm.requests).as("the subscription-wide list is not followed: the groups' are").doesNotContain("sub@50")
                .contains("rg-0@0", "rg-0@50", "rg-0@100", "rg-11@100").hasSize(2 + 12 * 3);
        assertThat(arm.maxInFlight.get()).as("several groups at once").isGreaterThan(1).isLessThanOrEqualTo(6);
    }

    @Test
    void aSubscriptionOfOnePageIsReadWithOneRequest() throws Exception {
        Arm arm = new Arm(2, 10, 0);
        try (VmFleetReader r = new VmFleetReader(arm.gateway(true), SUB, 6)) {
            assertThat(readAll(r, new ArrayList<>())).hasSize(20);
        }
        assertThat(arm.requests).containsExactly("sub@0");
    }

    @Test
    void withoutResourceGroupsTheSubscriptionsPagesAreFollowed() throws Exception {
        Arm arm = new Arm(3, 60, 0);
        try (VmFleetReader r = new VmFleetReader(arm.gateway(false), SUB, 6)) {
            assertThat(readAll(r, new ArrayList<>())).hasSize(180).extracting(VmSummary::id).doesNotHaveDuplicates();
        }
        assertThat(arm.requests).containsExactly("sub@0", "groups", "sub@50", "sub@100", "sub@150");
    }

    @Test
    void aGroupThatFailsFailsTheReadWithItsError() {
        Arm arm = new Arm(4, 80, 5);
        PoolForgeException denied = new PoolForgeException("azure.error.network", "rg-2", "403");
        arm.fail.put("rg-2", denied);
        try (VmFleetReader r = new VmFleetReader(arm.gateway(true), SUB, 3)) {
            assertThatThrownBy(() -> readAll(r, new ArrayList<>())).isSameAs(denied);
        }
    }
}
