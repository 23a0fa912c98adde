package io.poolforge.azure.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.poolforge.azure.Connection;
import io.poolforge.azure.Page;
import io.poolforge.azure.SubscriptionRef;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.VmSummary;
import io.poolforge.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's connector against the sandbox: the ports answer with real data through the real SDK. */
class SdkConnectorSandboxTest {
    @TempDir
    static Path home;
    static Connection connection;

    @BeforeAll
    static void connect() {
        SdkConnector connector = new SdkConnector(scenario -> {
            Sandbox s = Sandbox.builder().scenario(scenario).timeScale(0).certificateDirectory(home.resolve("sandbox")).start();
            return new SdkConnector.RunningSandbox(s.armUrl(), s.authorityUrl(), s.tokenUrl(), s.tenantId(), s.certificatePath(), s);
        }, Sandbox.SCENARIOS, home);
        connection = connector.sandbox("demo");
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
    }

    @Test
    void listsSubscriptionsAccountsAndWhatTheWizardNeeds() {
        List<SubscriptionRef> subs = connection.identity().subscriptions();
        assertThat(subs).hasSizeGreaterThanOrEqualTo(2);
        assertThat(connection.identity().currentAccount()).isPresent();
        List<BatchAccountInfo> accounts = new ArrayList<>();
        for (SubscriptionRef s : subs) accounts.addAll(connection.batch().listAccounts(s.subscriptionId()));
        assertThat(accounts).hasSizeGreaterThanOrEqualTo(2);
        BatchAccountInfo account = accounts.stream()
                .filter(a -> a.poolAllocationMode() == io.poolforge.domain.PoolAllocationMode.BATCH_SERVICE).findFirst().orElseThrow();
        assertThat(account.dedicatedCoreQuota()).isPositive();
        assertThat(connection.batch().supportedImages(account)).isNotEmpty()
                .allSatisfy(i -> assertThat(i.nodeAgentSkuId()).startsWith("batch.node."));
        assertThat(connection.batch().supportedVmSkus(account.subscriptionId(), account.location())).isNotEmpty();
        assertThat(connection.batch().listPools(account)).isNotNull();
    }

    @Test
    void pagesThroughVmsAndReadsOneWithItsDisks() {
        String sub = connection.identity().subscriptions().get(0).subscriptionId();
        List<VmSummary> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Page<VmSummary> page = connection.compute().listVms(sub, token);
            all.addAll(page.items());
            token = page.continuationToken();
            pages++;
        } while (token != null && pages < 100);
        assertThat(all).hasSizeGreaterThanOrEqualTo(12);
        VmSummary withData = all.stream().filter(v -> !v.dataDisks().isEmpty()).findFirst().orElseThrow();
        VmSummary full = connection.compute().getVm(withData.id());
        assertThat(full.dataDisks()).isNotEmpty().allSatisfy(d -> assertThat(d.lun()).isNotNull());
        assertThat(full.osDisk().managed()).isTrue();
    }

    @Test
    void aMissingResourceIsALocalizedNotFound() {
        String sub = connection.identity().subscriptions().get(0).subscriptionId();
        assertThat(connection.compute().findSnapshot("/subscriptions/" + sub
                + "/resourceGroups/rg-none/providers/Microsoft.Compute/snapshots/nothing")).isEmpty();
        assertThatThrownBy(() -> connection.compute().getVm("/subscriptions/" + sub
                + "/resourceGroups/rg-none/providers/Microsoft.Compute/virtualMachines/ghost"))
                .isInstanceOf(PoolForgeException.class)
                // The resource group is what is missing (ResourceGroupNotFound): the message names it, not the VM (PF-9).
                .satisfies(e -> {
                    assertThat(((PoolForgeException) e).key()).isEqualTo("azure.error.notFoundOther");
                    assertThat(java.util.Arrays.toString(((PoolForgeException) e).args())).contains("rg-none");
                });
    }
}
