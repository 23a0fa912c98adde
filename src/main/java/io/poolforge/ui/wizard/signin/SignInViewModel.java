package io.poolforge.ui.wizard.signin;

import io.poolforge.azure.AccountFacts;
import io.poolforge.azure.AccountReader;
import io.poolforge.domain.LocalizedText;

import io.poolforge.azure.AzureConnector;
import io.poolforge.azure.AzureEndpoints;
import io.poolforge.azure.Connection;
import io.poolforge.azure.SubscriptionRef;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.task.BackgroundTask;
import io.poolforge.task.TaskExecutor;
import io.poolforge.ui.I18n;
import io.poolforge.ui.wizard.WizardSession;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 1: connect (sandbox or Azure), then pick subscription and Batch account. Every Azure call
 * is a background task; results land on the FX thread through the executor's callbacks.
 */
public final class SignInViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SignInViewModel.class);

    private final AzureConnector connector;
    private final java.util.function.Consumer<Runnable> fxThread;
    private final TaskExecutor tasks;
    private final I18n i18n;
    private final Function<Throwable, LocalizedText> describe;
    private final WizardSession session;

    private final StringProperty scenario = new SimpleStringProperty();
    private final ObjectProperty<AzureEndpoints.Cloud> cloud = new SimpleObjectProperty<>(AzureEndpoints.Cloud.AZURE_PUBLIC);
    private final StringProperty tenant = new SimpleStringProperty("");
    private final StringProperty clientId = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    /** Signed in to a real cloud (so Sign out is offered). */
    private final BooleanProperty signedInToAzure = new SimpleBooleanProperty();
    private java.util.function.Consumer<AzureEndpoints.Cloud> rememberCloud = c -> { };
    private final ObjectProperty<LocalizedText> status = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> error = new SimpleObjectProperty<>();
    private final ObservableList<SubscriptionRef> subscriptions = FXCollections.observableArrayList();
    private final ObservableList<BatchAccountInfo> accounts = FXCollections.observableArrayList();

    public SignInViewModel(AzureConnector connector, TaskExecutor tasks, I18n i18n, Function<Throwable, LocalizedText> describe,
                           WizardSession session, java.util.function.Consumer<Runnable> fxThread) {
        this.fxThread = fxThread;
        this.connector = connector;
        this.tasks = tasks;
        this.i18n = i18n;
        this.describe = describe;
        this.session = session;
        List<String> scenarios = connector.sandboxScenarios();
        scenario.set(scenarios.isEmpty() ? null : scenarios.get(0));
        session.subscriptionProperty().addListener((o, a, sub) -> loadAccounts(sub));
        session.accountProperty().addListener((o, a, acct) -> loadAccountDetails(acct));
    }

    public List<String> scenarios() { return connector.sandboxScenarios(); }

    public StringProperty scenarioProperty() { return scenario; }

    public ObjectProperty<AzureEndpoints.Cloud> cloudProperty() { return cloud; }

    public StringProperty tenantProperty() { return tenant; }

    public StringProperty clientIdProperty() { return clientId; }

    public BooleanProperty busyProperty() { return busy; }

    public BooleanProperty signedInToAzureProperty() { return signedInToAzure; }

    /** Where a successful sign-in's cloud is remembered (the composition root saves it, off the FX thread). */
    public void rememberCloudWith(java.util.function.Consumer<AzureEndpoints.Cloud> remember) {
        this.rememberCloud = remember == null ? c -> { } : remember;
    }

    /**
     * Sign out: forgets the account, the saved sign-in record and the persisted token cache (background), closes
     * the connection; the next sign-in opens the browser again.
     */
    public void signOut() {
        Connection c = session.connection();
        if (c == null) return;
        busy.set(true);
        tasks.execute(BackgroundTask.of(() -> i18n.get("wizard.signin.task.signOut"), ctx -> {
            c.identity().signOut();
            return c;
        }).onSuccess(done -> {
            session.connectionProperty().set(null);
            closeQuietly(done);
            subscriptions.clear();
            accounts.clear();
            signedInToAzure.set(false);
            status.set(LocalizedText.of("wizard.signin.signedOut"));
        }).onFailure(e -> error.set(describe.apply(e)))
          .onFinally(() -> busy.set(false)));
    }

    public ObjectProperty<LocalizedText> statusProperty() { return status; }

    public ObjectProperty<LocalizedText> errorProperty() { return error; }

    public ObservableList<SubscriptionRef> subscriptions() { return subscriptions; }

    public ObservableList<BatchAccountInfo> accounts() { return accounts; }

    public WizardSession session() { return session; }

    /** Next is allowed once a Batch account is chosen. */
    public BooleanBinding invalidProperty() {
        return Bindings.createBooleanBinding(() -> session.account() == null || busy.get(), session.accountProperty(), busy);
    }

    public void trySandbox() {
        String chosen = scenario.get();
        connect(LocalizedText.of("wizard.signin.task.sandbox", chosen), () -> connector.sandbox(chosen));
    }

    public void signIn() {
        AzureEndpoints endpoints = endpointsOf(cloud.get());
        String t = blankToNull(tenant.get());
        String c = blankToNull(clientId.get());
        connect(LocalizedText.of("wizard.signin.task.azure"), () -> connector.azure(endpoints, t, c));
    }

    /** Sign-in with a device code (machines without a browser): the code is shown in the status line. */
    public void signInWithDeviceCode() {
        AzureEndpoints endpoints = endpointsOf(cloud.get());
        String t = blankToNull(tenant.get());
        String c = blankToNull(clientId.get());
        connect(LocalizedText.of("wizard.signin.task.deviceCode"), () -> connector.azureWithDeviceCode(endpoints, t, c,
                (url, code) -> fxThread.accept(() -> status.set(LocalizedText.of("wizard.signin.deviceCode.show", url, code)))));
    }

    private static AzureEndpoints endpointsOf(AzureEndpoints.Cloud cloud) {
        return switch (cloud) {
            case AZURE_US_GOVERNMENT -> AzureEndpoints.azureUsGovernment();
            case AZURE_CHINA -> AzureEndpoints.azureChina();
            default -> AzureEndpoints.azurePublic();
        };
    }

    private interface Opener {
        Connection open();
    }

    private record Connected(Connection connection, List<SubscriptionRef> subscriptions) { }

    private void connect(LocalizedText what, Opener opener) {
        java.util.function.Supplier<String> title = () -> i18n.get(what);
        error.set(null);
        busy.set(true);
        status.set(what);
        tasks.execute(BackgroundTask.of(title, ctx -> {
            ctx.updateMessage(title);
            Connection c = opener.open();
            ctx.throwIfCancelled();
            return new Connected(c, c.identity().subscriptions());
        }).onSuccess(r -> {
            closeQuietly(session.connection());
            session.connectionProperty().set(r.connection());
            subscriptions.setAll(r.subscriptions());
            accounts.clear();
            String user = r.connection().identity().currentAccount().map(a -> a.username()).orElse("?");
            boolean azure = !r.connection().endpoints().isSandbox();
            signedInToAzure.set(azure);
            LocalizedText said = LocalizedText.of("wizard.signin.signedIn", user, r.subscriptions().size());
            // Say plainly when nothing keeps the sign-in: no keyring, so the next start opens the browser again.
            if (azure && r.connection().identity().tokensInMemoryOnly()) {
                said = LocalizedText.of("wizard.signin.signedInWithNote", said, LocalizedText.of("wizard.signin.memoryOnly"));
            }
            status.set(said);
            if (azure) rememberCloud.accept(r.connection().endpoints().cloud());
            if (!r.subscriptions().isEmpty()) session.subscriptionProperty().set(r.subscriptions().get(0));
        }).onFailure(e -> {
            status.set(null);
            error.set(describe.apply(e));
        }).onFinally(() -> busy.set(false)));
    }

    private void loadAccounts(SubscriptionRef sub) {
        accounts.clear();
        session.accountProperty().set(null);
        Connection c = session.connection();
        if (sub == null || c == null) return;
        busy.set(true);
        java.util.function.Supplier<String> title = () -> i18n.get("wizard.signin.task.accounts", sub.displayName());
        tasks.execute(BackgroundTask.of(title, ctx -> c.batch().listAccounts(sub.subscriptionId()))
                .onSuccess(list -> {
                    accounts.setAll(list);
                    // Propose the first account (the user can pick another); nothing is created by choosing.
                    list.stream().filter(a -> a.poolAllocationMode() == io.poolforge.domain.PoolAllocationMode.BATCH_SERVICE)
                            .findFirst().or(() -> list.stream().findFirst()).ifPresent(a -> session.accountProperty().set(a));
                })
                .onFailure(e -> error.set(describe.apply(e)))
                .onFinally(() -> busy.set(false)));
    }

    /** Quotas, usage, supported images, VM sizes and existing pools, through the one read path: every later step needs them. */
    private void loadAccountDetails(BatchAccountInfo acct) {
        Connection c = session.connection();
        if (acct == null || c == null) return;
        busy.set(true);
        java.util.function.Supplier<String> title = () -> i18n.get("wizard.signin.task.details", acct.name());
        tasks.execute(BackgroundTask.of(title, ctx -> {
            ctx.updateProgress(0, 1);
            AccountFacts facts = new AccountReader(c.compute(), c.batch()).read(acct, List.of());
            ctx.updateProgress(1, 1);
            return facts;
        }).onSuccess(d -> {
            if (session.account() != acct) return;
            // The VM step's client (class loading, ~1.5 s without the class-data archive) is prepared once the facts are on
            // screen, not before them and not beside their reads, which it slowed down (PF-13, "connected").
            tasks.execute(BackgroundTask.of(() -> i18n.get("wizard.signin.task.warmUp"), ctx -> {
                c.compute().warmUp(acct.subscriptionId());
                return null;
            }));
            session.supportedImages().setAll(d.supportedImages());
            session.vmSizes().setAll(d.vmSizes());
            session.existingPools().setAll(d.pools());
            session.imageSources().putAll(d.imageSources());
            session.accountUsageProperty().set(d.account());
        }).onFailure(e -> error.set(describe.apply(e)))
          .onFinally(() -> busy.set(false)));
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("Closing the previous connection failed", e);
        }
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.trim(); }
}
