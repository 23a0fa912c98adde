package io.poolforge.ui;

import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.PoolForgeException;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dialogs with localized texts. Errors are shown by their message key, never as a stack trace;
 * the log gets the detail once, here.
 */
public final class DialogService {
    private static final Logger LOG = LoggerFactory.getLogger(DialogService.class);

    private final I18n i18n;
    private Window owner;

    public DialogService(I18n i18n) {
        this.i18n = i18n;
    }

    public void setOwner(Window owner) { this.owner = owner; }

    /** The localized text for an error: a PoolForgeException's key, or a generic message. */
    public String describe(Throwable error) {
        if (error instanceof PoolForgeException pfe) return i18n.get(pfe.key(), pfe.args());
        return i18n.get("error.unexpected", io.poolforge.domain.FailureWords.of(error));
    }

    /** The same, as a text the views render (so it follows a language switch). */
    public LocalizedText text(Throwable error) {
        if (error instanceof PoolForgeException pfe) return LocalizedText.of(pfe.key(), pfe.args());
        return LocalizedText.of("error.unexpected", io.poolforge.domain.FailureWords.of(error));
    }

    public void showError(String titleKey, Throwable error) {
        LOG.error("{}: {}", titleKey, error.getMessage(), error);
        Alert alert = new Alert(Alert.AlertType.ERROR, describe(error), ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(i18n.get(titleKey));
        alert.setHeaderText(i18n.get(titleKey));
        alert.show();
    }

    /** Offers a choice of buttons (bundle keys); returns the index chosen, or -1 when closed. */
    public int choose(String titleKey, String text, String... optionKeys) {
        java.util.List<ButtonType> buttons = new java.util.ArrayList<>();
        for (String k : optionKeys) buttons.add(new ButtonType(i18n.get(k)));
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, buttons.toArray(ButtonType[]::new));
        alert.initOwner(owner);
        alert.setTitle(i18n.get(titleKey));
        alert.setHeaderText(i18n.get(titleKey));
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.map(buttons::indexOf).orElse(-1);
    }

    /** Asks the user to confirm; shows and waits (a dialog's nested event loop, not a blocked thread). */
    public boolean confirm(String titleKey, String text) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle(i18n.get(titleKey));
        alert.setHeaderText(i18n.get(titleKey));
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == ButtonType.OK;
    }
}
