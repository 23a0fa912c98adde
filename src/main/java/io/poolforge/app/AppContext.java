package io.poolforge.app;

import io.poolforge.azure.AzureConnector;
import io.poolforge.azure.Connection;
import io.poolforge.azure.sdk.SdkConnector;
import io.poolforge.cli.RootCommand;
import io.poolforge.i18n.Messages;
import io.poolforge.plan.PlanCodec;
import io.poolforge.run.JournalStore;
import io.poolforge.run.PlanRunner;
import io.poolforge.sandbox.Sandbox;
import io.poolforge.task.BackgroundTask;
import io.poolforge.ui.DialogService;
import io.poolforge.ui.FxTaskExecutor;
import io.poolforge.ui.I18n;
import io.poolforge.ui.MainWindow;
import io.poolforge.ui.wizard.WizardFlow;
import io.poolforge.ui.wizard.WizardFrame;
import io.poolforge.ui.wizard.WizardSession;
import io.poolforge.ui.wizard.WizardStep;
import io.poolforge.ui.wizard.create.CreateStepView;
import io.poolforge.ui.wizard.create.CreateViewModel;
import io.poolforge.ui.wizard.image.ImageStepView;
import io.poolforge.ui.wizard.image.ImageViewModel;
import io.poolforge.ui.wizard.pool.PoolStepView;
import io.poolforge.ui.wizard.pool.PoolViewModel;
import io.poolforge.ui.wizard.review.ReviewStepView;
import io.poolforge.ui.wizard.review.ReviewViewModel;
import io.poolforge.ui.wizard.signin.SignInStepView;
import io.poolforge.ui.wizard.signin.SignInViewModel;
import io.poolforge.ui.wizard.snapshot.SnapshotStepView;
import io.poolforge.ui.wizard.snapshot.SnapshotViewModel;
import io.poolforge.ui.wizard.vm.VmStepView;
import io.poolforge.ui.wizard.vm.VmViewModel;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import io.poolforge.ui.FxScheduler;
import io.poolforge.ui.TaskBar;
import io.poolforge.ui.inspect.InspectorPage;
import io.poolforge.ui.inspect.InspectorView;
import io.poolforge.ui.inspect.InspectorViewModel;
import io.poolforge.ui.watch.PoolRemedies;
import io.poolforge.ui.watch.PoolWatchView;
import io.poolforge.ui.watch.PoolWatchViewModel;
import java.net.URI;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one composition root of the desktop app: builds every object once and hands each what it
 * needs through its constructor. Nothing else creates services; there are no singletons.
 */
