package io.poolforge.ui.wizard;

import io.poolforge.domain.rules.Severity;
import io.poolforge.domain.rules.Violation;
import io.poolforge.ui.I18n;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Shows a step's findings (errors block Next, warnings inform), in the current language. */
public final class ViolationList extends VBox {
    public ViolationList(I18n i18n, ObservableList<Violation> violations) {
        super(4);
        getStyleClass().add("violation-list");
        Runnable render = () -> {
            getChildren().clear();
            for (Violation v : violations) {
                Label l = new Label(i18n.get(v.severity() == Severity.ERROR ? "wizard.vm.severity.error"
                        : v.severity() == Severity.WARNING ? "wizard.vm.severity.warning" : "wizard.vm.severity.info")
                        + "  " + i18n.get(v.messageKey(), v.argsArray()));
                l.setWrapText(true);
                l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                l.getStyleClass().add(v.severity() == Severity.ERROR ? "danger" : v.severity() == Severity.WARNING ? "warning-text" : "text-muted");
                l.setUserData(v.code().name());
                getChildren().add(l);
            }
        };
        violations.addListener((javafx.collections.ListChangeListener<Violation>) c -> render.run());
        i18n.messagesProperty().addListener((o, a, b) -> render.run());
        render.run();
    }
}
