package io.poolforge.azure.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.util.Context;
import io.poolforge.domain.VmSummary;
import org.junit.jupiter.api.Test;

/**
 * PF-18: whether a VM was generalized is answered from its instance view where Azure knows. The real SDK calls
 * "Virtual Machines - Generalize" ("Sets the OS state of the virtual machine to generalized") on the sandbox; the
 * adapter then reads the instance view's OSState/generalized and says so; a VM never marked reads as not known.
 */
class GeneralizedVmContractTest {
    @Test
    void aVmMarkedGeneralizedReadsAsGeneralizedThroughTheInstanceView() throws Exception {
        try (AdapterSandbox sb = AdapterSandbox.start(b -> b)) {
            String id = AdapterSandbox.RENDER_VM + "vm-build-win2022";
            VmSummary before = sb.compute().getVm(id);
            assertThat(before.markedGeneralized()).as("no OSState/generalized before").isFalse();

            sb.fastClients().compute(AdapterSandbox.SUB).getVirtualMachines()
                    .generalizeWithResponse("rg-render", "vm-build-win2022", Context.NONE);

            VmSummary after = sb.compute().getVm(id);
            assertThat(after.markedGeneralized()).isTrue();
            assertThat(sb.compute().getVm(AdapterSandbox.RENDER_VM + "vm-render-ubuntu2204").markedGeneralized()).isFalse();
        }
    }
}
