package io.poolforge.app;

import io.poolforge.i18n.Messages;
import io.poolforge.task.BackgroundTask;
import io.poolforge.ui.DialogService;
import io.poolforge.ui.FxTaskExecutor;
import io.poolforge.ui.I18n;
import io.poolforge.ui.MainWindow;
import io.poolforge.ui.wizard.WizardFlow;
import io.poolforge.ui.wizard.WizardFrame;
import io.poolforge.ui.wizard.WizardSteps;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one composition root of the desktop app: builds every object once and hands each what it
 * needs through its constructor. Nothing else creates services; there are no singletons.
 */
public final class AppContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private final AppPaths paths;
    private final Settings settings;
    private final I18n i18n;
    private final FxTaskExecutor tasks;
    private final DialogService dialogs;
    private WizardFrame wizard;

    public AppContext(AppPaths paths, Locale osLocale) {
        this.paths = paths;
        this.settings = new Settings(paths.settingsFile());
        this.i18n = new I18n(settings.language().orElse(Messages.supported(osLocale)));
        this.tasks = new FxTaskExecutor(4);
        this.dialogs = new DialogService(i18n);
    }

    public AppPaths paths() { return paths; }

    public I18n i18n() { return i18n; }

    public FxTaskExecutor tasks() { return tasks; }

    public DialogService dialogs() { return dialogs; }

    /** The wizard (built on first use, FX thread). */
    public WizardFrame wizard() {
        if (wizard == null) wizard = new WizardFrame(i18n, WizardFlow.linear(WizardSteps.create(i18n)));
        return wizard;
    }

    /** Builds the main window's content (FX thread). */
    public MainWindow mainWindow() {
        return new MainWindow(i18n, wizard(), this::rememberLanguage);
    }

    private void rememberLanguage(Locale locale) {
        settings.setLanguage(locale);
        tasks.execute(BackgroundTask.of(i18n.get("task.saveSettings"), ctx -> {
            settings.save();
            return null;
        }).onFailure(e -> LOG.warn("Could not save settings", e)));
    }

    @Override
    public void close() {
        tasks.shutdown();
    }
}
