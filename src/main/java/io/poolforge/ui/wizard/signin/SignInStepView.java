package io.poolforge.ui.wizard.signin;

import static io.poolforge.ui.wizard.StepViews.column;
import static io.poolforge.ui.wizard.StepViews.label;
import static io.poolforge.ui.wizard.StepViews.paragraph;
import static io.poolforge.ui.wizard.StepViews.title;

import io.poolforge.azure.AzureEndpoints;
import io.poolforge.azure.SubscriptionRef;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.ui.BusySpinner;
import io.poolforge.ui.I18n;
import io.poolforge.ui.wizard.StepView;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Step 1 on screen: two ways in (sandbox, Azure), then subscription and Batch account. */
public final class SignInStepView extends StepView<SignInViewModel> {

    public SignInStepView(SignInViewModel model, I18n i18n) {
        super("signin", "wizard.step.signin", model, i18n, model.invalidProperty());
    }

    @Override public javafx.beans.value.ObservableValue<String> blockedKey() {
        return new javafx.beans.property.ReadOnlyStringWrapper("wizard.blocked.signin");
    }

    @Override
    protected Node build() {
        // Sandbox card
        ComboBox<String> scenario = new ComboBox<>();
        scenario.setId("sandbox-scenario");
        scenario.getItems().setAll(model.scenarios());
        scenario.valueProperty().bindBidirectional(model.scenarioProperty());
        // PF-20: each scenario says what it holds (the ids alone meant nothing to a new user).
        // The list says what each holds; the chosen one shows by its name (the part before the colon).
        java.util.function.BiFunction<String, Boolean, javafx.scene.control.ListCell<String>> scenarioCell =
                (unused, shortForm) -> new javafx.scene.control.ListCell<>() {
                    @Override protected void updateItem(String id, boolean empty) {
                        super.updateItem(id, empty);
                        String text = empty || id == null ? null : scenarioText(i18n, id);
                        setText(text != null && shortForm && text.contains(":") ? text.substring(0, text.indexOf(':')) : text);
                    }
                };
        scenario.setCellFactory(lv -> scenarioCell.apply(null, false));
        scenario.setButtonCell(scenarioCell.apply(null, true));
        i18n.messagesProperty().addListener((o, a, b) -> scenario.setButtonCell(scenarioCell.apply(null, true)));
        Button sandbox = new Button();
        sandbox.setId("try-sandbox");
        sandbox.textProperty().bind(i18n.text("wizard.signin.sandbox.button"));
        sandbox.getStyleClass().add("accent");
        sandbox.setOnAction(e -> model.trySandbox());
        sandbox.disableProperty().bind(model.busyProperty());
        VBox sandboxCard = card(title(i18n, "wizard.signin.sandbox.title"), paragraph(i18n, "wizard.signin.sandbox.about"),
                row(label(i18n, "wizard.signin.sandbox.scenario"), scenario), sandbox);

        // Azure card: its title and text at once; its form and buttons in the pulses after (below).
        VBox azureCard = card(title(i18n, "wizard.signin.azure.title"), paragraph(i18n, "wizard.signin.azure.about"));

        HBox cards = new HBox(16, sandboxCard, azureCard);
        HBox.setHgrow(sandboxCard, Priority.ALWAYS);
        HBox.setHgrow(azureCard, Priority.ALWAYS);

        // Status
        BusySpinner spinner = new BusySpinner(model.busyProperty(), i18n.text("wizard.signin.busy"));
        Label status = new Label();
        status.setId("signin-status");
        status.textProperty().bind(i18n.text(model.statusProperty()));
        status.setWrapText(true);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label error = new Label();
        error.setId("signin-error");
        error.setWrapText(true);
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        error.getStyleClass().add("danger");
        error.textProperty().bind(i18n.text(model.errorProperty()));
        error.visibleProperty().bind(model.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        // Subscription and account: hidden until connected.
        VBox chooser = new VBox(8);
        chooser.visibleProperty().bind(Bindings.isNotNull(model.session().connectionProperty()));
        chooser.managedProperty().bind(chooser.visibleProperty());

        VBox root = new VBox(14, title(i18n, "wizard.step.signin"), cards, new HBox(8, spinner, status), error, chooser);
        root.setId("step-view-signin");
        // PF-21: the sandbox card (the first run's way in) is styled with the frame; the Azure card's form and buttons and
        // the hidden account chooser come in the pulses after, each in a pulse of its own (opening the wizard was one
        // piece of ~120 ms of FX-thread work: docs/BENCHMARKS.md).
        io.poolforge.ui.Pulses.inPulses(root,
                () -> azureCard.getChildren().add(azureForm()),
                () -> azureCard.getChildren().add(azureButtons()),
                () -> chooser.getChildren().addAll(subscriptionRow(), label(i18n, "wizard.signin.accounts")),
                () -> chooser.getChildren().add(accountsTable()));
        return root;
    }

    private GridPane azureForm() {
        ComboBox<AzureEndpoints.Cloud> cloud = new ComboBox<>();
        cloud.setId("cloud");
        cloud.getItems().setAll(AzureEndpoints.Cloud.AZURE_PUBLIC, AzureEndpoints.Cloud.AZURE_US_GOVERNMENT, AzureEndpoints.Cloud.AZURE_CHINA);
        cloud.valueProperty().bindBidirectional(model.cloudProperty());
        cloud.setConverter(io.poolforge.ui.Named.by(c -> c == null ? "" : i18n.get(cloudKey(c))));
        i18n.messagesProperty().addListener((o, a, b) -> {
            var v = cloud.getValue();
            cloud.setValue(null);
            cloud.setValue(v);
        });
        TextField tenant = new TextField();
        tenant.setId("tenant");
        tenant.textProperty().bindBidirectional(model.tenantProperty());
        tenant.promptTextProperty().bind(i18n.text("wizard.signin.azure.tenant.prompt"));
        TextField clientId = new TextField();
        clientId.setId("client-id");
        clientId.textProperty().bindBidirectional(model.clientIdProperty());
        clientId.promptTextProperty().bind(i18n.text("wizard.signin.azure.clientId.prompt"));
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, label(i18n, "wizard.signin.azure.cloud"), cloud);
        form.addRow(1, label(i18n, "wizard.signin.azure.tenant"), tenant);
        form.addRow(2, label(i18n, "wizard.signin.azure.clientId"), clientId);
        return form;
    }

