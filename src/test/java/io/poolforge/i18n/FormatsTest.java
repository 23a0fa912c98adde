package io.poolforge.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.domain.AllocationState;
import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.SecurityType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Human formats in English and Spanish, at a fixed clock and zone. */
class FormatsTest {
    private static final Instant NOW = Instant.parse("2026-12-04T21:00:00Z");
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private final Messages en = new Messages(Locale.ENGLISH, MADRID, Clock.fixed(NOW, MADRID));
    private final Messages es = new Messages(new Locale("es"), MADRID, Clock.fixed(NOW, MADRID));

    @Test
    void relativeTimesInBothLanguages() {
        Instant threeDays = NOW.minus(Duration.ofDays(3));
        assertThat(en.formats().relative(threeDays)).isEqualTo("3 days ago");
        assertThat(es.formats().relative(threeDays)).isEqualTo("hace 3 días");
        assertThat(en.formats().relative(NOW.minusSeconds(10))).isEqualTo("just now");
        assertThat(en.formats().relative(NOW.minus(Duration.ofMinutes(1)))).isEqualTo("1 min ago");
        assertThat(es.formats().relative(NOW.minus(Duration.ofHours(1)))).isEqualTo("hace 1 hora");
        assertThat(en.formats().relative(NOW.plus(Duration.ofHours(2)))).isEqualTo("in 2 hours");
        assertThat(en.formats().relative(NOW.minus(Duration.ofDays(90)))).isEqualTo("3 months ago");
    }

    @Test
    void datesInTheUsersZoneWithTheRelativeForm() {
        Instant t = Instant.parse("2026-11-04T20:13:15.188980433Z");
        String english = en.formats().dateTime(t);
        String spanish = es.formats().dateTime(t);
        assertThat(english).contains("2026").contains("9:13").contains("(30 days ago)").doesNotContain("T20:13");
        assertThat(spanish).contains("2026").contains("21:13").contains("(hace 30 días)").contains("nov");
        // Messages format Instant arguments the same way.
        assertThat(en.get("inspect.value.raw", t)).isEqualTo(english);
    }

    @Test
    void durationsSizesAndCounts() {
        assertThat(en.formats().duration(Duration.ofMinutes(15))).isEqualTo("15 min");
        assertThat(en.formats().duration(Duration.ofMinutes(90))).isEqualTo("1 h 30 min");
        assertThat(en.formats().duration(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(en.formats().size(Formats.Size.ofGiB(30))).isEqualTo("30 GiB");
        assertThat(en.formats().size(Formats.Size.ofGiB(1536))).isEqualTo("1.5 TiB");
        assertThat(es.formats().size(Formats.Size.ofGiB(1536))).isEqualTo("1,5 TiB");
        assertThat(en.formats().count(2000)).isEqualTo("2,000");
        assertThat(es.formats().count(2000)).isEqualTo("2.000");
    }

    @Test
    void enumsShowByTheirDisplayNameAndNestedTextsInTheSameLanguage() {
        assertThat(en.name(AllocationState.STEADY)).isEqualTo("Steady");
        assertThat(es.name(AllocationState.STEADY)).isEqualTo("Estable");
        assertThat(es.name(SecurityType.TRUSTED_LAUNCH)).isEqualTo("Inicio seguro");
        assertThat(en.name(io.poolforge.run.StepKind.IMAGE_VERSION)).isEqualTo("image version");
        LocalizedText badge = LocalizedText.of("wizard.vm.badge.blocked", LocalizedText.of("wizard.vm.topic.extensions"));
        assertThat(en.text(badge)).isEqualTo("Not eligible: extensions");
        assertThat(es.text(badge)).isEqualTo("No apta: extensiones");
        assertThat(es.get(DisplayNames.nodeStateKey("startTaskFailed"))).isNotEqualTo(en.get(DisplayNames.nodeStateKey("startTaskFailed")));
    }
}
