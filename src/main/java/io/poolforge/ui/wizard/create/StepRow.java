package io.poolforge.ui.wizard.create;

import io.poolforge.run.StepKind;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One resource the run creates, with its live status (FX thread). */
public final class StepRow {
    private final String id;
    private final StepKind kind;
    private final String name;
    private final StringProperty status = new SimpleStringProperty("pending");
    private final StringProperty detail = new SimpleStringProperty("");

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

    public StringProperty detailProperty() { return detail; }
}
