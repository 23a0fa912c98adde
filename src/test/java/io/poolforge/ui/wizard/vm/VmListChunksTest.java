package io.poolforge.ui.wizard.vm;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.azure.Connection;
import io.poolforge.azure.sdk.SdkConnector;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.LocalizedText;
import io.poolforge.sandbox.Sandbox;
import io.poolforge.task.CurrentThreadTaskExecutor;
import io.poolforge.ui.I18n;
import io.poolforge.ui.wizard.WizardSession;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PF-13: the VM table gets the first page alone (first rows fast), then the rest in chunks of
 * {@link VmViewModel#CHUNK_ROWS}, not one table update per page: 10,000 VMs in the sandbox's {@code large}
 * scenario come in 50-VM pages through the real SDK over HTTPS. PF-21: after the subscription's first page, the
 * 40 resource groups are listed several at once (each VM once), and the first page keeps its power states.
 */
class VmListChunksTest {
    @TempDir
    Path home;

    @Test
    void tenThousandVmsReachTheTableInAFewAdditionsFirstPageFirst() throws Exception {
        SdkConnector connector = new SdkConnector(s -> {
            Sandbox sb = Sandbox.builder().scenario(s).timeScale(0).certificateDirectory(home.resolve("certs")).start();
            return new SdkConnector.RunningSandbox(sb.armUrl(), sb.authorityUrl(), sb.tokenUrl(), sb.tenantId(), sb.certificatePath(), sb);
        }, Sandbox.SCENARIOS, home);
        try (Connection c = connector.sandbox("large")) {
            BatchAccountInfo account = c.identity().subscriptions().stream().flatMap(s -> c.batch().listAccounts(s.subscriptionId()).stream())
                    .filter(a -> a.name().equals("pflargebatch")).findFirst().orElseThrow();
            WizardSession session = new WizardSession(Clock.systemUTC());
            session.connectionProperty().set(c);
            session.accountProperty().set(account);
            VmViewModel model = new VmViewModel(new CurrentThreadTaskExecutor(), new I18n(Locale.ENGLISH),
                    e -> LocalizedText.of("inspect.value.raw", String.valueOf(e.getMessage())), session);
            List<Integer> additions = new ArrayList<>();
            model.rows().addListener((ListChangeListener<VmRow>) ch -> {
                while (ch.next()) if (ch.wasAdded()) additions.add(ch.getAddedSize());
            });

            model.enter();

            int total = additions.stream().mapToInt(Integer::intValue).sum();
            assertThat(total).as("every VM of the subscription").isGreaterThanOrEqualTo(10_000).isEqualTo(model.rows().size());
            assertThat(additions.get(0)).as("the first page alone").isEqualTo(50);
            assertThat(additions.subList(1, additions.size())).as("then chunks, the last one smaller")
                    .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(VmViewModel.CHUNK_ROWS + 50));
            assertThat(additions).as("a few table updates, not one per page (~200 pages)")
                    .hasSizeLessThanOrEqualTo(2 + (total - 50) / VmViewModel.CHUNK_ROWS);
            assertThat(model.rows()).extracting(r -> r.vm().id().toLowerCase(Locale.ROOT)).as("each VM once").doesNotHaveDuplicates();
            assertThat(model.rows().subList(0, 50)).as("the subscription-wide first page has the power states")
                    .allSatisfy(r -> assertThat(r.vm().powerState()).isNotEqualTo(io.poolforge.domain.PowerState.UNKNOWN));
            assertThat(model.loadingProperty().get()).isFalse();
        }
    }
}
