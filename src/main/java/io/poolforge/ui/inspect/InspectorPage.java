package io.poolforge.ui.inspect;

import io.poolforge.azure.Connection;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.ui.I18n;
import io.poolforge.ui.wizard.WizardSession;
import io.poolforge.ui.wizard.signin.SignInViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The inspector as a page of the main window, reachable without the wizard: it uses the
 * connection and Batch account of the session (sign in, or try the sandbox, from here too) and
 * shows that account's pools.
 */
public final class InspectorPage {
    private final BorderPane root = new BorderPane();
    private final InspectorViewModel model;

    public InspectorPage(InspectorViewModel model, InspectorView view, SignInViewModel signIn, WizardSession session, I18n i18n,
                         java.util.function.Consumer<String> watchPool) {
        this.model = model;
        Label who = new Label();
        who.setId("inspector-connection");
        who.textProperty().bind(Bindings.createStringBinding(() -> {
            Connection c = session.connection();
            if (c == null) return i18n.get("inspect.page.notConnected");
            return i18n.get("inspect.page.connected", c.identity().currentAccount().map(a -> a.username()).orElse("?"));
        }, session.connectionProperty(), i18n.messagesProperty()));
        Button sandbox = new Button();
        sandbox.setId("inspector-try-sandbox");
        sandbox.textProperty().bind(i18n.text("wizard.signin.sandbox.button"));
        sandbox.setOnAction(e -> signIn.trySandbox());
        sandbox.visibleProperty().bind(session.connectionProperty().isNull());
        sandbox.managedProperty().bind(sandbox.visibleProperty());
        sandbox.disableProperty().bind(signIn.busyProperty());

        ComboBox<BatchAccountInfo> account = new ComboBox<>(signIn.accounts());
        account.setId("inspector-account");
        account.valueProperty().bindBidirectional(session.accountProperty());
        account.setCellFactory(lv -> new ListCell<>() {
            @Override protected void updateItem(BatchAccountInfo a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.name() + "  (" + a.location() + ")");
            }
        });
        account.setButtonCell(account.getCellFactory().call(null));
        account.visibleProperty().bind(session.connectionProperty().isNotNull());
        Label accountLabel = new Label();
        accountLabel.textProperty().bind(i18n.text("wizard.signin.accounts"));
        accountLabel.visibleProperty().bind(account.visibleProperty());

        Button watch = new Button();
        watch.setId("inspector-watch");
        watch.textProperty().bind(i18n.text("inspect.page.watch"));
        watch.disableProperty().bind(model.selectedProperty().isNull());
        watch.visibleProperty().bind(account.visibleProperty());
        watch.setOnAction(e -> watchPool.accept(model.selectedProperty().get().id()));
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        HBox top = new HBox(10, who, sandbox, accountLabel, account, spacer, watch);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(12, 24, 8, 24));
        root.setTop(top);
        Node body = view.view();
        BorderPane.setMargin(body, new Insets(0, 24, 12, 24));
        root.setCenter(body);
        root.setId("inspector-page");

        session.accountProperty().addListener((o, a, b) -> show(model, session, b));
        // Each time the page is shown, the list is read again (pools change behind our back).
        root.parentProperty().addListener((o, a, parent) -> {
            if (parent != null) show(model, session, session.account());
        });
        show(model, session, session.account());
    }

    private static void show(InspectorViewModel model, WizardSession session, BatchAccountInfo account) {
        if (account == null || session.connection() == null) return;
        model.setSource(session.connection(), account);
        model.refresh();
    }

    public Node root() { return root; }

    /** Whether the pool list is being read (its task's title is in the language of the moment it started). */
    public javafx.beans.value.ObservableBooleanValue loadingProperty() { return model.loadingProperty(); }

    public InspectorViewModel model() { return model; }
}
