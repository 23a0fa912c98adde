package io.poolforge.ui.wizard;

import io.poolforge.ui.I18n;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * A step whose screen is not built yet: it names the step and says what it will do. It is
 * never valid past itself, so nothing half-built can be driven from it.
 */
public final class PlaceholderStep implements WizardStep {
    private final String id;
    private final String titleKey;
    private final String aboutKey;
    private final I18n i18n;
    private final ReadOnlyBooleanWrapper invalid = new ReadOnlyBooleanWrapper(false);
    private Node view;

    public PlaceholderStep(String id, String titleKey, String aboutKey, I18n i18n) {
        this.id = id;
        this.titleKey = titleKey;
        this.aboutKey = aboutKey;
        this.i18n = i18n;
    }

    @Override public String id() { return id; }

    @Override public String titleKey() { return titleKey; }

    @Override public ObservableBooleanValue invalidProperty() { return invalid.getReadOnlyProperty(); }

    @Override
    public Node view() {
        if (view == null) {
            Label title = new Label();
            title.textProperty().bind(i18n.text(titleKey));
            title.getStyleClass().add("title-3");
            Label about = new Label();
            about.textProperty().bind(i18n.text(aboutKey));
            about.setWrapText(true);
            about.setId("about-" + id);
            VBox box = new VBox(12, title, about);
            box.setId("step-view-" + id);
            view = box;
        }
        return view;
    }
}
