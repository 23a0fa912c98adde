package io.poolforge.ui.wizard.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.domain.Fixtures;
import io.poolforge.domain.ImageReference;
import io.poolforge.domain.PoolPlan;
import io.poolforge.domain.SnapshotPlan;
import io.poolforge.task.CurrentThreadTaskExecutor;
import io.poolforge.ui.I18n;
import io.poolforge.ui.wizard.WizardSession;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * PF-20 (second pass): what the review says, as text in both languages.
 * <ul>
 *   <li>"the Marketplace review reads as two pools": it listed "1. Pool on the Marketplace image …" and "2. Pool … in …";
 *   a Marketplace pool is one numbered item, under an unnumbered image-type heading like the gallery's;</li>
 *   <li>an empty pool (0 dedicated, 0 Spot; Azure accepts it) says it has no nodes until resized and that the first-node
 *   check is skipped.</li>
 * </ul>
 */
class ReviewTextTest {
    private static final Pattern NUMBERED = Pattern.compile("^\\d+\\. .*");
    private static final ImageReference JAMMY = ImageReference.marketplace("canonical", "0001-com-ubuntu-server-jammy", "22_04-lts-gen2", "latest");

    private static List<String> review(Locale locale, PoolPlan pool) {
        I18n i18n = new I18n(locale);
        WizardSession session = new WizardSession(Clock.systemUTC());
        session.accountProperty().set(Fixtures.account());
        session.vmProperty().set(Fixtures.vm());
        session.snapshotsProperty().set(new SnapshotPlan(Fixtures.vm().id(), Fixtures.SUB, "rg-images", "westeurope",
                Fixtures.vm().osDisk().id(), "snap-os", List.of()));
        session.imageProperty().set(Fixtures.image());
        session.poolProperty().set(pool);
        ReviewViewModel review = new ReviewViewModel(session, new CurrentThreadTaskExecutor(), i18n, e -> null, () -> null, "test");
        review.enter();
        return review.items().stream().map(t -> i18n.get(t.key(), t.argsArray())).toList();
    }

    private static PoolPlan marketplace(int dedicated, int spot) {
        return new PoolPlan("market-check", "market-check", "Standard_D2s_v3", null, "batch.node.ubuntu 22.04", dedicated, spot,
                Duration.ofMinutes(20), JAMMY);
    }

    @Test
    void aMarketplacePoolReadsAsOnePool() {
        for (Locale l : List.of(Locale.ENGLISH, new Locale("es"))) {
            List<String> lines = review(l, marketplace(2, 0));
            List<String> numbered = lines.stream().filter(s -> NUMBERED.matcher(s).matches()).toList();
            assertThat(numbered).as("%s: one thing is created, the pool: %s", l, lines).hasSize(1);
            assertThat(numbered.get(0)).startsWith("1. ").contains("market-check");
            String pool = l.getLanguage().equals("es") ? "Grupo" : "Pool";
            assertThat(lines.stream().filter(s -> s.contains(pool))).as("%s: 'pool' names one pool: %s", l, lines).hasSize(1);
            assertThat(lines.get(0)).as(l.toString()).contains("Marketplace").contains(JAMMY.display()).doesNotMatch(NUMBERED);
        }
        // The gallery review keeps its own heading and numbered resources, the pool last.
        List<String> gallery = review(Locale.ENGLISH, Fixtures.poolPlan("gallery-pool", "Standard_D2s_v3", 2, 0, 20));
        assertThat(gallery.get(0)).startsWith("Image type: Azure Compute Gallery");
        assertThat(gallery.get(gallery.size() - 1)).matches(NUMBERED).contains("Pool gallery-pool");
    }

    @Test
    void anEmptyPoolSaysItHasNoNodesUntilResizedAndSkipsTheFirstNodeCheck() {
        List<String> en = review(Locale.ENGLISH, Fixtures.poolPlan("empty-pool", "Standard_D2s_v3", 0, 0, 20));
        assertThat(en).anyMatch(s -> s.contains("Pool empty-pool") && s.contains("0 dedicated and 0 Spot"));
        assertThat(en.get(en.size() - 1)).contains("no nodes until you resize it").contains("first-node check is skipped");
        List<String> es = review(new Locale("es"), marketplace(0, 0));
        assertThat(es.get(es.size() - 1)).contains("no tendrá nodos hasta que cambie su tamaño").contains("se omite");
        // A pool with nodes says nothing of the kind.
        assertThat(review(Locale.ENGLISH, Fixtures.poolPlan("two", "Standard_D2s_v3", 2, 0, 20)))
                .noneMatch(s -> s.contains("no nodes until"));
    }
}