public final class AppContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    /**
     * @param sandboxTimeScale 0 = instant (tests), 1 = demo pace
     * @param autoSandbox      start the sandbox at once when no Azure account was ever signed in
     */
    public record Options(double sandboxTimeScale, boolean autoSandbox, boolean startScreen) {
        public static Options desktop() {
            return new Options(Double.parseDouble(System.getProperty("poolforge.sandbox.timeScale", "1")), true, true);
        }

        /** Tests open straight on the wizard (no start screen) and start no sandbox by themselves. */
        public static Options tests() { return new Options(0, false, false); }

        public Options withStartScreen(boolean on) { return new Options(sandboxTimeScale, autoSandbox, on); }
    }

    private final AppPaths paths;
    private final Options options;
    private final Settings settings;
    private final I18n i18n;
    private final FxTaskExecutor tasks;
    private final DialogService dialogs;
    private final Clock clock = Clock.systemDefaultZone();
    private final AzureConnector connector;
    private final WizardSession session = new WizardSession(clock);
    private PlanCodec codec; // Jackson: built when first needed, not on the first screen's path (PF-13)
    private final FxScheduler scheduler = new FxScheduler();
    private SignInViewModel signIn;
    private WizardFrame wizard;
    private InspectorPage inspector;
    private volatile Sandbox sandbox;
    private PoolWatchViewModel watch;
    private VmViewModel vmModel;
    private PoolRemedies remedies;
    private PoolViewModel poolModel;
    private MainWindow window;
    private final io.poolforge.ui.Theme theme;
    private Consumer<URI> uriOpener = uri -> LOG.warn("No browser to open {}", uri);

    public AppContext(AppPaths paths, Locale osLocale, Options options) {
        this.paths = paths;
        this.options = options;
        this.settings = new Settings(paths.settingsFile());
        this.i18n = new I18n(settings.language().orElse(Messages.supported(osLocale)));
        this.tasks = new FxTaskExecutor(4);
        // PF-20: the status line's running task follows a language switch, as every other text does.
        i18n.messagesProperty().addListener((o, was, now) -> tasks.refreshTexts());
        this.dialogs = new DialogService(i18n);
        this.connector = new SdkConnector(this::startSandbox, Sandbox.SCENARIOS, paths.home());
        io.poolforge.ui.Theme.Choice choice = settings.theme();
        this.theme = new io.poolforge.ui.Theme(choice,
                choice == io.poolforge.ui.Theme.Choice.SYSTEM && io.poolforge.ui.Theme.osPrefersDark());
    }

    public io.poolforge.ui.Theme theme() { return theme; }

    public Options options() { return options; }

    private synchronized PlanCodec codec() {
        if (codec == null) codec = new PlanCodec();
        return codec;
    }

    /** True while the session is connected to the sandbox (the band shows then). */
    public javafx.beans.binding.BooleanBinding sandboxConnected() {
        return javafx.beans.binding.Bindings.createBooleanBinding(
                () -> session.connection() != null && session.connection().endpoints().isSandbox(), session.connectionProperty());
    }

    private io.poolforge.ui.TableLayouts tableLayouts;

    public AppPaths paths() { return paths; }

    public I18n i18n() { return i18n; }

    public FxTaskExecutor tasks() { return tasks; }

    public DialogService dialogs() { return dialogs; }

    public WizardSession session() { return session; }

    /** The sandbox this app started last, if any (tests read its resource counts). */
    public java.util.Optional<Sandbox> currentSandbox() { return java.util.Optional.ofNullable(sandbox); }

    /** The sign-in view model (built on first use, FX thread; the wizard's first step uses the same one). */
    public SignInViewModel signIn() {
        if (signIn == null) {
            signIn = new SignInViewModel(connector, tasks, i18n, dialogs::text, session, Platform::runLater);
            // The cloud chosen last (shared with the command line's --cloud), remembered after each sign-in.
            io.poolforge.azure.CloudChoice clouds = new io.poolforge.azure.CloudChoice(paths.settingsFile());
            clouds.remembered().ifPresent(c -> signIn.cloudProperty().set(c.cloud()));
            signIn.rememberCloudWith(cloud -> tasks.execute(BackgroundTask.of(() -> i18n.get("task.saveSettings"), ctx -> {
                clouds.remember(io.poolforge.azure.AzureEndpoints.of(switch (cloud) {
                    case AZURE_US_GOVERNMENT -> io.poolforge.azure.CloudProfile.AZURE_US_GOVERNMENT;
                    case AZURE_CHINA -> io.poolforge.azure.CloudProfile.AZURE_CHINA;
                    default -> io.poolforge.azure.CloudProfile.AZURE_CLOUD;
                }).profile());
                return cloud;
            }).onFailure(e -> LOG.warn("Could not remember the cloud", e))));
        }
        return signIn;
    }

    private SdkConnector.RunningSandbox startSandbox(String scenario) {
        Sandbox s = Sandbox.builder().scenario(scenario).timeScale(options.sandboxTimeScale())
                .certificateDirectory(paths.home().resolve("sandbox")).start();
        LOG.info("Sandbox '{}' started at {}", scenario, s.armUrl());
        sandbox = s;
        return new SdkConnector.RunningSandbox(s.armUrl(), s.authorityUrl(), s.tokenUrl(), s.tenantId(), s.certificatePath(), s);
    }

    private javafx.scene.Node createWatch; // the create step's pool watch, built when that step is first shown

    /** The wizard and its steps (built on first use, FX thread). */
    public WizardFrame wizard() {
        if (wizard == null) {
            var describe = (java.util.function.Function<Throwable, io.poolforge.domain.LocalizedText>) dialogs::text;
            signIn();
            // Jackson (the codec) is built when a plan is first saved, exported or run, in that background task (PF-13).
            ReviewViewModel review = new ReviewViewModel(session, tasks, i18n, describe, this::codec, RootCommand.version());
            CreateViewModel create = new CreateViewModel(session, tasks, i18n, describe, this::runnerFor, review::plan, Platform::runLater);
            watch = new PoolWatchViewModel(tasks, scheduler, i18n, describe, dialogs::confirm, this::openUri,
                    remedies(), clock);
            session.connectionProperty().addListener((o, a, c) -> {
                if (c != null && !c.endpoints().isSandbox()) offerUnfinishedRun(create);
            });
            create.poolProperty().addListener((o, a, pool) -> {
                if (pool != null) watch.watch(session.connection(), session.account(), pool.id());
                else watch.stop();
            });
            this.create = create;
            // A new connection (another sandbox scenario, another sign-in): what watched the old one stops (PF-20: the
            // old watch polled a dead sandbox and said "Could not reach Azure").
            session.connectionProperty().addListener((o, a, c) -> {
                if (a == c) return;
                watch.stop();
                for (Stage s : List.copyOf(watchWindows)) s.close();
            });
            // The pool watch and its nodes table (~115 ms cold) are built with the create step's page, not with the wizard.
            List<WizardStep> steps = List.of(
                    new SignInStepView(signIn, i18n),
                    new VmStepView(vmModel = new VmViewModel(tasks, i18n, describe, session), i18n, tableLayouts()),
                    new SnapshotStepView(new SnapshotViewModel(session), i18n),
                    new ImageStepView(new ImageViewModel(session, tasks, i18n), i18n),
                    new PoolStepView(poolModel = new PoolViewModel(session, tasks, i18n::get), i18n),
                    new ReviewStepView(review, i18n),
                    createStep = new CreateStepView(create, i18n, this::createWatch));
            // Starting from an existing image leaves out the snapshot and image steps.
            wizard = new WizardFrame(i18n, WizardFlow.skipping(steps, step -> session.fromExistingImage()
                    && ("snapshot".equals(step.id()) || "image".equals(step.id()))));
            createStep.setEndActions(this::createAnother, this::openInInspector);
        }
        return wizard;
    }

    private CreateViewModel create;
    private CreateStepView createStep;
    private final List<Stage> watchWindows = new java.util.ArrayList<>();

    /** Whether a run is going (closing the window asks first). */
    public boolean runInProgress() {
        return create != null && create.runningProperty().get();
    }

    /**
     * Closing while a run is going asks first and says how it can be resumed (PF-20); true to close. On yes, the run
     * is cancelled (it stops between steps) before the window goes.
     */
    public boolean confirmCloseDuringRun() {
        if (!runInProgress()) return true;
        var plan = session.poolProperty().get();
        if (!dialogs.confirm("app.close.running.title", i18n.get("app.close.running.text", plan == null ? "" : plan.poolId()))) return false;
        create.cancel();
        return true;
    }

    /** "Create another pool": the same sign-in and account, a new flow from the VM step (PF-20). */
    private void createAnother() {
        wizard.startOver(wizard.stepsInOrder().get(1));
    }

    /** "Open in the inspector": the inspector page, on the account of the run, with the new pool selected (PF-20). */
    private void openInInspector(String poolId) {
        inspector().model().selectWhenListed(poolId);
        if (window != null) window.showInspector();
    }

    private javafx.scene.Node createWatch() {
        if (createWatch == null) createWatch = watchWithNodes(watch);
        return createWatch;
    }

    /**
     * Runs against real Azure keep their journals in the PoolForge folder (offered again at the next
     * sign-in); a sandbox forgets everything when it stops, so its runs live in a folder of their own.
     */
    private CreateViewModel.JournalStoreAndRunner runnerFor(Connection c) {
        JournalStore store = new JournalStore(c.endpoints().isSandbox()
                ? paths.home().resolve("sandbox-runs").resolve(Integer.toHexString(System.identityHashCode(c))) : paths.runs(), codec());
        return new CreateViewModel.JournalStoreAndRunner(store, new PlanRunner(c.compute(), c.batch(), store, clock),
                new io.poolforge.run.Preflight(c.compute(), c.batch(), clock, session.connection() == c && session.marketplaceImages() != null
                        ? session.marketplaceImages() : new io.poolforge.azure.MarketplaceImages(c.compute())));
    }

    /**
     * An unfinished run from an earlier session: resume it, clean up what it created, or keep it
     * as is. Reading the journals is quick (a few small files) but still done off the FX thread.
     */
    private void offerUnfinishedRun(CreateViewModel create) {
        JournalStore store = new JournalStore(paths.runs(), codec());
        record Offer(io.poolforge.run.Journal journal, io.poolforge.plan.Plan plan) { }
        tasks.execute(BackgroundTask.of(() -> i18n.get("run.offer.task"), ctx -> store.unfinished().stream().findFirst()
                        .map(j -> new Offer(j, store.plan(j))))
                .onSuccess(found -> {
                    if (found.isEmpty()) return;
                    var j = found.get().journal();
                    var plan = found.get().plan();
                    int choice = dialogs.choose("run.offer.title", i18n.get("run.offer.text", j.runId(), plan.pool().poolId(),
                            j.firstUnfinished().map(s -> s.name()).orElse("?"), j.createdResources().size()),
                            "run.offer.resume", "run.offer.cleanUp", "run.offer.keep");
                    if (choice == 0) {
                        wizard.goTo(wizard.stepsInOrder().get(wizard.stepsInOrder().size() - 1));
                        create.resume(j);
                    } else if (choice == 1) {
                        wizard.goTo(wizard.stepsInOrder().get(wizard.stepsInOrder().size() - 1));
                        create.cleanUp(j);
                    }
                })
                .onFailure(e -> LOG.warn("Could not read unfinished runs", e)));
    }

    /** The pool inspector page (built on first use, FX thread). */
    public InspectorPage inspector() {
        if (inspector == null) {
            wizard();
            InspectorViewModel model = new InspectorViewModel(tasks, i18n, dialogs::text, dialogs::confirm, remedies(), text -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(text);
                Clipboard.getSystemClipboard().setContent(content);
            });
            InspectorView view = new InspectorView(model, i18n, name -> {
                FileChooser chooser = new FileChooser();
                chooser.setInitialFileName(name);
                java.io.File f = chooser.showSaveDialog(window == null ? null : window.root().getScene().getWindow());
                return f == null ? null : f.toPath();
            }, tableLayouts());
            io.poolforge.ui.watch.NodesViewModel nodes = nodesModel();
            model.selectedProperty().addListener((o, a, row) -> nodes.show(row == null ? null : model.connection(), model.account(),
                    row == null ? null : row.pool().id()));
            view.withNodes(nodesPanel(nodes, () -> {
                var row = model.selectedProperty().get();
                return row == null ? null : row.pool();
            }, () -> {
                var d = model.detailsProperty().get();
                return d == null ? List.of() : d.diagnoses();
            }).view());
            inspector = new InspectorPage(model, view, signIn, session, i18n, this::openWatchWindow);
        }
        return inspector;
    }

    /** The node actions' journal: one line per action, masked, appended to node-actions.log in the PoolForge folder. */
    private void journalNodeAction(String line) {
        try {
            java.nio.file.Files.createDirectories(paths.home());
            java.nio.file.Files.writeString(paths.home().resolve("node-actions.log"),
                    io.poolforge.domain.SecretMasker.mask(line) + System.lineSeparator(), java.nio.charset.StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            LOG.warn("Could not journal a node action: {}", e.getClass().getSimpleName());
        }
        LOG.info("{}", io.poolforge.domain.SecretMasker.mask(line));
    }

    private io.poolforge.ui.watch.NodesViewModel nodesModel() {
        return new io.poolforge.ui.watch.NodesViewModel(tasks, i18n, dialogs::text, dialogs::confirm, this::journalNodeAction, clock,
                RootCommand.version());
    }

    /** The nodes panel, with a FileChooser for the bundle and a text dialog for the log container URL. */
    private io.poolforge.ui.watch.NodesPanel nodesPanel(io.poolforge.ui.watch.NodesViewModel nodes,
                                                         java.util.function.Supplier<io.poolforge.domain.PoolInfo> pool,
                                                         java.util.function.Supplier<List<io.poolforge.domain.diagnose.Diagnosis>> diagnoses) {
        return new io.poolforge.ui.watch.NodesPanel(nodes, i18n, pool, diagnoses, name -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(i18n.get("ui.nodes.bundle.title"));
            chooser.setInitialFileName(name);
            java.io.File f = chooser.showSaveDialog(window == null ? null : window.root().getScene().getWindow());
            return java.util.Optional.ofNullable(f).map(java.io.File::toPath);
        }, nodeId -> {
            javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog();
            d.setTitle(i18n.get("ui.nodes.upload.title"));
            d.setHeaderText(i18n.get("ui.nodes.upload.prompt"));
            d.getEditor().setPrefColumnCount(50);
            return d.showAndWait().filter(s -> !s.isBlank());
        });
    }

    /** The watch and, under it, the watched pool's nodes (read after each poll, at most every 10 s). */
    private javafx.scene.Node watchWithNodes(PoolWatchViewModel watchModel) {
        io.poolforge.ui.watch.NodesViewModel nodes = nodesModel();
        watchModel.lastPolledProperty().addListener((o, a, b) -> {
            nodes.show(watchModel.connection(), watchModel.account(), watchModel.poolId());
            nodes.refreshIfOlder(java.time.Duration.ofSeconds(10));
        });
        watchModel.watchingProperty().addListener((o, a, w) -> {
            if (!w) nodes.show(null, null, null);
        });
        javafx.scene.Node panel = nodesPanel(nodes, watchModel::pool, () -> List.copyOf(watchModel.diagnoses())).view();
        panel.visibleProperty().bind(watchModel.watchingProperty());
        panel.managedProperty().bind(panel.visibleProperty());
        return new javafx.scene.layout.VBox(new PoolWatchView(watchModel, i18n).view(), panel);
    }

    /** Watches one pool in a window of its own (from the inspector); polling stops when it closes. */
    public Stage openWatchWindow(String poolId) {
        PoolWatchViewModel model = new PoolWatchViewModel(tasks, scheduler, i18n, dialogs::text, dialogs::confirm, this::openUri,
                remedies(), clock);
        javafx.scene.control.ScrollPane scroll = io.poolforge.ui.Scrolls.uncached(new javafx.scene.control.ScrollPane(watchWithNodes(model)));
        scroll.setFitToWidth(true);
        scroll.setPadding(new javafx.geometry.Insets(16));
        javafx.scene.layout.BorderPane pane = new javafx.scene.layout.BorderPane(scroll);
        Stage stage = new Stage();
        if (window != null && window.root().getScene() != null) stage.initOwner(window.root().getScene().getWindow());
        javafx.scene.Scene scene = new javafx.scene.Scene(pane, 960, 720);
        scene.getStylesheets().add(AppContext.class.getResource("/io/poolforge/ui/poolforge.css").toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(i18n.text("inspect.page.watchTitle", poolId));
        watchWindows.add(stage);
        stage.setOnHidden(e -> {
            model.stop();
            watchWindows.remove(stage);
        });
        // On screen, over the main window, never at the window manager's 200x200 in a corner (PF-20).
        io.poolforge.ui.WindowPlacement.showOver(stage, stage.getOwner() instanceof Stage o ? o : null, 960, 720);
        model.watch(session.connection(), session.account(), poolId);
        return stage;
    }

    /** Builds the main window's content (FX thread). */
    public MainWindow mainWindow() {
        io.poolforge.ui.StartScreen start = options.startScreen() ? new io.poolforge.ui.StartScreen(i18n,
                () -> window.showWizard(), () -> window.showInspector(), this::sandboxDemo) : null;
        // The wizard and the inspector are built when first shown: the first frame holds the start screen only.
        window = new MainWindow(i18n, this::wizard, () -> inspector().root(), start == null ? null : start.root(),
                new TaskBar(i18n, tasks.runningTasks()).root(), sandboxConnected(), theme, this::rememberLanguage,
                this::rememberTheme);
        return window;
    }

    /** The start screen's third door: the wizard, connected to the sandbox (connecting now unless it already is). */
    private void sandboxDemo() {
        window.showWizard();
        Connection c = session.connection();
        if ((c == null || !c.endpoints().isSandbox()) && !signIn().busyProperty().get()) signIn().trySandbox();
    }

    /** How "open the quota request page" and similar links reach the browser (the app sets HostServices). */
    public void setUriOpener(Consumer<URI> opener) {
        this.uriOpener = opener;
    }

    private void openUri(URI uri) {
        LOG.info("Opening {}", uri);
        uriOpener.accept(uri);
    }

    /** Remedies that need more than a resize (see {@link AppRemedies}). */
    private PoolRemedies remedies() {
        if (remedies == null) {
            remedies = new AppRemedies(tasks, i18n, dialogs, clock, this::runnerFor, new AppRemedies.Navigator() {
                @Override public void openWizard() { toWizard(); }
                @Override public void openReplacementPool(PoolRemedies.Request request,
                                                          io.poolforge.domain.GalleryImageVersionInfo version) {
                    replacementPool(request, version);
                }
            });
        }
        return remedies;
    }

    /** The wizard at the pool step, starting from {@code version}, pre-filled like the old pool. */
    private void replacementPool(PoolRemedies.Request request, io.poolforge.domain.GalleryImageVersionInfo version) {
        wizard();
        if (window != null) window.showWizard();
        if (session.account() == null || !session.account().id().equalsIgnoreCase(request.account().id())) {
            session.accountProperty().set(request.account());
        }
        vmModel.useExistingImage(true);
        vmModel.existingImageProperty().set(version);
        poolModel.prefillReplacementOf(request.pool());
        wizard.goTo(wizard.stepsInOrder().stream().filter(s -> "pool".equals(s.id())).findFirst().orElseThrow());
    }

    private void toWizard() {
        if (window != null) window.showWizard();
        wizard().goTo(wizard().stepsInOrder().get(1));
    }

    /** Whether the desktop should open the sandbox at once (no Azure account ever signed in). */
    public boolean shouldStartInSandbox() {
        return options.autoSandbox() && !Files.exists(paths.home().resolve("auth-record.json"));
    }

    /** Column order and widths of the tables, kept in the settings (saved in the background). */
    public io.poolforge.ui.TableLayouts tableLayouts() {
        if (tableLayouts == null) tableLayouts = new io.poolforge.ui.TableLayouts(settingsStore());
        return tableLayouts;
    }

    private io.poolforge.ui.TableLayouts.Store settingsStore;

    /** The settings as a key/value store whose changes are saved in the background (table layouts, window bounds). */
    public io.poolforge.ui.TableLayouts.Store settingsStore() {
        if (settingsStore == null) {
            settingsStore = new io.poolforge.ui.TableLayouts.Store() {
                @Override public java.util.Optional<String> get(String key) { return settings.get(key); }

                @Override public void put(String key, String value) {
                    if (value.equals(settings.get(key).orElse(null))) return;
                    settings.put(key, value);
                    tasks.execute(BackgroundTask.of(() -> i18n.get("task.saveSettings"), ctx -> {
                        settings.save();
                        return null;
                    }).onFailure(e -> LOG.warn("Could not save settings", e)));
                }
            };
        }
        return settingsStore;
    }

    private void rememberTheme(io.poolforge.ui.Theme.Choice choice) {
        settings.setTheme(choice);
        tasks.execute(BackgroundTask.of(() -> i18n.get("task.saveSettings"), ctx -> {
            settings.save();
            return null;
        }).onFailure(e -> LOG.warn("Could not save settings", e)));
    }

    private void rememberLanguage(Locale locale) {
        settings.setLanguage(locale);
        tasks.execute(BackgroundTask.of(() -> i18n.get("task.saveSettings"), ctx -> {
            settings.save();
            return null;
        }).onFailure(e -> LOG.warn("Could not save settings", e)));
    }

    @Override
    public void close() {
        if (watch != null) {
            // The watch's state is FX state: stop it there (close() may come from another thread).
            if (Platform.isFxApplicationThread()) watch.stop();
            else Platform.runLater(watch::stop);
        }
        tasks.shutdown();
        Connection c = session.connection();
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("Closing the connection failed", e);
            }
        }
    }
}