    private javafx.scene.layout.FlowPane azureButtons() {
        Button signIn = new Button();
        signIn.setId("sign-in-azure");
        signIn.textProperty().bind(i18n.text("wizard.signin.azure.button"));
        signIn.setOnAction(e -> model.signIn());
        signIn.disableProperty().bind(model.busyProperty());
        Button deviceCode = new Button();
        deviceCode.setId("sign-in-device-code");
        deviceCode.textProperty().bind(i18n.text("wizard.signin.azure.deviceCode"));
        deviceCode.setOnAction(e -> model.signInWithDeviceCode());
        deviceCode.disableProperty().bind(model.busyProperty());
        Button signOut = new Button();
        signOut.setId("sign-out");
        signOut.textProperty().bind(i18n.text("wizard.signin.azure.signOut"));
        signOut.setOnAction(e -> model.signOut());
        signOut.disableProperty().bind(model.busyProperty());
        signOut.visibleProperty().bind(model.signedInToAzureProperty());
        signOut.managedProperty().bind(signOut.visibleProperty());
        return signInButtons(signIn, deviceCode, signOut);
    }

    private HBox subscriptionRow() {
        ComboBox<SubscriptionRef> subscription = new ComboBox<>(model.subscriptions());
        subscription.setId("subscription");
        subscription.valueProperty().bindBidirectional(model.session().subscriptionProperty());
        subscription.setCellFactory(lv -> new ListCell<>() {
            @Override protected void updateItem(SubscriptionRef s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.displayName() + "  (" + s.subscriptionId() + ")");
            }
        });
        subscription.setButtonCell(subscription.getCellFactory().call(null));
        subscription.setMaxWidth(Double.MAX_VALUE);
        return row(label(i18n, "wizard.signin.subscription"), subscription);
    }

    private TableView<BatchAccountInfo> accountsTable() {
        TableView<BatchAccountInfo> accounts = new TableView<>(model.accounts());
        accounts.setId("batch-accounts");
        accounts.setPrefHeight(150);
        accounts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column(accounts, i18n, "wizard.signin.account.name", BatchAccountInfo::name, 160);
        column(accounts, i18n, "wizard.signin.account.region", BatchAccountInfo::location, 110);
        column(accounts, i18n, "wizard.signin.account.mode", a -> i18n.name(a.poolAllocationMode()), 150);
        column(accounts, i18n, "wizard.signin.account.dedicated", BatchAccountInfo::dedicatedCoreQuota, 110);
        column(accounts, i18n, "wizard.signin.account.lowPriority", BatchAccountInfo::lowPriorityCoreQuota, 120);
        column(accounts, i18n, "wizard.signin.account.pools", BatchAccountInfo::poolQuota, 80);
        io.poolforge.ui.Tables.fitToContent(accounts, i18n);
        io.poolforge.ui.Tables.keepRows(accounts, 3);
        // An account chosen before the table was built (a fast connection) shows as selected.
        if (model.session().account() != null) accounts.getSelectionModel().select(model.session().account());
        accounts.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) model.session().accountProperty().set(b);
        });
        model.session().accountProperty().addListener((o, a, b) -> {
            if (b != accounts.getSelectionModel().getSelectedItem()) accounts.getSelectionModel().select(b);
        });
        return accounts;
    }

    /** The sign-in buttons keep their whole text and wrap onto a second line in a narrow card (PF-20, 1024x700). */
    private static javafx.scene.layout.FlowPane signInButtons(Button... buttons) {
        for (Button b : buttons) b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return new javafx.scene.layout.FlowPane(8, 6, buttons);
    }

    /** "demo — the demo estate: 16 VMs, ..." for the sandbox's scenarios; another id reads as itself. */
    static String scenarioText(I18n i18n, String id) {
        String key = switch (id) {
            case "demo" -> "wizard.signin.scenario.demo";
            case "legacy-2019" -> "wizard.signin.scenario.legacy";
            case "empty" -> "wizard.signin.scenario.empty";
            case "large" -> "wizard.signin.scenario.large";
            case "nodes" -> "wizard.signin.scenario.nodes";
            default -> null;
        };
        return key == null ? id : i18n.get(key);
    }

    private static VBox card(Node... children) {
        VBox box = new VBox(10, children);
        box.setPadding(new Insets(14));
        box.getStyleClass().add("step-card");
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static HBox row(Node label, Node field) {
        HBox h = new HBox(8, label, field);
        h.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(field, Priority.ALWAYS);
        return h;
    }

    private static String cloudKey(AzureEndpoints.Cloud c) {
        return switch (c) {
            case AZURE_US_GOVERNMENT -> "wizard.signin.cloud.usgov";
            case AZURE_CHINA -> "wizard.signin.cloud.china";
            case SANDBOX -> "wizard.signin.cloud.sandbox";
            default -> "wizard.signin.cloud.public";
        };
    }
}
