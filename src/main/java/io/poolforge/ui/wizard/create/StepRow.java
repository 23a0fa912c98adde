package io.poolforge.ui.wizard.create;

import io.poolforge.domain.LocalizedText;
import io.poolforge.run.StepKind;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One resource the run creates, with its live status (FX thread). */
public final class StepRow {
    private final String id;
    private final StepKind kind;
    private final String name;
    private final StringProperty status = new SimpleStringProperty("pending");
    private final ObjectProperty<LocalizedText> detail = new SimpleObjectProperty<>(LocalizedText.of("inspect.value.raw", ""));

    public StepRow(String id, StepKind kind, String name) {
        this.id = id;
        this.kind = kind;
        this.name = name;
    }

    public String id() { return id; }

    public StepKind kind() { return kind; }

    public String name() { return name; }

    /** pending, running, done, reused, failed */
    public StringProperty statusProperty() { return status; }

    /**
     * What is known of the step (its Azure status, why it failed), as words the page says in its language at the time:
     * a language switch after the run relabels it (our words; Azure's own text stays as Azure wrote it).
     */
    public ObjectProperty<LocalizedText> detailProperty() { return detail; }
}
