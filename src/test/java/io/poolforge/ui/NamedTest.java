package io.poolforge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.util.StringConverter;
import org.junit.jupiter.api.Test;

/** The display-only converter the choosers share (title bar, sign-in cloud, node filters). */
class NamedTest {
    @Test
    void showsByTheNameAndNeverParsesBack() {
        StringConverter<Integer> c = Named.by(i -> i == null ? "all" : "#" + i);
        assertThat(c.toString(3)).isEqualTo("#3");
        assertThat(c.toString(null)).isEqualTo("all");
        assertThat(c.fromString("#3")).isNull();
        assertThat(Named.<String>by(s -> null).toString("x")).as("no null text in a box").isEmpty();
    }
}
