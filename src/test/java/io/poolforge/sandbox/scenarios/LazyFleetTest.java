package io.poolforge.sandbox.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** PF-21 (third pass): the fleet's VM names, written without a Formatter, are exactly what {@code %05d} wrote. */
class LazyFleetTest {
    @Test
    void namesAreTheFiveDigitNamesOfFormat() {
        for (int i = 0; i <= 120_000; i++) {
            String want = String.format(Locale.ROOT, "vm-fleet-%05d", i);
            if (!LazyFleet.name(i).equals(want)) assertThat(LazyFleet.name(i)).as("index %d", i).isEqualTo(want);
        }
        assertThat(LazyFleet.name(42)).isEqualTo("vm-fleet-00042");
        assertThat(LazyFleet.name(123456)).isEqualTo("vm-fleet-123456");
    }
}
