package io.poolforge.sandbox.scenarios;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.sandbox.arm.compute.ComputePayloads;
import io.poolforge.sandbox.arm.compute.ComputePayloads.VmSpec;
import io.poolforge.sandbox.arm.compute.DisksApi;
import io.poolforge.sandbox.arm.compute.VirtualMachinesApi;
import io.poolforge.sandbox.http.Json;
import io.poolforge.sandbox.state.Ids;
import io.poolforge.sandbox.state.Platform;
import io.poolforge.sandbox.state.Store;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code large} scenario's fleet: VM {@code i} and its OS disk are made from {@code i} when read, never stored up front. */
final class LazyFleet {
    private static final Pattern VM = Pattern.compile(".*/virtualmachines/vm-fleet-(\\d{5})");
    private static final Pattern DISK = Pattern.compile(".*/disks/vm-fleet-(\\d{5})_osdisk_1_[0-9a-f]{32}");

    private LazyFleet() {
    }

    static VmSpec spec(String sub, String rg, String location, int i, Instant created) {
        String name = name(i);
        boolean windows = i % 7 == 3;
        String size = switch (i % 4) {
            case 0 -> "Standard_D2s_v3";
            case 1 -> "Standard_D4s_v5";
            case 2 -> "Standard_F4s_v2";
            default -> "Standard_D4s_v3";
        };
        return new VmSpec(sub, rg, name, location, size, windows ? "Windows" : "Linux",
                windows ? Scenarios.WINDOWS_2022_G2 : Scenarios.UBUNTU_2204_GEN2, null, true, List.of(), // OS disks only (made lazily)
                i % 50 != 17, i % 25 == 9 ? List.of("CustomScript") : List.of(), null, i % 9 == 4 ? "deallocated" : "running", null, false,
                "ReadWrite", created);
    }

    /** {@code vm-fleet-00042}: five digits, as {@code %05d} writes them (without a Formatter for each of 10,001 VMs at each read). */
    static String name(int i) {
        String digits = Integer.toString(i);
        return digits.length() >= 5 ? "vm-fleet-" + digits : "vm-fleet-" + "00000".substring(digits.length()) + digits;
    }

    static Store.LazySource vms(Platform p, String sub, String rg, String location, int from, int count) {
        Instant created = p.now().minusSeconds(86400L * 30);
        String scope = Ids.lc(Ids.rg(sub, rg)) + "/";
        return new Store.LazySource() {
            @Override
            public String scope() {
                return scope;
            }

            @Override
            public String type() {
                return VirtualMachinesApi.TYPE;
            }

            @Override
            public int size() {
                return count;
            }

            @Override
            public ObjectNode at(int index) {
                return ComputePayloads.vm(spec(sub, rg, location, from + index, created));
            }

            @Override
            public ObjectNode find(String lcId) {
                Matcher m = VM.matcher(lcId);
                if (!m.matches() || !within(Integer.parseInt(m.group(1)), from, count)) return null;
                return at(Integer.parseInt(m.group(1)) - from);
            }
        };
    }

    static Store.LazySource disks(Platform p, String sub, String rg, String location, int from, int count) {
        Instant created = p.now().minusSeconds(86400L * 30);
        String scope = Ids.lc(Ids.rg(sub, rg)) + "/";
        return new Store.LazySource() {
            @Override
            public String scope() {
                return scope;
            }

            @Override
            public String type() {
                return DisksApi.DISK;
            }

            @Override
            public int size() {
                return count;
            }

            @Override
            public ObjectNode at(int index) {
                VmSpec s = spec(sub, rg, location, from + index, created);
                ObjectNode vm = ComputePayloads.vm(s);
                String id = Json.str(vm, "properties/storageProfile/osDisk/managedDisk/id");
                if (id == null) id = Ids.res(sub, rg, DisksApi.DISK, s.name() + "_OsDisk_1_unmanaged");
                return ComputePayloads.disk(id, location, s.osType(), true, s.image(), null, 30, vm.path("id").asText(), null, false, created);
            }

            @Override
            public ObjectNode find(String lcId) {
                Matcher m = DISK.matcher(lcId);
                if (!m.matches() || !within(Integer.parseInt(m.group(1)), from, count)) return null;
                ObjectNode d = at(Integer.parseInt(m.group(1)) - from);
                return Ids.lc(d.path("id").asText()).equals(lcId) ? d : null;
            }
        };
    }

    private static boolean within(int i, int from, int count) {
        return i >= from && i < from + count;
    }
}
